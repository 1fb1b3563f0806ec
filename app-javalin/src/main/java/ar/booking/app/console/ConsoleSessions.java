package ar.booking.app.console;

import ar.booking.app.auth.JwtTokens;
import ar.booking.app.auth.PasswordVersions;
import ar.booking.core.owner.OwnerAccount;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The owner's browser session, kept by the browser alone (works on any number of instances): the
 * cookie holds a token signed with {@code JWT_SECRET} that names the account and its password
 * version, so a password change ends every older session. The CSRF token of a session is an HMAC of
 * its cookie; before login, of a random nonce in a short-lived cookie.
 */
final class ConsoleSessions {

  static final String COOKIE = "consola";
  static final String LOGIN_COOKIE = "consola_ingreso";
  static final String CSRF_FIELD = "_csrf";
  static final String PATH = "/admin";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  /** A logged-in owner: e-mail, the cookie's token and the CSRF token every form carries. */
  record Session(String email, String token, String csrf) {}

  private final JwtTokens tokens;
  private final PasswordVersions versions;
  private final byte[] csrfKey;
  private final boolean secure;
  private final Duration lifetime;

  /**
   * @param secret the JWT secret; the CSRF key is derived from it
   * @param secure whether cookies carry {@code Secure} (production, behind HTTPS)
   */
  ConsoleSessions(
      JwtTokens tokens,
      PasswordVersions versions,
      String secret,
      boolean secure,
      Duration lifetime) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.versions = Objects.requireNonNull(versions, "versions");
    this.csrfKey = sha256("console-csrf:" + Objects.requireNonNull(secret, "secret"));
    this.secure = secure;
    this.lifetime = lifetime;
  }

  /**
   * The session of the request's cookie, when it is valid, unexpired and of the current password.
   */
  Optional<Session> current(Context ctx) {
    String token = ctx.cookie(COOKIE);
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    return tokens
        .verify(token)
        .filter(versions::current)
        .map(v -> new Session(v.email(), token, hmac("session:" + token)));
  }

  /** Starts a session for {@code account} (after its password was checked). */
  Session start(Context ctx, OwnerAccount account) {
    JwtTokens.Issued issued = tokens.issue(account.email(), account.passwordVersion());
    setCookie(ctx, COOKIE, issued.token(), lifetime.toSeconds());
    setCookie(ctx, LOGIN_COOKIE, "", 0);
    return new Session(account.email(), issued.token(), hmac("session:" + issued.token()));
  }

  void end(Context ctx) {
    setCookie(ctx, COOKIE, "", 0);
  }

  /** Whether the form's CSRF field is the session's token. */
  boolean csrfMatches(Context ctx, Session session) {
    return constantTimeEquals(ctx.formParam(CSRF_FIELD), session.csrf());
  }

  /** The login form's CSRF token, setting the nonce cookie it is bound to when there is none. */
  String loginCsrf(Context ctx) {
    String nonce = ctx.cookie(LOGIN_COOKIE);
    if (nonce == null || nonce.length() < 16) {
      byte[] bytes = new byte[24];
      RANDOM.nextBytes(bytes);
      nonce = B64.encodeToString(bytes);
      setCookie(ctx, LOGIN_COOKIE, nonce, Duration.ofHours(2).toSeconds());
    }
    return hmac("login:" + nonce);
  }

  /** Whether the login form carries the token of the nonce cookie. */
  boolean loginCsrfMatches(Context ctx) {
    String nonce = ctx.cookie(LOGIN_COOKIE);
    return nonce != null
        && nonce.length() >= 16
        && constantTimeEquals(ctx.formParam(CSRF_FIELD), hmac("login:" + nonce));
  }

  private void setCookie(Context ctx, String name, String value, long maxAgeSeconds) {
    StringBuilder cookie =
        new StringBuilder(name)
            .append('=')
            .append(value)
            .append("; Path=")
            .append(PATH)
            .append("; Max-Age=")
            .append(maxAgeSeconds)
            .append("; HttpOnly; SameSite=Lax");
    if (secure) {
      cookie.append("; Secure");
    }
    ctx.res().addHeader("Set-Cookie", cookie.toString());
  }

  private String hmac(String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(csrfKey, "HmacSHA256"));
      return B64.encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static boolean constantTimeEquals(String given, String expected) {
    if (given == null) {
      return false;
    }
    return MessageDigest.isEqual(
        given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
