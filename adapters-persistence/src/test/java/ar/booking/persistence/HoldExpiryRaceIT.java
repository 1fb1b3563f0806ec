package ar.booking.persistence;

import static ar.booking.core.testing.Fixtures.NOW;
import static ar.booking.core.testing.Fixtures.addCabin;
import static ar.booking.core.testing.Fixtures.guest;
import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.memory.InProcessBookingLocks;
import ar.booking.core.ports.BookingEvents;
import ar.booking.core.reservation.Channel;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.reservation.ReservationStatus;
import ar.booking.core.stay.GuestCount;
import ar.booking.core.stay.StayPeriod;
import ar.booking.core.testing.MutableClock;
import ar.booking.core.usecase.BookingEngine;
import ar.booking.core.usecase.BookingSettings;
import ar.booking.core.usecase.ConfirmReservation;
import ar.booking.core.usecase.ExpireHolds;
import ar.booking.core.usecase.PlaceHold;
import ar.booking.persistence.testing.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Expiring holds while payments confirm them: every hold leaves PRE_RESERVED exactly once. */
class HoldExpiryRaceIT {

  private static final int HOLDS = 60;

  private static List<String> transitions(PostgresSettings settings, ReservationCode code)
      throws SQLException {
    try (Connection c = TestDatabases.connect(settings);
        PreparedStatement s =
            c.prepareStatement(
                "SELECT coalesce(from_status, '-') || '>' || to_status FROM"
                    + " reservation_status_change WHERE reservation_code = ? ORDER BY id")) {
      s.setString(1, code.value());
      List<String> list = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          list.add(rs.getString(1));
        }
      }
      return list;
    }
  }

  @Test
  void aHoldIsExpiredOrConfirmedFromItsHeldStateNeverBoth() throws Exception {
    PostgresSettings settings = TestDatabases.freshDatabase();
    MutableClock clock = new MutableClock(NOW);
    try (PostgresStores a = PostgresStores.start(settings.withPoolSize(8));
        PostgresStores b = PostgresStores.start(settings.withPoolSize(8))) {
      BookingEngine expirer = engine(a, clock);
      BookingEngine payments = engine(b, clock);
      Accommodation unit = addCabin(a.accommodations(), "Cabaña con pagos");
      List<ReservationCode> codes = new ArrayList<>();
      for (int i = 0; i < HOLDS; i++) {
        var result =
            payments
                .placeHold()
                .execute(
                    new PlaceHold.Command(
                        unit.id(),
                        StayPeriod.of(LocalDate.of(2027, 10, 1).plusDays(i), 1),
                        GuestCount.of(2),
                        guest("Pago " + i),
                        Channel.WHATSAPP));
        codes.add(((PlaceHold.HoldPlaced) result).reservation().code());
      }
      clock.advance(Duration.ofMinutes(31)); // every hold is now due

      // Only even holds get paid; the expirer and 8 payment threads start together.
      ExecutorService pool = Executors.newFixedThreadPool(9);
      CountDownLatch go = new CountDownLatch(1);
      Future<ExpireHolds.Expired> expiry =
          pool.submit(
              () -> {
                go.await();
                return expirer.expireHolds().execute();
              });
      Map<ReservationCode, ConfirmReservation.Result> confirmations = new ConcurrentHashMap<>();
      List<Future<?>> payers = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int first = t;
        payers.add(
            pool.submit(
                () -> {
                  go.await();
                  for (int i = first * 2; i < HOLDS; i += 16) {
                    ReservationCode code = codes.get(i);
                    confirmations.put(
                        code,
                        payments
                            .confirmReservation()
                            .execute(new ConfirmReservation.Command(code, "payment:" + i)));
                  }
                  return null;
                }));
      }
      go.countDown();
      List<ReservationCode> expired = expiry.get(60, TimeUnit.SECONDS).codes();
      for (Future<?> payer : payers) {
        payer.get(60, TimeUnit.SECONDS);
      }
      pool.shutdown();

      Map<String, Integer> outcomes = new HashMap<>();
      for (int i = 0; i < HOLDS; i++) {
        ReservationCode code = codes.get(i);
        ReservationStatus status = a.reservations().find(code).orElseThrow().status();
        List<String> chain = transitions(settings, code);
        // left PRE_RESERVED exactly once: never both expired and confirmed from the held state
        assertThat(chain.stream().filter(s -> s.startsWith("PRE_RESERVED>"))).hasSize(1);
        for (int k = 1; k < chain.size(); k++) {
          String from = chain.get(k).split(">")[0];
          assertThat(from).isEqualTo(chain.get(k - 1).split(">")[1]);
        }
        assertThat(chain.get(chain.size() - 1)).endsWith(">" + status);
        assertThat(expired.contains(code)).isEqualTo(chain.contains("PRE_RESERVED>EXPIRED"));
        if (i % 2 == 0) {
          assertThat(confirmations.get(code)).isInstanceOf(ConfirmReservation.Confirmed.class);
          assertThat(status).isEqualTo(ReservationStatus.CONFIRMED);
        } else {
          assertThat(status).isEqualTo(ReservationStatus.EXPIRED);
        }
        outcomes.merge(String.join(",", chain), 1, Integer::sum);
      }
      System.out.println("hold histories after the race: " + outcomes);
    }
  }

  private static BookingEngine engine(PostgresStores stores, MutableClock clock) {
    return new BookingEngine(
        stores.accommodations(),
        stores.reservations(),
        stores.transactions(),
        new InProcessBookingLocks(),
        BookingEvents.NONE,
        clock,
        BookingSettings.DEFAULT);
  }
}
