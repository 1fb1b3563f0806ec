package ar.booking.app.config;

import java.time.Duration;
import java.time.ZoneId;

/** Booking rules of this lodging: how long a hold keeps its nights, the lodging's time zone. */
public record BookingConfig(Duration holdTtl, ZoneId timezone) {

  static BookingConfig read(ConfigReader r) {
    return new BookingConfig(
        Duration.ofMinutes(r.integer(Var.PRERESERVATION_EXPIRY_MINUTES, 1, 24 * 60)),
        r.get(Var.TIMEZONE, ZoneId::of, ZoneId.of(Var.TIMEZONE.defaultValue())));
  }
}
