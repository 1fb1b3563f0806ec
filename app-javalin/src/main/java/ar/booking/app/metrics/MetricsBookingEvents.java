package ar.booking.app.metrics;

import ar.booking.core.ports.BookingEvents;
import ar.booking.core.reservation.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The core's in-process signals as Prometheus counters: {@code reservations_date_overlap_total
 * {channel}} and {@code booking_lock_unavailable_total}. State changes are counted from the durable
 * events by {@link ar.booking.app.events.MetricsSubscriber}.
 */
public final class MetricsBookingEvents implements BookingEvents {

  private final Map<Channel, Counter> overlap = new EnumMap<>(Channel.class);
  private final Counter lockUnavailable;

  public MetricsBookingEvents(MeterRegistry registry) {
    for (Channel channel : Channel.values()) {
      String tag = channel.name().toLowerCase(Locale.ROOT);
      overlap.put(
          channel,
          Counter.builder("reservations.date_overlap")
              .description("Writes refused because the nights were taken")
              .tag("channel", tag)
              .register(registry));
    }
    lockUnavailable =
        Counter.builder("booking.lock_unavailable")
            .description("Bookings that went ahead without the unit lock")
            .register(registry);
  }

  @Override
  public void overlapRejected(Channel channel) {
    overlap.get(channel).increment();
  }

  @Override
  public void lockUnavailable() {
    lockUnavailable.increment();
  }
}
