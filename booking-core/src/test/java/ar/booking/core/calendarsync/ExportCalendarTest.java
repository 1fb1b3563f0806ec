package ar.booking.core.calendarsync;

import static ar.booking.core.testing.Fixtures.NOW;
import static ar.booking.core.testing.Fixtures.addCabin;
import static ar.booking.core.testing.Fixtures.block;
import static ar.booking.core.testing.Fixtures.hold;
import static ar.booking.core.testing.Fixtures.period;
import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.memory.InMemoryStores;
import ar.booking.core.ports.Reservations;
import ar.booking.core.reservation.Channel;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.shared.AccommodationId;
import ar.booking.core.stay.StayPeriod;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExportCalendarTest {

  private final InMemoryStores db = InMemoryStores.create();
  private final ExportTokens tokens = ExportTokens.fromSecret("a-salt-of-32-characters-for-test");
  private final ExportCalendar export =
      new ExportCalendar(
          db.accommodations(),
          db.reservations(),
          tokens,
          Clock.fixed(NOW, ZoneOffset.UTC),
          ExportCalendar.Settings.forHost("reservas.example.com"));
  private Accommodation unit;
  private Reservation held;
  private Reservation blocked;
  private Reservation fromAirbnb;
  private Reservation fromBooking;

  @BeforeEach
  void setUp() {
    unit = addCabin(db.accommodations(), "Cabaña Ñandú");
    held = insert(hold(unit, period("2026-12-01", "2026-12-04")));
    blocked = insert(block(unit, period("2026-12-10", "2026-12-12")));
    fromAirbnb = insert(imported(Channel.AIRBNB, "2026-12-20", "2026-12-23"));
    fromBooking = insert(imported(Channel.BOOKING, "2027-01-05", "2027-01-08"));
    Reservation cancelled = insert(hold(unit, period("2027-02-01", "2027-02-03")));
    db.reservations().update(cancelled.cancel("changed plans", NOW), "guest");
  }

  private Reservation imported(Channel channel, String in, String out) {
    return Reservation.importedStay(
        ReservationCode.random(),
        unit.id(),
        StayPeriod.parse(in, out),
        channel,
        "x-" + in + "@ota",
        "Juan Pérez",
        NOW);
  }

  private Reservation insert(Reservation r) {
    return ((Reservations.Inserted) db.reservations().insert(r, "test")).reservation();
  }

  private CalendarExport exported(Optional<FeedSource> exclude) {
    return ((ExportCalendar.Exported)
            export.execute(new ExportCalendar.Query(unit.id(), tokens.tokenFor(unit), exclude)))
        .calendar();
  }

  @Test
  void everyActiveOccupancyIsBusyWithAStableUidAndNoGuestData() {
    CalendarExport calendar = exported(Optional.empty());

    assertThat(calendar.calendarName()).isEqualTo("Cabaña Ñandú");
    assertThat(calendar.events())
        .extracting(CalendarExport.Event::uid)
        .containsExactly(
            held.code().value() + "@reservas.example.com",
            blocked.code().value() + "@reservas.example.com",
            fromAirbnb.code().value() + "@reservas.example.com",
            fromBooking.code().value() + "@reservas.example.com");
    assertThat(calendar.events())
        .allSatisfy(e -> assertThat(e.summary()).isEqualTo("No disponible"));
    assertThat(calendar.events().getFirst().period()).isEqualTo(period("2026-12-01", "2026-12-04"));
    assertThat(calendar.toString()).doesNotContain("Ana Pérez", "Juan Pérez", "5492944");
  }

  @Test
  void excludingASourceLeavesOutOnlyWhatWasImportedFromIt() {
    assertThat(exported(Optional.of(FeedSource.AIRBNB)).events())
        .extracting(CalendarExport.Event::uid)
        .doesNotContain(fromAirbnb.code().value() + "@reservas.example.com")
        .contains(fromBooking.code().value() + "@reservas.example.com")
        .hasSize(3);
  }

  @Test
  void theVersionChangesExactlyWhenTheEventsDo() {
    String before = exported(Optional.empty()).version();
    assertThat(exported(Optional.empty()).version()).isEqualTo(before);
    assertThat(exported(Optional.of(FeedSource.AIRBNB)).version()).isNotEqualTo(before);

    insert(block(unit, period("2027-03-01", "2027-03-02")));

    assertThat(exported(Optional.empty()).version()).isNotEqualTo(before);
  }

  @Test
  void anUnknownUnitAWrongTokenAndARotatedOneAreAllJustNotFound() {
    AccommodationId unknown = new AccommodationId(999);
    String oldToken = tokens.tokenFor(unit);

    assertThat(
            export.execute(
                new ExportCalendar.Query(unknown, tokens.tokenFor(unknown, 1), Optional.empty())))
        .isEqualTo(new ExportCalendar.NotFound());
    assertThat(export.execute(new ExportCalendar.Query(unit.id(), "guess", Optional.empty())))
        .isEqualTo(new ExportCalendar.NotFound());
    assertThat(export.execute(new ExportCalendar.Query(unit.id(), null, Optional.empty())))
        .isEqualTo(new ExportCalendar.NotFound());

    db.accommodations().update(unit.withNextExportToken());

    assertThat(export.execute(new ExportCalendar.Query(unit.id(), oldToken, Optional.empty())))
        .isEqualTo(new ExportCalendar.NotFound());
    Accommodation rotated = db.accommodations().find(unit.id()).orElseThrow();
    assertThat(
            export.execute(
                new ExportCalendar.Query(unit.id(), tokens.tokenFor(rotated), Optional.empty())))
        .isInstanceOf(ExportCalendar.Exported.class);
  }
}
