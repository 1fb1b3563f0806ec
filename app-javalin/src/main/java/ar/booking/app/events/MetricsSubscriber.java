package ar.booking.app.events;

import ar.booking.core.calendarsync.FeedSource;
import ar.booking.core.event.DomainEvent;
import ar.booking.core.event.EventSubscriber;
import ar.booking.core.reservation.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/**
 * Counts committed state changes from the durable events: {@code reservations_created_total
 * {channel}}, {@code reservations_confirmed_total{channel}}, {@code reservations_cancelled_total
 * {channel}}, {@code reservations_expired_total} and {@code ical_conflicts_total{source}} (from the
 * durable {@code ICAL_CONFLICT} owner alerts, so a conflict is counted once across instances).
 * Delivered at least once, so a counter may over-count by the rare redelivery after a crash; labels
 * are bounded enums.
 */
public final class MetricsSubscriber implements EventSubscriber {

  /** Registered as {@code reservations.new}: see {@code Metrics.CREATED_METER} for why. */
  private final MeterRegistry registry;

  public MetricsSubscriber(MeterRegistry registry) {
    this.registry = registry;
    for (Channel channel : Channel.values()) {
      counter("reservations.new", "Holds, bookings, blocks and imported stays written", channel);
      counter("reservations.confirmed", "Bookings confirmed", channel);
      counter("reservations.cancelled", "Occupancies cancelled", channel);
    }
    Counter.builder("reservations.expired").description("Unpaid holds released").register(registry);
    for (FeedSource source : FeedSource.values()) {
      conflicts(source.label());
    }
  }

  @Override
  public String name() {
    return "metrics";
  }

  @Override
  public void handle(DomainEvent event) {
    Channel channel = channelOf(event);
    switch (event.type()) {
      case HOLD_PLACED, BOOKING_CREATED, DATES_BLOCKED, STAY_IMPORTED ->
          counter("reservations.new", null, channel).increment();
      case CONFIRMED -> counter("reservations.confirmed", null, channel).increment();
      case CANCELLED -> counter("reservations.cancelled", null, channel).increment();
      case HOLD_EXPIRED -> registry.counter("reservations.expired").increment();
      case ICAL_CONFLICT ->
          conflicts(FeedSource.fromLabel(event.get("source")).orElse(FeedSource.ICAL_OTHER).label())
              .increment();
      default -> {
        // payments and other changes are counted by their own issues' metrics
      }
    }
  }

  private static Channel channelOf(DomainEvent event) {
    String value = event.get("channel");
    try {
      return value == null ? Channel.ADMIN : Channel.valueOf(value);
    } catch (IllegalArgumentException unknown) {
      return Channel.ADMIN;
    }
  }

  private Counter conflicts(String source) {
    return Counter.builder("ical.conflicts")
        .description("Imported stays that overlap one of ours (owner alerted)")
        .tag("source", source)
        .register(registry);
  }

  private Counter counter(String name, String description, Channel channel) {
    Counter.Builder builder =
        Counter.builder(name).tag("channel", channel.name().toLowerCase(Locale.ROOT));
    if (description != null) {
      builder.description(description);
    }
    return builder.register(registry);
  }
}
