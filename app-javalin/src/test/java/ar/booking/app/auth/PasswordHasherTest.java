package ar.booking.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  @Test
  void hashesAreBcryptSaltedAndVerify() {
    PasswordHasher hasher = new PasswordHasher(4);
    String hash = hasher.hash("correct horse");
    assertThat(hash).startsWith("$2a$04$").doesNotContain("correct horse");
    assertThat(hasher.hash("correct horse")).as("salted").isNotEqualTo(hash);
    assertThat(hasher.matches("correct horse", hash)).isTrue();
    assertThat(hasher.matches("wrong horse", hash)).isFalse();
  }

  @Test
  void passwordsLongerThanBcryptReadsAreRefusedNotThrown() {
    PasswordHasher hasher = new PasswordHasher(4);
    String hash = hasher.hash("correct horse");
    assertThat(hasher.matches("x".repeat(100), hash)).isFalse();
    hasher.burn("y".repeat(100)); // the unknown-account path must not throw either
  }
}
