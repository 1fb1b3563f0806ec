package ar.booking.persistence.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TestBackendTest {

  private static final String URL = "TEST_DATABASE_URL";

  @Test
  void aGivenUrlWinsAndDockerIsNotEvenAsked() {
    AtomicInteger asked = new AtomicInteger();
    TestBackend backend =
        TestBackend.choose(
            Map.of(URL, "jdbc:postgresql://h/db"),
            URL,
            () -> {
              asked.incrementAndGet();
              return true;
            });
    assertThat(backend).isEqualTo(TestBackend.GIVEN_URL);
    assertThat(asked).hasValue(0);
  }

  @Test
  void withoutUrlDockerIsUsedWhenItAnswers() {
    assertThat(TestBackend.choose(Map.of(), URL, () -> true)).isEqualTo(TestBackend.TESTCONTAINERS);
    assertThat(TestBackend.choose(Map.of(URL, "  "), URL, () -> true))
        .isEqualTo(TestBackend.TESTCONTAINERS);
  }

  @Test
  void withoutUrlOrDockerTheServerIsEmbedded() {
    assertThat(TestBackend.choose(Map.of(), URL, () -> false)).isEqualTo(TestBackend.EMBEDDED);
  }

  @Test
  void dockerCanBeSwitchedOff() {
    assertThat(TestBackend.choose(Map.of(TestBackend.DOCKER_SWITCH, "false"), URL, () -> true))
        .isEqualTo(TestBackend.EMBEDDED);
  }
}
