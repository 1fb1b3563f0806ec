package ar.booking.app.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fixed-window counter per key (client IP), in memory: at most {@code limit} hits per window.
 * Thread-safe; forgets windows that are over so the map stays as small as the set of active
 * clients.
 */
public final class RateLimiter {

  /** The verdict for one hit; {@code retryAfterSeconds} is 0 when allowed. */
  public record Decision(boolean allowed, long retryAfterSeconds) {}

  private record Window(long start, int count) {}

  private static final int SWEEP_ABOVE = 10_000;

  private final int limit;
  private final long windowMillis;
  private final Clock clock;
  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

  public RateLimiter(int limit, Duration window, Clock clock) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    this.limit = limit;
    this.windowMillis = window.toMillis();
    this.clock = clock;
  }

  public Decision hit(String key) {
    long now = clock.millis();
    if (windows.size() > SWEEP_ABOVE) {
      windows.values().removeIf(w -> now - w.start() >= windowMillis);
    }
    Window window =
        windows.compute(
            key,
            (k, w) ->
                w == null || now - w.start() >= windowMillis
                    ? new Window(now, 1)
                    : new Window(w.start(), w.count() + 1));
    if (window.count() <= limit) {
      return new Decision(true, 0);
    }
    long remaining = window.start() + windowMillis - now;
    return new Decision(false, Math.max(1, (remaining + 999) / 1000));
  }
}
