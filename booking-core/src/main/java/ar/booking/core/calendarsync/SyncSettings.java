package ar.booking.core.calendarsync;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of calendar sync.
 *
 * @param releaseAfterMisses consecutive successful fetches an event must be absent from before its
 *     stay is released ({@code ICAL_RELEASE_AFTER_MISSES}, default 2)
 * @param lockWait how long a sync waits for the unit lock before going on without it
 * @param actor who the writes of a scheduled sync are recorded as
 */
public record SyncSettings(int releaseAfterMisses, Duration lockWait, String actor) {

  public static final SyncSettings DEFAULT =
      new SyncSettings(2, Duration.ofSeconds(2), "system:ical");

  public SyncSettings {
    Objects.requireNonNull(lockWait, "lockWait");
    Objects.requireNonNull(actor, "actor");
    if (releaseAfterMisses < 1) {
      throw new IllegalArgumentException("release after at least one miss: " + releaseAfterMisses);
    }
    if (lockWait.isNegative()) {
      throw new IllegalArgumentException("lock wait must not be negative");
    }
  }

  public SyncSettings withReleaseAfterMisses(int misses) {
    return new SyncSettings(misses, lockWait, actor);
  }
}
