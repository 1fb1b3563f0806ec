package ar.booking.core.calendarsync;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the last sync attempts of a feed left behind.
 *
 * @param etag the validator of the last applied fetch, sent back as {@code If-None-Match}
 * @param lastModified sent back as {@code If-Modified-Since}
 * @param consecutiveFailures failed or suspicious attempts since the last success
 * @param eventCount events of the last applied fetch (future, after de-duplication)
 */
public record FeedSyncState(
    SyncStatus status,
    Instant lastAttemptAt,
    Instant lastSuccessAt,
    String lastError,
    String etag,
    String lastModified,
    int consecutiveFailures,
    int eventCount) {

  public static final FeedSyncState NEVER =
      new FeedSyncState(SyncStatus.NEVER, null, null, null, null, null, 0, 0);

  public FeedSyncState {
    Objects.requireNonNull(status, "status");
    if (consecutiveFailures < 0 || eventCount < 0) {
      throw new IllegalArgumentException("counts are never negative");
    }
  }

  /** A fetch that was applied (or not modified): the failures are forgotten. */
  public FeedSyncState succeeded(
      SyncStatus how, Instant at, String newEtag, String newLastModified, int events) {
    if (!how.isSuccess()) {
      throw new IllegalArgumentException(how + " is not a success");
    }
    return new FeedSyncState(how, at, at, null, newEtag, newLastModified, 0, events);
  }

  /** A failed or suspicious attempt: the validators are kept, so is the last success. */
  public FeedSyncState failed(SyncStatus how, Instant at, String error) {
    if (how.isSuccess()) {
      throw new IllegalArgumentException(how + " is not a failure");
    }
    return new FeedSyncState(
        how, at, lastSuccessAt, error, etag, lastModified, consecutiveFailures + 1, eventCount);
  }

  public Optional<Instant> lastSuccess() {
    return Optional.ofNullable(lastSuccessAt);
  }

  /** How old the last success is at {@code now}; empty when there never was one. */
  public Optional<Duration> age(Instant now) {
    return lastSuccess().map(at -> Duration.between(at, now));
  }
}
