package ar.booking.app.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Admin bearer tokens: HS256 JWTs whose subject is the owner's e-mail. Thread-safe. */
public final class JwtTokens {

  static final String ISSUER = "booking-admin";

  /** A signed token and when it stops being accepted. */
  public record Issued(String token, Instant expiresAt) {}

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

  public Issued issue(String email) {
    Instant now = clock.instant();
    Instant expires = now.plus(lifetime);
    String token =
        JWT.create()
            .withIssuer(ISSUER)
            .withSubject(email)
            .withIssuedAt(now)
            .withExpiresAt(expires)
            .sign(algorithm);
    return new Issued(token, expires);
  }

  /** The e-mail of a valid, unexpired token signed with our secret. */
  public Optional<String> verify(String token) {
    try {
      return Optional.ofNullable(verifier.verify(token).getSubject());
    } catch (JWTVerificationException e) {
      return Optional.empty();
    }
  }
}
