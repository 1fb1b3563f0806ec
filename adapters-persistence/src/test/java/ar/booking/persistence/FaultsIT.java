package ar.booking.persistence;

import static ar.booking.core.testing.Fixtures.addCabin;
import static ar.booking.core.testing.Fixtures.hold;
import static ar.booking.core.testing.Fixtures.period;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.ports.Reservations;
import ar.booking.core.ports.StorageFailure;
import ar.booking.core.reservation.Reservation;
import ar.booking.persistence.testing.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Lost connections and pool exhaustion become retryable failures with nothing half-written. */
class FaultsIT {

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

  private static int terminateIdleInTransaction() throws SQLException {
    try (Connection admin = TestDatabases.connect(settings);
        PreparedStatement s =
            admin.prepareStatement(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname ="
                    + " current_database() AND state = 'idle in transaction' AND pid <>"
                    + " pg_backend_pid()");
        ResultSet rs = s.executeQuery()) {
      int killed = 0;
      while (rs.next()) {
        killed += rs.getBoolean(1) ? 1 : 0;
      }
      return killed;
    }
  }

  @Test
  void aConnectionKilledMidTransactionIsARetryableFailureAndNothingIsWritten() {
    Accommodation unit = addCabin(stores.accommodations(), "Cabaña frágil");
    Reservation first = hold(unit, period("2027-03-01", "2027-03-03"));
    Reservation second = hold(unit, period("2027-03-05", "2027-03-07"));

    assertThatThrownBy(
            () ->
                stores
                    .transactions()
                    .run(
                        () -> {
                          stores.reservations().insert(first, "test");
                          try {
                            assertThat(terminateIdleInTransaction()).isEqualTo(1);
                          } catch (SQLException e) {
                            throw new IllegalStateException(e);
                          }
                          stores.reservations().insert(second, "test");
                        }))
        .isInstanceOf(StorageFailure.class)
        .satisfies(e -> assertThat(((StorageFailure) e).retryable()).isTrue());

    assertThat(stores.reservations().find(first.code())).isEmpty();
    assertThat(stores.reservations().find(second.code())).isEmpty();
    // the pool replaced the dead connection: the retry goes through
    assertThat(
            stores.transactions().inTransaction(() -> stores.reservations().insert(first, "test")))
        .isInstanceOf(Reservations.Inserted.class);
  }

  @Test
  void anExhaustedPoolIsARetryableFailure() throws Exception {
    try (PostgresStores tiny =
        PostgresStores.start(
            settings.withPoolSize(1).withConnectionTimeout(Duration.ofMillis(300)))) {
      Accommodation unit = addCabin(tiny.accommodations(), "Cabaña chica");
      CountDownLatch inside = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      CompletableFuture<Void> holder =
          CompletableFuture.runAsync(
              () ->
                  tiny.transactions()
                      .run(
                          () -> {
                            tiny.accommodations().find(unit.id());
                            inside.countDown();
                            try {
                              release.await(10, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                              Thread.currentThread().interrupt();
                            }
                          }));
      assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

      assertThatThrownBy(() -> tiny.accommodations().find(unit.id()))
          .isInstanceOf(StorageFailure.class)
          .satisfies(e -> assertThat(((StorageFailure) e).retryable()).isTrue());

      release.countDown();
      holder.get(10, TimeUnit.SECONDS);
      assertThat(tiny.accommodations().find(unit.id())).isPresent();
    }
  }

  @Test
  void pingMeasuresARoundTripAndFailsClearlyWhenClosed() {
    PostgresStores other = PostgresStores.start(settings.withPoolSize(1));
    assertThat(other.ping()).isPositive().isLessThan(Duration.ofSeconds(5));
    other.close();
    assertThatThrownBy(other::ping)
        .isInstanceOf(StorageFailure.class)
        .hasMessageContaining("PostgreSQL does not answer");
  }
}
