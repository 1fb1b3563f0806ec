package ar.booking.core.stay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class StayPeriodTest {

  private static final LocalDate BASE = LocalDate.of(2026, 12, 1);

  @Test
  void nightsCountsEveryNightButNotTheCheckOutDay() {
    StayPeriod period = StayPeriod.parse("2026-12-10", "2026-12-13");
    assertThat(period.nights()).isEqualTo(3);
    assertThat(period.nightDates())
        .containsExactly(
            LocalDate.of(2026, 12, 10), LocalDate.of(2026, 12, 11), LocalDate.of(2026, 12, 12));
    assertThat(period.containsNight(LocalDate.of(2026, 12, 13))).isFalse();
  }

  @Test
  void backToBackStaysDoNotOverlap() {
    StayPeriod first = StayPeriod.parse("2026-12-10", "2026-12-13");
    StayPeriod second = StayPeriod.parse("2026-12-13", "2026-12-15");
    assertThat(first.overlaps(second)).isFalse();
    assertThat(second.overlaps(first)).isFalse();
  }

  @Test
  void sharingOneNightIsAnOverlap() {
    assertThat(
            StayPeriod.parse("2026-12-10", "2026-12-13")
                .overlaps(StayPeriod.parse("2026-12-12", "2026-12-20")))
        .isTrue();
  }

  @Test
  void checkOutOnOrBeforeCheckInIsRejected() {
    assertThatThrownBy(() -> StayPeriod.parse("2026-12-10", "2026-12-10"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StayPeriod.parse("2026-12-10", "2026-12-09"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void guestCountIsAtLeastOne() {
    assertThat(GuestCount.of(1).value()).isEqualTo(1);
    assertThatThrownBy(() -> GuestCount.of(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GuestCount.of(-2)).isInstanceOf(IllegalArgumentException.class);
  }

  @Property
  void overlapMeansSharingAtLeastOneNight(
      @ForAll @IntRange(min = 0, max = 40) int startA,
      @ForAll @IntRange(min = 1, max = 15) int nightsA,
      @ForAll @IntRange(min = 0, max = 40) int startB,
      @ForAll @IntRange(min = 1, max = 15) int nightsB) {
    StayPeriod a = StayPeriod.of(BASE.plusDays(startA), nightsA);
    StayPeriod b = StayPeriod.of(BASE.plusDays(startB), nightsB);
    Set<LocalDate> nightsOfA = a.nightDates().collect(Collectors.toSet());
    boolean shareANight = b.nightDates().anyMatch(nightsOfA::contains);

    assertThat(a.overlaps(b)).isEqualTo(shareANight);
    assertThat(b.overlaps(a)).isEqualTo(a.overlaps(b));
  }

  @Property
  void aStayEndingWhereAnotherBeginsNeverOverlapsIt(
      @ForAll @IntRange(min = 0, max = 400) int start,
      @ForAll @IntRange(min = 1, max = 60) int nightsA,
      @ForAll @IntRange(min = 1, max = 60) int nightsB) {
    StayPeriod a = StayPeriod.of(BASE.plusDays(start), nightsA);
    StayPeriod b = StayPeriod.of(a.checkOut(), nightsB);
    assertThat(a.overlaps(b)).isFalse();
    assertThat(a.nights() + b.nights())
        .isEqualTo(new StayPeriod(a.checkIn(), b.checkOut()).nights());
  }
}
