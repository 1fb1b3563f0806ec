package ar.booking.core.ports;

import static ar.booking.core.testing.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ar.booking.core.notification.AlertKind;
import ar.booking.core.notification.AlertPreferences;
import ar.booking.core.notification.AlertSettings;
import ar.booking.core.notification.TimelineSteps;
import ar.booking.core.reservation.ReservationCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link AlertSettings} and {@link TimelineSteps} implementation guarantees. */
public abstract class NotificationStoresContract {

  protected abstract AlertSettings alertSettings();

  protected abstract TimelineSteps steps();

  protected abstract Transactions transactions();

  @Test
  void storedAlertPreferencesReadBackAndReplace() {
    AlertSettings settings = alertSettings();
    AlertPreferences first =
        new AlertPreferences(
            List.of("5492944111111", "5492944222222"),
            List.of("duenio@cabanas.test"),
            Set.of(AlertKind.HOLD_PLACED, AlertKind.FEED_FAILED));
    settings.store(first);
    assertThat(settings.stored()).contains(first);
    AlertPreferences second =
        new AlertPreferences(List.of(), List.of("otra@cabanas.test"), Set.of());
    settings.store(second);
    assertThat(settings.stored()).contains(second);
  }

  @Test
  void aStoreThatRollsBackLeavesThePreviousPreferences() {
    AlertSettings settings = alertSettings();
    AlertPreferences kept = new AlertPreferences(List.of("5492944333333"), List.of(), Set.of());
    settings.store(kept);
    assertThatThrownBy(
            () ->
                transactions()
                    .run(
                        () -> {
                          settings.store(AlertPreferences.NONE);
                          throw new IllegalStateException("boom");
                        }))
        .hasMessage("boom");
    assertThat(settings.stored()).contains(kept);
  }

  @Test
  void aStepIsMarkedOnce() {
    TimelineSteps steps = steps();
    ReservationCode code = ReservationCode.random();
    assertThat(steps.done(code, "hold_reminder")).isFalse();
    assertThat(steps.mark(code, "hold_reminder", NOW)).isTrue();
    assertThat(steps.mark(code, "hold_reminder", NOW.plusSeconds(5))).isFalse();
    assertThat(steps.done(code, "hold_reminder")).isTrue();
    assertThat(steps.done(code, "pre_arrival")).isFalse();
    assertThat(steps.mark(code, "pre_arrival", NOW)).isTrue();
  }

  @Test
  void aMarkThatRollsBackIsForgotten() {
    TimelineSteps steps = steps();
    ReservationCode code = ReservationCode.random();
    assertThatThrownBy(
            () ->
                transactions()
                    .run(
                        () -> {
                          assertThat(steps.mark(code, "pre_arrival", NOW)).isTrue();
                          throw new IllegalStateException("boom");
                        }))
        .hasMessage("boom");
    assertThat(steps.done(code, "pre_arrival")).isFalse();
    assertThat(steps.mark(code, "pre_arrival", NOW)).isTrue();
  }

  @Test
  void ofManyConcurrentMarkersExactlyOneWins() throws Exception {
    TimelineSteps steps = steps();
    ReservationCode code = ReservationCode.random();
    int callers = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        Callable<Boolean> mark =
            () -> {
              start.await();
              return transactions().inTransaction(() -> steps.mark(code, "hold_reminder", NOW));
            };
        results.add(pool.submit(mark));
      }
      start.countDown();
      int won = 0;
      for (Future<Boolean> result : results) {
        won += result.get() ? 1 : 0;
      }
      assertThat(won).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void pruneDeletesOnlyOldMarks() {
    TimelineSteps steps = steps();
    ReservationCode old = ReservationCode.random();
    ReservationCode recent = ReservationCode.random();
    steps.mark(old, "pre_arrival", NOW.minus(Duration.ofDays(100)));
    steps.mark(recent, "pre_arrival", NOW);
    assertThat(steps.prune(NOW.minus(Duration.ofDays(90)))).isGreaterThanOrEqualTo(1);
    assertThat(steps.done(old, "pre_arrival")).isFalse();
    assertThat(steps.done(recent, "pre_arrival")).isTrue();
  }
}
