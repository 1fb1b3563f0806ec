package ar.booking.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.accommodation.AccommodationType;
import ar.booking.core.accommodation.PricingPolicy;
import ar.booking.core.calendar.BusyPeriod;
import ar.booking.core.reservation.Channel;
import ar.booking.core.reservation.OccupancyKind;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.reservation.ReservationStatus;
import ar.booking.core.shared.AccommodationId;
import ar.booking.core.shared.Money;
import ar.booking.core.stay.StayPeriod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The grid's layout: bars clipped to the month, overlapping stays in lanes, free nights. */
class MonthGridTest {

  static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
  static final LocalDate TODAY = LocalDate.of(2026, 11, 9);
  static final ZoneId ZONE = ZoneId.of("America/Argentina/Buenos_Aires");
  static final Accommodation LAKE =
      new Accommodation(
          new AccommodationId(1),
          "Lago",
          AccommodationType.CABIN,
          4,
          "",
          List.of(),
          null,
          null,
          null,
          true,
          PricingPolicy.flat(Money.ars(1000)),
          1);

  static MonthGrid.Stay stay(String code, String checkIn, String checkOut, OccupancyKind kind) {
    ReservationStatus status =
        kind == OccupancyKind.OWNER_BLOCK ? ReservationStatus.BLOCKED : ReservationStatus.CONFIRMED;
    Channel channel = kind == OccupancyKind.IMPORTED_STAY ? Channel.AIRBNB : Channel.ADMIN;
    return new MonthGrid.Stay(
        new BusyPeriod(
            new ReservationCode(code),
            LAKE.id(),
            new StayPeriod(LocalDate.parse(checkIn), LocalDate.parse(checkOut)),
            kind,
            status,
            channel),
        Optional.empty());
  }

  private static List<Views.UnitRow> rows(MonthGrid.Stay... stays) {
    return MonthGrid.rows(
        NOVEMBER, TODAY, List.of(LAKE), Map.of(1L, List.of(stays)), List.of(), ZONE);
  }

  private static int nights(Views.UnitRow row) {
    return row.cells().stream().mapToInt(Views.GridCell::span).sum();
  }

  @Test
  void aStayIsOneBarOverItsNightsClippedToTheMonth() {
    List<Views.UnitRow> rows =
        rows(
            stay("AAAAAAA1", "2026-10-29", "2026-11-03", OccupancyKind.GUEST_BOOKING),
            stay("AAAAAAA2", "2026-11-28", "2026-12-04", OccupancyKind.OWNER_BLOCK));

    assertThat(rows).singleElement().satisfies(row -> assertThat(nights(row)).isEqualTo(30));
    List<Views.GridCell> cells = rows.getFirst().cells();
    assertThat(cells.getFirst().bar()).isTrue();
    assertThat(cells.getFirst().span()).isEqualTo(2); // 1 and 2 November
    assertThat(cells.getFirst().css()).isEqualTo("stay stay-confirmed");
    assertThat(cells.getLast().bar()).isTrue();
    assertThat(cells.getLast().span()).isEqualTo(3); // 28, 29, 30 November
    assertThat(cells.getLast().label()).isEqualTo("Bloqueo");
  }

  @Test
  void overlappingStaysTakeAnotherLaneOfTheSameUnit() {
    List<Views.UnitRow> rows =
        rows(
            stay("AAAAAAA1", "2026-11-10", "2026-11-14", OccupancyKind.GUEST_BOOKING),
            stay("AAAAAAA2", "2026-11-12", "2026-11-15", OccupancyKind.IMPORTED_STAY),
            stay("AAAAAAA3", "2026-11-20", "2026-11-22", OccupancyKind.IMPORTED_STAY));

    assertThat(rows).hasSize(2);
    assertThat(rows).allSatisfy(row -> assertThat(nights(row)).isEqualTo(30));
    assertThat(rows.get(0).firstLane()).isTrue();
    assertThat(rows.get(0).lanes()).isEqualTo(2);
    assertThat(rows.get(1).firstLane()).isFalse();
    assertThat(rows.get(0).cells().stream().filter(Views.GridCell::bar))
        .extracting(Views.GridCell::value)
        .containsExactly("AAAAAAA1", "AAAAAAA3");
    assertThat(rows.get(1).cells().stream().filter(Views.GridCell::bar))
        .extracting(Views.GridCell::value, Views.GridCell::css)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("AAAAAAA2", "stay stay-imported stay-airbnb"));
    // Only the first lane offers free nights, and only from today on.
    assertThat(rows.get(1).cells().stream().anyMatch(Views.GridCell::selectable)).isFalse();
    assertThat(rows.get(0).cells().stream().filter(Views.GridCell::selectable))
        .extracting(Views.GridCell::date)
        .contains("2026-11-09", "2026-11-15", "2026-11-30")
        .doesNotContain("2026-11-08", "2026-11-12", "2026-11-14", "2026-11-20");
  }

  @Test
  void theDaysOfTheMonthMarkTodayAndTheWeekend() {
    List<Views.DayHead> days = MonthGrid.days(NOVEMBER, TODAY);
    assertThat(days).hasSize(30);
    assertThat(days.stream().filter(Views.DayHead::today))
        .singleElement()
        .satisfies(d -> assertThat(d.date()).isEqualTo("2026-11-09"));
    assertThat(days.getFirst().weekday()).isEqualTo("dom");
    assertThat(days.getFirst().weekend()).isTrue();
    assertThat(Labels.month(NOVEMBER)).isEqualTo("Noviembre de 2026");
  }

  @Test
  void selectedNightsBecomeTheFewestPeriods() {
    assertThat(
            BlockRanges.of(
                List.of(
                    LocalDate.parse("2026-11-13"),
                    LocalDate.parse("2026-11-12"),
                    LocalDate.parse("2026-11-12"),
                    LocalDate.parse("2026-11-20"))))
        .containsExactly(
            new StayPeriod(LocalDate.parse("2026-11-12"), LocalDate.parse("2026-11-14")),
            new StayPeriod(LocalDate.parse("2026-11-20"), LocalDate.parse("2026-11-21")));
    assertThat(BlockRanges.of(List.of())).isEmpty();
  }

  @Test
  void amountsAreReadTheWayAnOwnerWritesThem() {
    assertThat(StayPages.amount("15000")).contains(new BigDecimal("15000"));
    assertThat(StayPages.amount("15.000")).contains(new BigDecimal("15000"));
    assertThat(StayPages.amount("$ 15.000,50")).contains(new BigDecimal("15000.50"));
    assertThat(StayPages.amount("15000.5")).contains(new BigDecimal("15000.5"));
    assertThat(StayPages.amount("0")).isEmpty();
    assertThat(StayPages.amount("-3")).isEmpty();
    assertThat(StayPages.amount("1,001")).isEmpty();
    assertThat(StayPages.amount("cero")).isEmpty();
    assertThat(StayPages.amount(null)).isEmpty();
    assertThat(Labels.money(Money.ars("15000.50"))).isEqualTo("$ 15.000,50 ARS");
    assertThat(Labels.money(Money.ars(12000))).isEqualTo("$ 12.000 ARS");
  }
}
