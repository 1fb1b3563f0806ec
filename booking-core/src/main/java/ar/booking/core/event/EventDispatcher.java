package ar.booking.core.event;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Hands committed events to their subscribers: claims what is due, calls each subscriber, marks the
 * delivery done, or failed with exponential backoff, or dead after {@link Settings#maxAttempts()}.
 * Subscribers are independent: one failing never holds back another. Run {@link #dispatch()} from a
 * periodic job; it is safe to run on several instances at once.
 */
public final class EventDispatcher {

  /**
   * @param maxAttempts failed attempts before a delivery goes dead
   * @param firstBackoff wait after the first failure; doubles with each further one
   * @param maxBackoff the longest wait between attempts
   * @param lease how long a claimed delivery is left alone before someone else may take it
   * @param batch deliveries claimed at a time
   * @param maxPerPass upper bound of deliveries one {@link #dispatch()} handles per subscriber
   */
  public record Settings(
      int maxAttempts,
      Duration firstBackoff,
      Duration maxBackoff,
      Duration lease,
      int batch,
      int maxPerPass) {

    public static final Settings DEFAULT =
        new Settings(
            10, Duration.ofSeconds(2), Duration.ofMinutes(10), Duration.ofMinutes(2), 50, 1000);

    public Settings {
      if (maxAttempts < 1 || batch < 1 || maxPerPass < batch) {
        throw new IllegalArgumentException("attempts, batch and pass size must be positive");
      }
      Objects.requireNonNull(firstBackoff, "firstBackoff");
      Objects.requireNonNull(maxBackoff, "maxBackoff");
      Objects.requireNonNull(lease, "lease");
    }

    /** The wait after the {@code failures}-th failure (1-based). */
    Duration backoff(int failures) {
      Duration wait = firstBackoff;
      for (int i = 1; i < failures && wait.compareTo(maxBackoff) < 0; i++) {
        wait = wait.multipliedBy(2);
      }
      return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
  }

  /** What one pass did. */
  public record Report(int delivered, int failed, int dead) {
    public boolean idle() {
      return delivered == 0 && failed == 0 && dead == 0;
    }
  }

  /** Told about failures, for logs and metrics. Must not throw. */
  public interface Listener {
    Listener NONE = new Listener() {};

    default void failed(Delivery delivery, Exception error, boolean dead) {}

    default void delivered(Delivery delivery, Duration lag) {}
  }

  private final EventLog log;
  private final List<EventSubscriber> subscribers;
  private final Clock clock;
  private final Settings settings;
  private final Listener listener;

  public EventDispatcher(
      EventLog log,
      List<EventSubscriber> subscribers,
      Clock clock,
      Settings settings,
      Listener listener) {
    this.log = Objects.requireNonNull(log, "log");
    this.subscribers = List.copyOf(subscribers);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.listener = Objects.requireNonNull(listener, "listener");
    long distinct = this.subscribers.stream().map(EventSubscriber::name).distinct().count();
    if (distinct != this.subscribers.size()) {
      throw new IllegalArgumentException("subscriber names must be unique");
    }
  }

  /**
   * Registers every subscriber with the log. Call once at start, before any change is made, so no
   * event is written without a delivery for them.
   */
  public EventDispatcher registerAll() {
    subscribers.forEach(s -> log.register(s.name()));
    return this;
  }

  /** One pass over every subscriber. */
  public Report dispatch() {
    int delivered = 0;
    int failed = 0;
    int dead = 0;
    for (EventSubscriber subscriber : subscribers) {
      int handled = 0;
      while (handled < settings.maxPerPass()) {
        Instant now = clock.instant();
        List<Delivery> batch =
            log.claim(subscriber.name(), now, now.plus(settings.lease()), settings.batch());
        if (batch.isEmpty()) {
          break;
        }
        for (Delivery delivery : batch) {
          handled++;
          switch (deliver(subscriber, delivery)) {
            case DELIVERED -> delivered++;
            case PENDING -> failed++;
            case DEAD -> dead++;
          }
        }
      }
    }
    return new Report(delivered, failed, dead);
  }

  private DeliveryStatus deliver(EventSubscriber subscriber, Delivery delivery) {
    long id = delivery.event().id();
    try {
      subscriber.handle(delivery.event());
    } catch (Exception | LinkageError error) {
      Exception failure = error instanceof Exception e ? e : new RuntimeException(error);
      int failures = delivery.attempts() + 1;
      Instant now = clock.instant();
      String message = describe(failure);
      boolean isDead = failures >= settings.maxAttempts();
      if (isDead) {
        log.dead(id, subscriber.name(), message, now);
      } else {
        log.failed(id, subscriber.name(), message, now.plus(settings.backoff(failures)));
      }
      listener.failed(delivery, failure, isDead);
      return isDead ? DeliveryStatus.DEAD : DeliveryStatus.PENDING;
    }
    Instant now = clock.instant();
    log.delivered(id, subscriber.name(), now);
    listener.delivered(delivery, Duration.between(delivery.event().occurredAt(), now));
    return DeliveryStatus.DELIVERED;
  }

  private static String describe(Exception failure) {
    String message = failure.getMessage();
    String text = failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    return text.length() > 1000 ? text.substring(0, 1000) : text;
  }
}
