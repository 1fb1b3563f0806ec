package ar.booking.core.calendarsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.shared.AccommodationId;
import ar.booking.core.testing.Fixtures;
import org.junit.jupiter.api.Test;

class ExportTokensTest {

  private final ExportTokens tokens = ExportTokens.fromSecret("a-salt-of-32-characters-for-test");
  private final Accommodation unit = Fixtures.cabin(new AccommodationId(7), "Cabaña del Lago");

  @Test
  void theTokenIsAStableUrlSafeHmac() {
    String token = tokens.tokenFor(unit);

    assertThat(token).matches("[A-Za-z0-9_-]{43}").isEqualTo(tokens.tokenFor(unit.id(), 1));
    assertThat(tokens.matches(unit, token)).isTrue();
  }

  @Test
  void aWrongTokenAnotherUnitsTokenOrAnotherSaltDoNotMatch() {
    String token = tokens.tokenFor(unit);

    assertThat(tokens.matches(unit, token.substring(1))).isFalse();
    assertThat(tokens.matches(unit, "")).isFalse();
    assertThat(tokens.matches(unit, null)).isFalse();
    assertThat(tokens.matches(unit, tokens.tokenFor(new AccommodationId(8), 1))).isFalse();
    assertThat(ExportTokens.fromSecret("another-salt-of-32-characters!!!").matches(unit, token))
        .isFalse();
  }

  @Test
  void rotatingTheVersionInvalidatesTheOldToken() {
    String old = tokens.tokenFor(unit);
    Accommodation rotated = unit.withNextExportToken();

    assertThat(tokens.matches(rotated, old)).isFalse();
    assertThat(tokens.matches(rotated, tokens.tokenFor(rotated))).isTrue();
  }

  @Test
  void aShortSaltIsRefused() {
    assertThatThrownBy(() -> ExportTokens.fromSecret("short"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ICS_SALT");
  }
}
