package ar.booking.app.auth;

import ar.booking.core.owner.OwnerAccount;
import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Admin bearer tokens: HS256 JWTs whose subject is the owner's e-mail and whose {@code pwv} claim
 * is the account's password version when the token was issued. Thread-safe.
 */
public final class JwtTokens {

  static final String ISSUER = "booking-admin";

  static final String PASSWORD_VERSION = "pwv";

  /** A signed token and when it stops being accepted. */
  public record Issued(String token, Instant expiresAt) {}

  /** What a valid token says: whose it is, under which password version, since when. */
  public record Verified(String email, int passwordVersion, Instant issuedAt) {}

  private final Algorithm algorithm;
  private final JWTVerifier verifier;
  private final Duration lifetime;
  private final Clock clock;

  public JwtTokens(String secret, Duration lifetime, Clock clock) {
    this.algorithm = Algorithm.HMAC256(secret.getBytes(StandardCharsets.UTF_8));
    this.lifetime = lifetime;
    this.clock = clock;
    this.verifier =
        ((JWTVerifier.BaseVerification) JWT.require(algorithm).withIssuer(ISSUER)).build(clock);
  }

  public Issued issue(String email, int passwordVersion) {
    Instant now = clock.instant();
    Instant expires = now.plus(lifetime);
    String token =
        JWT.create()
            .withIssuer(ISSUER)
            .withSubject(email)
            .withClaim(PASSWORD_VERSION, passwordVersion)
            .withIssuedAt(now)
            .withExpiresAt(expires)
            .sign(algorithm);
    return new Issued(token, expires);
  }

  /**
   * A valid, unexpired token signed with our secret. Tokens from before password versions existed
   * carry no {@code pwv}; they count as the first version.
   */
  public Optional<Verified> verify(String token) {
    try {
      DecodedJWT jwt = verifier.verify(token);
      if (jwt.getSubject() == null || jwt.getIssuedAtAsInstant() == null) {
        return Optional.empty();
      }
      Integer version = jwt.getClaim(PASSWORD_VERSION).asInt();
      return Optional.of(
          new Verified(
              jwt.getSubject(),
              version == null ? OwnerAccount.FIRST_PASSWORD_VERSION : version,
              jwt.getIssuedAtAsInstant()));
    } catch (JWTVerificationException e) {
      return Optional.empty();
    }
  }
}
