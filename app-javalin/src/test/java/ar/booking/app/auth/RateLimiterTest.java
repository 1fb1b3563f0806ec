package ar.booking.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  @Test
  void eachClientGetsItsLimitPerWindowAndIsToldWhenToRetry() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
    RateLimiter limiter = new RateLimiter(2, Duration.ofSeconds(60), clock);
    assertThat(limiter.hit("10.0.0.1").allowed()).isTrue();
    assertThat(limiter.hit("10.0.0.1").allowed()).isTrue();
    clock.advance(Duration.ofSeconds(15));
    RateLimiter.Decision third = limiter.hit("10.0.0.1");
    assertThat(third.allowed()).isFalse();
    assertThat(third.retryAfterSeconds()).isEqualTo(45);
    assertThat(limiter.hit("10.0.0.2").allowed()).as("another client").isTrue();
    clock.advance(Duration.ofSeconds(45));
    assertThat(limiter.hit("10.0.0.1").allowed()).as("a new window").isTrue();
  }
}
