package ar.booking.app.metrics;

import ar.booking.core.ports.BookingEvents;
import ar.booking.core.reservation.Channel;
import ar.booking.core.reservation.Reservation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the core's booking events into Prometheus counters ({@code reservations_created_total
 * {channel}} and friends). Labels are the channel enum only, so their number is bounded.
 */
public final class MetricsBookingEvents implements BookingEvents {

  private final Map<Channel, Counter> created = new EnumMap<>(Channel.class);
  private final Map<Channel, Counter> confirmed = new EnumMap<>(Channel.class);
  private final Map<Channel, Counter> cancelled = new EnumMap<>(Channel.class);
  private final Map<Channel, Counter> overlap = new EnumMap<>(Channel.class);
  private final Counter expired;
  private final Counter lockUnavailable;

  public MetricsBookingEvents(MeterRegistry registry) {
    for (Channel channel : Channel.values()) {
      String tag = channel.name().toLowerCase(Locale.ROOT);
      created.put(
          channel,
          Counter.builder(Metrics.CREATED_METER)
              .description("Holds and bookings written")
              .tag("channel", tag)
              .register(registry));
      confirmed.put(
          channel,
          Counter.builder("reservations.confirmed")
              .description("Bookings confirmed")
              .tag("channel", tag)
              .register(registry));
      cancelled.put(
          channel,
          Counter.builder("reservations.cancelled")
              .description("Bookings cancelled")
              .tag("channel", tag)
              .register(registry));
      overlap.put(
          channel,
          Counter.builder("reservations.date_overlap")
              .description("Writes refused because the nights were taken")
              .tag("channel", tag)
              .register(registry));
    }
    expired =
        Counter.builder("reservations.expired")
            .description("Unpaid holds released")
            .register(registry);
    lockUnavailable =
        Counter.builder("booking.lock_unavailable")
            .description("Bookings that went ahead without the unit lock")
            .register(registry);
  }

  @Override
  public void created(Reservation reservation) {
    created.get(reservation.channel()).increment();
  }

  @Override
  public void confirmed(Reservation reservation) {
    confirmed.get(reservation.channel()).increment();
  }

  @Override
  public void expired(Reservation reservation) {
    expired.increment();
  }

  @Override
  public void cancelled(Reservation reservation) {
    cancelled.get(reservation.channel()).increment();
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
