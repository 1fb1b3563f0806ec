package ar.booking.core.event;

import java.time.Instant;
import java.util.Objects;

/**
 * One event on its way to one subscriber.
 *
 * @param attempts failed attempts so far
 * @param lastError why the last attempt failed, or {@code null}
 */
public record Delivery(
    DomainEvent event,
    String subscriber,
    DeliveryStatus status,
    int attempts,
    Instant nextAttemptAt,
    String lastError) {

  public Delivery {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(subscriber, "subscriber");
    Objects.requireNonNull(status, "status");
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts must not be negative");
    }
  }
}
