package ar.booking.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.testing.MutableClock;
import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JwtTokensTest {

  private static final String SECRET = "0123456789abcdef0123456789abcdef";

  @Test
  void aTokenNamesItsOwnerUntilItExpires() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
    JwtTokens tokens = new JwtTokens(SECRET, Duration.ofHours(24), clock);
    JwtTokens.Issued issued = tokens.issue("owner@cabanas.test", 3);
    assertThat(issued.expiresAt()).isEqualTo(Instant.parse("2026-11-29T12:00:00Z"));
    assertThat(tokens.verify(issued.token()))
        .hasValue(
            new JwtTokens.Verified("owner@cabanas.test", 3, Instant.parse("2026-11-28T12:00:00Z")));
    clock.advance(Duration.ofHours(24).plusSeconds(1));
    assertThat(tokens.verify(issued.token())).isEmpty();
  }

  @Test
  void aTokenSignedWithAnotherSecretOrTamperedWithIsRefused() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
    JwtTokens ours = new JwtTokens(SECRET, Duration.ofHours(1), clock);
    JwtTokens theirs = new JwtTokens(SECRET + "-other", Duration.ofHours(1), clock);
    assertThat(ours.verify(theirs.issue("owner@cabanas.test", 1).token())).isEmpty();
    String token = ours.issue("owner@cabanas.test", 1).token();
    String[] parts = token.split("\\.");
    String tampered = parts[0] + "." + parts[1] + "x." + parts[2];
    assertThat(ours.verify(tampered)).isEmpty();
    assertThat(ours.verify("garbage")).isEmpty();
  }

  @Test
  void aTokenFromBeforePasswordVersionsCountsAsTheFirstVersion() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
    JwtTokens tokens = new JwtTokens(SECRET, Duration.ofHours(1), clock);
    String old =
        JWT.create()
            .withIssuer(JwtTokens.ISSUER)
            .withSubject("owner@cabanas.test")
            .withIssuedAt(clock.instant())
            .withExpiresAt(clock.instant().plusSeconds(60))
            .sign(Algorithm.HMAC256(SECRET.getBytes(StandardCharsets.UTF_8)));
    assertThat(tokens.verify(old)).map(JwtTokens.Verified::passwordVersion).hasValue(1);
  }
}
