package ar.booking.app.auth;

import ar.booking.app.http.Actors;
import ar.booking.app.http.ApiException;
import ar.booking.app.http.RouteGroup;
import ar.booking.core.owner.OwnerAccount;
import ar.booking.core.ports.OwnerAccounts;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Admin login ({@code POST /api/v1/admin/login}), the bearer-token filter over the rest of {@code
 * /api/v1/admin} and over {@code /api/v1/nlu}, per-client rate limits, and {@code GET
 * /api/v1/admin/me}.
 */
public final class AuthApi implements RouteGroup {

  public static final String ADMIN = "/api/v1/admin";
  public static final String LOGIN = ADMIN + "/login";

  /** Owner-only tools outside the admin prefix (the parser's endpoint). */
  public static final String NLU = "/api/v1/nlu";

  /** The login body. */
  public record LoginRequest(String email, String password) {}

  /** The login answer. */
  public record LoginResponse(String token, Instant expiresAt) {}

  private final OwnerAccounts accounts;
  private final PasswordHasher hasher;
  private final JwtTokens tokens;
  private final RateLimiter adminLimiter;
  private final RateLimiter loginLimiter;
  private final ClientAddress clients;

  /**
   * @param adminLimiter per-IP limit on every admin request, or null for none
   * @param loginLimiter per-IP limit on login attempts, or null for none
   */
  public AuthApi(
      OwnerAccounts accounts,
      PasswordHasher hasher,
      JwtTokens tokens,
      RateLimiter adminLimiter,
      RateLimiter loginLimiter,
      ClientAddress clients) {
    this.accounts = accounts;
    this.hasher = hasher;
    this.tokens = tokens;
    this.adminLimiter = adminLimiter;
    this.loginLimiter = loginLimiter;
    this.clients = clients;
  }

  @Override
  public void addTo(io.javalin.config.RoutesConfig routes) {
    routes.before(ADMIN + "/*", this::guard);
    routes.before(ADMIN, this::guard);
    routes.before(NLU + "/*", this::guard);
    routes.post(LOGIN, this::login);
    routes.get(ADMIN + "/me", this::me);
  }

  private void guard(Context ctx) {
    if (ctx.method() == HandlerType.OPTIONS) {
      return;
    }
    boolean login = ctx.path().replaceAll("/+$", "").equals(LOGIN);
    limit(adminLimiter, ctx);
    if (login) {
      limit(loginLimiter, ctx);
      return;
    }
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new ApiException(401, "unauthorized", "A valid bearer token is required.");
    }
    String email =
        tokens
            .verify(header.substring(7).strip())
            .orElseThrow(
                () ->
                    new ApiException(
                        401, "unauthorized", "The bearer token is invalid or expired."));
    ctx.attribute(Actors.ATTRIBUTE, "admin:" + email);
  }

  private void limit(RateLimiter limiter, Context ctx) {
    if (limiter == null) {
      return;
    }
    RateLimiter.Decision decision = limiter.hit(clients.of(ctx));
    if (!decision.allowed()) {
      ctx.header("Retry-After", Long.toString(decision.retryAfterSeconds()));
      throw new ApiException(
          429,
          "rate_limited",
          "Too many requests; retry in " + decision.retryAfterSeconds() + " s.",
          Map.of("retry_after_seconds", decision.retryAfterSeconds()));
    }
  }

  private void login(Context ctx) {
    LoginRequest request = ctx.bodyAsClass(LoginRequest.class);
    if (request == null
        || request.email() == null
        || request.email().isBlank()
        || request.password() == null
        || request.password().isEmpty()) {
      throw ApiException.badRequest("Both 'email' and 'password' are required.");
    }
    Optional<OwnerAccount> account = accounts.findByEmail(request.email());
    boolean ok;
    if (account.isPresent()) {
      ok = hasher.matches(request.password(), account.get().passwordHash());
    } else {
      hasher.burn(request.password());
      ok = false;
    }
    if (!ok) {
      throw new ApiException(401, "invalid_credentials", "Wrong e-mail or password.");
    }
    JwtTokens.Issued issued = tokens.issue(account.get().email());
    ctx.json(new LoginResponse(issued.token(), issued.expiresAt()));
  }

  private void me(Context ctx) {
    String actor = Actors.current(ctx);
    String email = actor.substring("admin:".length());
    // Reads the account, so this also tells whether storage answers.
    OwnerAccount account =
        accounts
            .findByEmail(email)
            .orElseThrow(() -> new ApiException(401, "unauthorized", "The account is gone."));
    ctx.json(Map.of("email", account.email(), "created_at", account.createdAt()));
  }
}
