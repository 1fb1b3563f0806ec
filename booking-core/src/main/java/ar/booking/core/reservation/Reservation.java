package ar.booking.core.reservation;

import ar.booking.core.accommodation.Quote;
import ar.booking.core.shared.AccommodationId;
import ar.booking.core.shared.Money;
import ar.booking.core.stay.GuestCount;
import ar.booking.core.stay.StayPeriod;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Anything that occupies nights of a unit: a guest booking (held, then confirmed), an owner block,
 * or a stay imported from another platform. Immutable; changes produce a new instance through
 * {@link #transitionTo}, which enforces the status machine of {@link ReservationStatus}.
 *
 * @param guests guests of a booking; {@code null} for blocks and imported stays
 * @param quote the price agreed when the booking was made; {@code null} for blocks and imports
 * @param holdExpiresAt when an unpaid hold frees its nights; {@code null} unless it was a hold
 * @param externalUid the calendar event UID of an imported stay; {@code null} otherwise
 * @param note free text: the owner's reason for a block, an imported event's summary, a
 *     cancellation reason
 */
public record Reservation(
    ReservationCode code,
    AccommodationId accommodationId,
    StayPeriod period,
    OccupancyKind kind,
    ReservationStatus status,
    GuestCount guests,
    GuestContact contact,
    Channel channel,
    Quote quote,
    Money amountPaid,
    Instant holdExpiresAt,
    String externalUid,
    String note,
    Instant createdAt,
    Instant updatedAt) {

  public Reservation {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(accommodationId, "accommodationId");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(createdAt, "createdAt");
    contact = contact == null ? GuestContact.NONE : contact;
    updatedAt = updatedAt == null ? createdAt : updatedAt;
    note = note == null ? "" : note;
    if (kind == OccupancyKind.GUEST_BOOKING) {
      Objects.requireNonNull(guests, "a guest booking needs a guest count");
      Objects.requireNonNull(quote, "a guest booking needs a quote");
      if (!quote.period().equals(period)) {
        throw new IllegalArgumentException("the quote is for another period");
      }
      if (!contact.isReachable() && channel != Channel.ADMIN) {
        throw new IllegalArgumentException("a guest booking needs a way to reach the guest");
      }
      if (status == ReservationStatus.BLOCKED) {
        throw new IllegalArgumentException("a guest booking is never BLOCKED");
      }
    } else if (status != ReservationStatus.BLOCKED && status != ReservationStatus.CANCELLED) {
      throw new IllegalArgumentException(kind + " is BLOCKED or CANCELLED, not " + status);
    }
    if (status == ReservationStatus.PRE_RESERVED) {
      Objects.requireNonNull(holdExpiresAt, "a hold needs an expiry");
    }
    if (amountPaid == null && quote != null) {
      amountPaid = Money.zero(quote.total().currency());
    }
  }

  /** A new guest hold: {@code PRE_RESERVED} until {@code expiresAt}. */
  public static Reservation hold(
      ReservationCode code,
      AccommodationId unit,
      Quote quote,
      GuestCount guests,
      GuestContact contact,
      Channel channel,
      Instant now,
      Instant expiresAt) {
    return new Reservation(
        code,
        unit,
        quote.period(),
        OccupancyKind.GUEST_BOOKING,
        ReservationStatus.PRE_RESERVED,
        guests,
        contact,
        channel,
        quote,
        null,
        expiresAt,
        null,
        null,
        now,
        now);
  }

  /** A booking that is confirmed from the start (entered by the owner). */
  public static Reservation confirmedBooking(
      ReservationCode code,
      AccommodationId unit,
      Quote quote,
      GuestCount guests,
      GuestContact contact,
      Channel channel,
      String note,
      Instant now) {
    return new Reservation(
        code,
        unit,
        quote.period(),
        OccupancyKind.GUEST_BOOKING,
        ReservationStatus.CONFIRMED,
        guests,
        contact,
        channel,
        quote,
        null,
        null,
        null,
        note,
        now,
        now);
  }

  /** Nights the owner takes off sale. */
  public static Reservation ownerBlock(
      ReservationCode code, AccommodationId unit, StayPeriod period, String reason, Instant now) {
    return new Reservation(
        code,
        unit,
        period,
        OccupancyKind.OWNER_BLOCK,
        ReservationStatus.BLOCKED,
        null,
        null,
        Channel.ADMIN,
        null,
        null,
        null,
        null,
        reason,
        now,
        now);
  }

  /** A stay sold on another platform, as its calendar feed shows it. */
  public static Reservation importedStay(
      ReservationCode code,
      AccommodationId unit,
      StayPeriod period,
      Channel source,
      String externalUid,
      String summary,
      Instant now) {
    if (!source.isExternal()) {
      throw new IllegalArgumentException("imported stays come from an external channel: " + source);
    }
    return new Reservation(
        code,
        unit,
        period,
        OccupancyKind.IMPORTED_STAY,
        ReservationStatus.BLOCKED,
        null,
        null,
        source,
        null,
        null,
        null,
        Objects.requireNonNull(externalUid, "externalUid"),
        summary,
        now,
        now);
  }

  /** This reservation in status {@code next}; throws on a transition the status machine forbids. */
  public Reservation transitionTo(ReservationStatus next, Instant at) {
    status.requireCanBecome(next);
    return new Reservation(
        code,
        accommodationId,
        period,
        kind,
        next,
        guests,
        contact,
        channel,
        quote,
        amountPaid,
        holdExpiresAt,
        externalUid,
        note,
        createdAt,
        at);
  }

  /** Confirmed with {@code paid} recorded. */
  public Reservation confirm(Money paid, Instant at) {
    status.requireCanBecome(ReservationStatus.CONFIRMED);
    return new Reservation(
        code,
        accommodationId,
        period,
        kind,
        ReservationStatus.CONFIRMED,
        guests,
        contact,
        channel,
        quote,
        paid,
        holdExpiresAt,
        externalUid,
        note,
        createdAt,
        at);
  }

  /** Cancelled, with the reason kept in the note. */
  public Reservation cancel(String reason, Instant at) {
    status.requireCanBecome(ReservationStatus.CANCELLED);
    String newNote = reason == null || reason.isBlank() ? note : reason.strip();
    return new Reservation(
        code,
        accommodationId,
        period,
        kind,
        ReservationStatus.CANCELLED,
        guests,
        contact,
        channel,
        quote,
        amountPaid,
        holdExpiresAt,
        externalUid,
        newNote,
        createdAt,
        at);
  }

  public boolean occupiesNights() {
    return status.occupiesNights();
  }

  /** True for a hold whose time is up at {@code now}. */
  public boolean isExpiredHold(Instant now) {
    return status == ReservationStatus.PRE_RESERVED && !holdExpiresAt.isAfter(now);
  }

  public Optional<GuestCount> guestCount() {
    return Optional.ofNullable(guests);
  }

  public Optional<Quote> agreedQuote() {
    return Optional.ofNullable(quote);
  }
}
