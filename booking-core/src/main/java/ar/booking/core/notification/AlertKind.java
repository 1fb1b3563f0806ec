package ar.booking.core.notification;

import java.util.Locale;
import java.util.Optional;

/** What an owner alert is about; the owner can mute each kind ({@code OWNER_ALERTS_MUTED}). */
public enum AlertKind {
  HOLD_PLACED,
  CONFIRMED,
  CANCELLED,
  EXPIRED,
  PAYMENT_ANOMALY,
  ICAL_CONFLICT,
  FEED_FAILED,
  HANDOFF,
  MESSAGE_DEAD,
  EVENT_DEAD;

  /** The lowercase code used in settings, texts and metrics. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<AlertKind> parse(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String wanted = code.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    for (AlertKind kind : values()) {
      if (kind.name().equals(wanted)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
