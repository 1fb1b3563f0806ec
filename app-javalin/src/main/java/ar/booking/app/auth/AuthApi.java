package ar.booking.app.auth;

import ar.booking.app.config.SecretRules;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admin login ({@code POST /api/v1/admin/login}), the bearer-token filter over the rest of {@code
 * /api/v1/admin} and over {@code /api/v1/nlu}, per-client rate limits, {@code GET /api/v1/admin/me}
 * and the password change ({@code POST /api/v1/admin/password}), after which every token issued
 * before it is refused.
 */
public final class AuthApi implements RouteGroup {

  private static final Logger log = LoggerFactory.getLogger(AuthApi.class);

  public static final String ADMIN = "/api/v1/admin";
  public static final String LOGIN = ADMIN + "/login";
  public static final String PASSWORD = ADMIN + "/password";

  /** Owner-only tools outside the admin prefix (the parser's endpoint). */
  public static final String NLU = "/api/v1/nlu";

  /** The login body. */
  public record LoginRequest(String email, String password) {}

  /** The login answer (also the answer to a password change: a fresh token). */
  public record LoginResponse(String token, Instant expiresAt) {}

  /** The password change body. */
  public record PasswordChange(String currentPassword, String newPassword) {}

  private static final ApiException WRONG_CREDENTIALS =
      new ApiException(401, "invalid_credentials", "Wrong e-mail or password.");

  private final OwnerAccounts accounts;
  private final PasswordHasher hasher;
  private final JwtTokens tokens;
  private final PasswordVersions versions;
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
      PasswordVersions versions,
      RateLimiter adminLimiter,
      RateLimiter loginLimiter,
      ClientAddress clients) {
    this.accounts = accounts;
    this.hasher = hasher;
    this.tokens = tokens;
    this.versions = versions;
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
    routes.post(PASSWORD, this::changePassword);
  }

  private void guard(Context ctx) {
    if (ctx.method() == HandlerType.OPTIONS) {
      return;
    }
    String path = ctx.path().replaceAll("/+$", "");
    limit(adminLimiter, ctx);
    if (path.equals(LOGIN)) {
      limit(loginLimiter, ctx);
      return;
    }
    if (path.equals(PASSWORD)) {
      limit(loginLimiter, ctx); // it checks a password too: same brake on guessing
    }
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new ApiException(401, "unauthorized", "A valid bearer token is required.");
    }
    JwtTokens.Verified token =
        tokens
            .verify(header.substring(7).strip())
            .filter(versions::current)
            .orElseThrow(
                () ->
                    new ApiException(
                        401, "unauthorized", "The bearer token is invalid or expired."));
    ctx.attribute(Actors.ATTRIBUTE, "admin:" + token.email());
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
      throw WRONG_CREDENTIALS;
    }
    JwtTokens.Issued issued = tokens.issue(account.get().email(), account.get().passwordVersion());
    ctx.json(new LoginResponse(issued.token(), issued.expiresAt()));
  }

  private void changePassword(Context ctx) {
    String email = Actors.current(ctx).substring("admin:".length());
    PasswordChange request = ctx.bodyAsClass(PasswordChange.class);
    if (request == null
        || request.currentPassword() == null
        || request.currentPassword().isEmpty()
        || request.newPassword() == null
        || request.newPassword().isEmpty()) {
      throw ApiException.badRequest("Both 'current_password' and 'new_password' are required.");
    }
    OwnerAccount account =
        accounts
            .findByEmail(email)
            .orElseThrow(() -> new ApiException(401, "unauthorized", "The account is gone."));
    if (!hasher.matches(request.currentPassword(), account.passwordHash())) {
      throw WRONG_CREDENTIALS;
    }
    SecretRules.passwordProblem(request.newPassword())
        .or(
            () ->
                request.newPassword().equals(request.currentPassword())
                    ? Optional.of("different from the current password")
                    : Optional.empty())
        .ifPresent(
            rule -> {
              throw new ApiException(
                  400,
                  "invalid_request",
                  "The new password must be " + rule + ".",
                  Map.of("field", "new_password", "rule", rule));
            });
    OwnerAccount changed =
        accounts
            .changePassword(
                account.email(), account.passwordVersion(), hasher.hash(request.newPassword()))
            .orElseThrow(
                () ->
                    new ApiException(
                        409,
                        "conflict",
                        "The password was changed by another request meanwhile; log in again."));
    versions.changed(changed);
    log.info("Admin password changed; tokens issued before are no longer accepted");
    JwtTokens.Issued issued = tokens.issue(changed.email(), changed.passwordVersion());
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
