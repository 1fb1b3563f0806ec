package ar.booking.core.notification;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.event.DomainEvent;
import ar.booking.core.ports.Accommodations;
import ar.booking.core.ports.Reservations;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.shared.AccommodationId;
import ar.booking.core.shared.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Gathers the facts a text shows: the event's data, its reservation and its unit, formatted. */
final class StayFacts {

  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
  static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM HH:mm");

  private final Reservations reservations;
  private final Accommodations accommodations;
  private final NotificationTexts texts;

  StayFacts(Reservations reservations, Accommodations accommodations, NotificationTexts texts) {
    this.reservations = reservations;
    this.accommodations = accommodations;
    this.texts = texts;
  }

  Optional<Reservation> reservation(DomainEvent event) {
    String code = event.get("code");
    if (code == null) {
      return Optional.empty();
    }
    try {
      return reservations.find(new ReservationCode(code));
    } catch (IllegalArgumentException notACode) {
      return Optional.empty();
    }
  }

  Optional<Accommodation> unit(String id) {
    if (id == null) {
      return Optional.empty();
    }
    try {
      return accommodations.find(new AccommodationId(Long.parseLong(id)));
    } catch (IllegalArgumentException notAnId) {
      return Optional.empty();
    }
  }

  /** The facts of an event: its data, then (when found) its reservation's and unit's. */
  Map<String, String> of(DomainEvent event) {
    Map<String, String> facts = new LinkedHashMap<>(event.data());
    facts.put("type", event.type().name());
    facts.put("stream", event.stream());
    if (event.stream().startsWith("guest:")) {
      facts.putIfAbsent("wa_id", event.stream().substring("guest:".length()));
    }
    if (event.get("kind") != null) {
      facts.put("anomaly", event.get("kind"));
    }
    Optional<Reservation> reservation = reservation(event);
    String unitId =
        reservation
            .map(r -> Long.toString(r.accommodationId().value()))
            .orElse(event.get("accommodation_id"));
    Optional<Accommodation> unit = unit(unitId);
    ZoneId zone = unit.map(Accommodation::zone).orElse(Accommodation.DEFAULT_ZONE);
    unit.ifPresent(u -> putUnit(facts, u));
    reservation.ifPresent(r -> putReservation(facts, r, zone));
    formatDate(facts, "check_in");
    formatDate(facts, "check_out");
    formatInstant(facts, "hold_expires_at", zone, DATE_TIME);
    facts.putIfAbsent("guest", texts.render("unknown.guest", Map.of()));
    return facts;
  }

  /** The facts of a reservation and its unit. */
  Map<String, String> of(Reservation r, Accommodation unit) {
    Map<String, String> facts = new LinkedHashMap<>();
    if (unit != null) {
      putUnit(facts, unit);
    }
    putReservation(facts, r, unit == null ? Accommodation.DEFAULT_ZONE : unit.zone());
    facts.putIfAbsent("guest", texts.render("unknown.guest", Map.of()));
    return facts;
  }

  private void putUnit(Map<String, String> facts, Accommodation u) {
    facts.put("unit", u.name());
    facts.put("check_in_time", TIME.format(u.checkInTime()));
    facts.put("check_out_time", TIME.format(u.checkOutTime()));
    facts.put(
        "address", u.address() == null ? texts.render("unknown.address", Map.of()) : u.address());
    if (u.arrivalInstructions() != null) {
      facts.put("arrival_instructions", u.arrivalInstructions());
    }
  }

  private static void putReservation(Map<String, String> facts, Reservation r, ZoneId zone) {
    facts.put("code", r.code().value());
    facts.put("check_in", DATE.format(r.period().checkIn()));
    facts.put("check_out", DATE.format(r.period().checkOut()));
    facts.put("nights", Long.toString(r.period().nights()));
    r.contact().displayName().ifPresent(name -> facts.put("guest", name));
    if (r.contact().whatsappId() != null) {
      facts.putIfAbsent("wa_id", r.contact().whatsappId());
    }
    if (r.holdExpiresAt() != null) {
      facts.put("hold_expires_at", DATE_TIME.format(r.holdExpiresAt().atZone(zone)));
      facts.put("hold_expires_time", TIME.format(r.holdExpiresAt().atZone(zone)));
    }
    r.agreedQuote()
        .ifPresent(
            q -> {
              facts.put("total", amount(q.total()));
              facts.put("currency", q.total().currency().getCurrencyCode());
              facts.put("paid", amount(r.amountPaid()));
              Money balance =
                  r.amountPaid().isAtLeast(q.total())
                      ? Money.zero(q.total().currency())
                      : q.total().minus(r.amountPaid());
              facts.put("balance_due", amount(balance));
            });
    r.depositDue().ifPresent(due -> facts.put("deposit_due", amount(due)));
  }

  static String amount(Money money) {
    return money.amount().stripTrailingZeros().toPlainString();
  }

  private static void formatDate(Map<String, String> facts, String key) {
    String value = facts.get(key);
    if (value != null && value.matches("\\d{4}-\\d{2}-\\d{2}")) {
      facts.put(key, DATE.format(LocalDate.parse(value)));
    }
  }

  private static void formatInstant(
      Map<String, String> facts, String key, ZoneId zone, DateTimeFormatter format) {
    String value = facts.get(key);
    if (value != null && value.contains("T")) {
      try {
        facts.put(key, format.format(Instant.parse(value).atZone(zone)));
      } catch (java.time.DateTimeException ignored) {
        // left as stored
      }
    }
  }
}
