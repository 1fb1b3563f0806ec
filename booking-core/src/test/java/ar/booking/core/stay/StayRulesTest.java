package ar.booking.core.stay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class StayRulesTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  @Test
  void checkInTodayIsAllowedButYesterdayIsInThePast() {
    assertThat(StayRules.DEFAULT.check(StayPeriod.of(TODAY, 2), TODAY)).isEmpty();
    assertThat(StayRules.DEFAULT.check(StayPeriod.of(TODAY.minusDays(1), 2), TODAY))
        .contains(StayRules.Violation.CHECK_IN_IN_PAST);
  }

  @Test
  void defaultMaximumIsSixtyNights() {
    assertThat(StayRules.DEFAULT.check(StayPeriod.of(TODAY, 60), TODAY)).isEmpty();
    assertThat(StayRules.DEFAULT.check(StayPeriod.of(TODAY, 61), TODAY))
        .contains(StayRules.Violation.STAY_TOO_LONG);
  }

  @Test
  void maximumIsConfigurable() {
    StayRules rules = new StayRules(7);
    assertThat(rules.check(StayPeriod.of(TODAY, 8), TODAY))
        .contains(StayRules.Violation.STAY_TOO_LONG);
    assertThatThrownBy(() -> new StayRules(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
