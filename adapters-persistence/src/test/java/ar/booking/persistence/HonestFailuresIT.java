package ar.booking.persistence;

import static ar.booking.core.testing.Fixtures.NOW;
import static ar.booking.core.testing.Fixtures.addCabin;
import static ar.booking.core.testing.Fixtures.hold;
import static ar.booking.core.testing.Fixtures.period;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.ports.ReservationQuery;
import ar.booking.core.ports.Reservations;
import ar.booking.core.ports.StorageFailure;
import ar.booking.core.reservation.Channel;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.usecase.BookingEngine;
import ar.booking.core.usecase.BookingSettings;
import ar.booking.persistence.testing.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A broken row or an unexpected constraint is a clear, counted, non-retryable failure in one place
 * — never a job that stops forever, a list that fails whole, or a refusal read as another.
 */
class HonestFailuresIT {

  private static PostgresSettings settings;
  private static PostgresStores stores;

  @BeforeAll
  static void start() {
    settings = TestDatabases.freshDatabase();
    stores = PostgresStores.start(settings);
  }

  @AfterAll
  static void close() {
    stores.close();
  }

  private static void sql(String statement) throws SQLException {
    try (Connection c = TestDatabases.connect(settings);
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  private static Reservation inserted(Reservation r) {
    return ((Reservations.Inserted) stores.reservations().insert(r, "test")).reservation();
  }

  @Test
  void anUnreadableHoldIsSkippedCountedAndEveryOtherHoldStillExpires() throws SQLException {
    Accommodation unit = addCabin(stores.accommodations(), "Cabaña rota");
    Reservation good = inserted(hold(unit, period("2026-12-10", "2026-12-12")));
    Reservation broken = inserted(hold(unit, period("2026-12-14", "2026-12-16")));
    // A guest booking the domain refuses (nobody to reach), as an old bug or a hand edit leaves it.
    sql(
        "UPDATE reservation SET guest_whatsapp_id = NULL, guest_phone = NULL, guest_email = NULL"
            + " WHERE code = '"
            + broken.code()
            + "'");
    long before = stores.unreadableRows();
    BookingEngine engine =
        new BookingEngine(
            stores.accommodations(),
            stores.reservations(),
            stores.transactions(),
            new ar.booking.core.memory.InProcessBookingLocks(),
            ar.booking.core.ports.BookingEvents.NONE,
            Clock.fixed(NOW.plusSeconds(3600), ZoneOffset.UTC),
            BookingSettings.DEFAULT);

    assertThat(engine.expireHolds().execute().codes()).containsExactly(good.code());
    assertThat(engine.expireHolds().execute().codes()).isEmpty(); // the next pass is not stuck
    assertThat(stores.unreadableRows()).isGreaterThan(before);
    assertThat(
            stores
                .reservations()
                .search(ReservationQuery.all().withAccommodation(unit.id()))
                .items())
        .extracting(Reservation::code)
        .containsExactly(good.code());
    assertThatThrownBy(() -> stores.reservations().find(broken.code()))
        .isInstanceOfSatisfying(StorageFailure.class, f -> assertThat(f.retryable()).isFalse())
        .hasMessageContaining(broken.code().value());
  }

  @Test
  void aUniqueViolationOfAnotherIndexIsNotMistakenForACodeClash() throws SQLException {
    Accommodation unit = addCabin(stores.accommodations(), "Cabaña importada");
    sql(
        "CREATE UNIQUE INDEX test_imported_uid_unique ON reservation (accommodation_id,"
            + " external_uid) WHERE external_uid IS NOT NULL");
    try {
      inserted(
          Reservation.importedStay(
              ReservationCode.random(),
              unit.id(),
              period("2027-02-01", "2027-02-03"),
              Channel.AIRBNB,
              "same-uid@airbnb.com",
              "Reserved",
              NOW));
      Reservation again =
          Reservation.importedStay(
              ReservationCode.random(),
              unit.id(),
              period("2027-03-01", "2027-03-03"),
              Channel.AIRBNB,
              "same-uid@airbnb.com",
              "Reserved",
              NOW);

      assertThatThrownBy(() -> stores.reservations().insert(again, "sync"))
          .isInstanceOfSatisfying(StorageFailure.class, f -> assertThat(f.retryable()).isFalse())
          .hasMessageContaining("test_imported_uid_unique");
    } finally {
      sql("DROP INDEX test_imported_uid_unique");
    }
  }
}
