package ar.booking.core.event;

import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The event a reservation write records. Storage adapters call this in the same unit of work as the
 * write, so the rule of which change is which event lives here, once.
 */
public final class ReservationEvents {

  private ReservationEvents() {}

  /**
   * @param before what was stored, or {@code null} for a new occupancy
   * @param after what is stored now
   * @param actor who made the change ("guest:whatsapp", "admin:owner@x", "system:expiry")
   */
  public static DomainEvent changed(
      Reservation before, Reservation after, String actor, Instant at) {
    return changed(before == null ? null : before.status(), after, actor, at);
  }

  /** The event of a new occupancy. */
  public static DomainEvent created(Reservation stored, String actor, Instant at) {
    return changed((ReservationStatus) null, stored, actor, at);
  }

  /**
   * @param previous the status stored before the write, or {@code null} for a new occupancy
   */
  public static DomainEvent changed(
      ReservationStatus previous, Reservation after, String actor, Instant at) {
    EventType type = previous == null ? createdType(after) : updated(previous, after.status());
    Map<String, String> data = new LinkedHashMap<>();
    data.put("code", after.code().value());
    data.put("accommodation_id", Long.toString(after.accommodationId().value()));
    data.put("kind", after.kind().name());
    data.put("status", after.status().name());
    if (previous != null && previous != after.status()) {
      data.put("previous_status", previous.name());
    }
    data.put("channel", after.channel().name());
    data.put("check_in", after.period().checkIn().toString());
    data.put("check_out", after.period().checkOut().toString());
    if (after.holdExpiresAt() != null && after.status() == ReservationStatus.PRE_RESERVED) {
      data.put("hold_expires_at", after.holdExpiresAt().toString());
    }
    if (after.quote() != null) {
      data.put("total", after.quote().total().amount().toPlainString());
      data.put("deposit", after.quote().deposit().amount().toPlainString());
      data.put("currency", after.quote().total().currency().getCurrencyCode());
    }
    data.put("actor", actor == null ? "unknown" : actor);
    return DomainEvent.of(type, after.code().value(), data, at);
  }

  private static EventType createdType(Reservation r) {
    return switch (r.kind()) {
      case GUEST_BOOKING ->
          r.status() == ReservationStatus.PRE_RESERVED
              ? EventType.HOLD_PLACED
              : EventType.BOOKING_CREATED;
      case OWNER_BLOCK -> EventType.DATES_BLOCKED;
      case IMPORTED_STAY -> EventType.STAY_IMPORTED;
    };
  }

  private static EventType updated(ReservationStatus before, ReservationStatus after) {
    if (before == after) {
      return EventType.RESERVATION_UPDATED;
    }
    return switch (after) {
      case CONFIRMED -> EventType.CONFIRMED;
      case EXPIRED -> EventType.HOLD_EXPIRED;
      case CANCELLED -> EventType.CANCELLED;
      case COMPLETED -> EventType.COMPLETED;
      case PRE_RESERVED, BLOCKED ->
          throw new IllegalStateException(
              "no transition leads to " + after.name().toLowerCase(Locale.ROOT));
    };
  }
}
