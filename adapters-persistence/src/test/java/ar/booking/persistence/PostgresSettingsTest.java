package ar.booking.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PostgresSettingsTest {

  @Test
  void readsAPostgresqlUrlWithCredentials() {
    PostgresSettings s =
        PostgresSettings.fromUrl("postgresql://app:s%40cret@db.local:6543/booking", 8);
    assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://db.local:6543/booking");
    assertThat(s.user()).isEqualTo("app");
    assertThat(s.password()).isEqualTo("s@cret");
    assertThat(s.poolSize()).isEqualTo(8);
    assertThat(s.connectionTimeout()).isEqualTo(PostgresSettings.DEFAULT_CONNECTION_TIMEOUT);
  }

  @Test
  void readsThePostgresSchemeAndDefaultsThePort() {
    PostgresSettings s = PostgresSettings.fromUrl("postgres://app@db/booking?sslmode=require", 2);
    assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/booking?sslmode=require");
    assertThat(s.user()).isEqualTo("app");
    assertThat(s.password()).isNull();
  }

  @Test
  void readsAJdbcUrlTakingCredentialsOutOfTheQuery() {
    PostgresSettings s =
        PostgresSettings.fromUrl(
            "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres&password=x&ssl=false", 4);
    assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/postgres?ssl=false");
    assertThat(s.user()).isEqualTo("postgres");
    assertThat(s.password()).isEqualTo("x");
  }

  @Test
  void aJdbcUrlWithoutCredentialsKeepsThemEmpty() {
    PostgresSettings s = PostgresSettings.fromUrl("jdbc:postgresql://h/db", 4);
    assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://h/db");
    assertThat(s.user()).isNull();
  }

  @Test
  void anotherDatabaseKeepsServerAndParameters() {
    PostgresSettings s =
        PostgresSettings.fromUrl("jdbc:postgresql://h:1/postgres?user=u&ssl=false", 4)
            .withDatabase("other");
    assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://h:1/other?ssl=false");
    assertThat(s.user()).isEqualTo("u");
  }

  @Test
  void thePasswordNeverShowsInToString() {
    assertThat(PostgresSettings.fromUrl("postgresql://u:topsecret@h/db", 1).toString())
        .doesNotContain("topsecret");
  }

  @Test
  void badInputIsRefusedClearly() {
    assertThatThrownBy(() -> PostgresSettings.fromUrl("mysql://u:topsecret@h/db", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("topsecret");
    assertThatThrownBy(() -> PostgresSettings.fromUrl("postgresql://h/db", 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new PostgresSettings(
                    "jdbc:postgresql://h/db", null, null, 1, Duration.ofMillis(10)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
