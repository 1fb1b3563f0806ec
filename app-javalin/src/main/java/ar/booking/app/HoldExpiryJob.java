package ar.booking.app;

import ar.booking.core.ports.TechnicalFailure;
import ar.booking.core.usecase.ExpireHolds;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Releases expired holds every interval. Safe to run on several instances at once: each hold
 * expires by compare-and-set, so two runs never both expire it.
 */
final class HoldExpiryJob implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(HoldExpiryJob.class);

  private final ExpireHolds expireHolds;
  private final Duration interval;
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "hold-expiry");
            t.setDaemon(true);
            return t;
          });

  HoldExpiryJob(ExpireHolds expireHolds, Duration interval) {
    this.expireHolds = expireHolds;
    this.interval = interval;
  }

  void start() {
    executor.scheduleWithFixedDelay(
        this::runOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  void runOnce() {
    try {
      int expired = expireHolds.execute().codes().size();
      if (expired > 0) {
        log.info("Released {} expired holds", expired);
      }
    } catch (TechnicalFailure e) {
      log.warn("Hold expiry skipped, will retry: {}", e.getMessage());
    } catch (RuntimeException e) {
      log.error("Hold expiry failed", e);
    }
  }

  /** Stops scheduling and waits for a running pass to finish. */
  @Override
  public void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
