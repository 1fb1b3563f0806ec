package ar.booking.core.scheduling;

import java.time.Duration;
import java.util.Objects;

/**
 * A periodic job: a name (shared by every instance: metrics and the schedule key on it), how often
 * it runs, and the work. The work should be idempotent and bounded; it may throw.
 *
 * @param lease the longest one run may take before another instance may start the job again
 */
public record ScheduledJob(String name, Duration interval, Duration lease, Work work) {

  /** The work of one run. */
  @FunctionalInterface
  public interface Work {
    void run() throws Exception;
  }

  public ScheduledJob {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(work, "work");
    if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("job names are snake_case: " + name);
    }
    if (interval.isNegative() || interval.isZero() || lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("interval and lease must be positive");
    }
  }

  /** A job whose runs may take up to {@code max(interval, 5 minutes)}. */
  public static ScheduledJob every(Duration interval, String name, Work work) {
    Duration lease =
        interval.compareTo(Duration.ofMinutes(5)) > 0 ? interval : Duration.ofMinutes(5);
    return new ScheduledJob(name, interval, lease, work);
  }
}
