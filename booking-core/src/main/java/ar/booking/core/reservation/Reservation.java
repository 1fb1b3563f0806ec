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
 * @param amountPaid what the guest has paid: derived by the store from the approved payments minus
 *     refunds ({@code ar.booking.core.payment}); never written through a reservation
 * @param note free text: the owner's reason for a block, an imported event's summary, a
 *     cancellation reason
 * @param version the stored version this value was read at; {@code 0} before it is first stored.
 *     Every write is a compare-and-set on it, so a change derived from a stale read is refused
 *     instead of silently undoing a concurrent one.
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
    Instant updatedAt,
    long version) {

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
    if (version < 0) {
      throw new IllegalArgumentException("version must not be negative");
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
        now,
        0);
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
        now,
        0);
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
        now,
        0);
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
        now,
        0);
  }

  /** This reservation in status {@code next}; throws on a transition the status machine forbids. */
  public Reservation transitionTo(ReservationStatus next, Instant at) {
    status.requireCanBecome(next);
    return copy(next, amountPaid, holdExpiresAt, note, at, version);
  }

  /** Confirmed (the money, if any, is recorded as payments of its own). */
  public Reservation confirm(Instant at) {
    return transitionTo(ReservationStatus.CONFIRMED, at);
  }

  /** Cancelled, with the reason kept in the note. */
  public Reservation cancel(String reason, Instant at) {
    status.requireCanBecome(ReservationStatus.CANCELLED);
    String newNote = reason == null || reason.isBlank() ? note : reason.strip();
    return copy(ReservationStatus.CANCELLED, amountPaid, holdExpiresAt, newNote, at, version);
  }

  /**
   * An imported stay as its feed shows it now: other nights, UID or summary (the same stay, written
   * in place, so a moving event keeps its code).
   */
  public Reservation reimported(StayPeriod newPeriod, String newUid, String summary, Instant at) {
    if (kind != OccupancyKind.IMPORTED_STAY) {
      throw new IllegalStateException("only an imported stay follows its feed, not " + kind);
    }
    return new Reservation(
        code,
        accommodationId,
        Objects.requireNonNull(newPeriod, "newPeriod"),
        kind,
        status,
        guests,
        contact,
        channel,
        quote,
        amountPaid,
        holdExpiresAt,
        Objects.requireNonNull(newUid, "newUid"),
        summary,
        createdAt,
        at,
        version);
  }

  /** This reservation as stored at {@code storedVersion} (adapters call this after a write). */
  public Reservation withVersion(long storedVersion) {
    return copy(status, amountPaid, holdExpiresAt, note, updatedAt, storedVersion);
  }

  /** This reservation with the amount its payments add up to (adapters call this on read). */
  public Reservation withAmountPaid(Money paid) {
    return copy(status, paid, holdExpiresAt, note, updatedAt, version);
  }

  /** The hold kept until {@code newExpiry} (a pending payment buys it time once). */
  public Reservation withHoldExpiry(Instant newExpiry, Instant at) {
    if (status != ReservationStatus.PRE_RESERVED) {
      throw new IllegalStateException("only a hold has an expiry, not " + status);
    }
    return copy(
        status, amountPaid, Objects.requireNonNull(newExpiry, "newExpiry"), note, at, version);
  }

  /** The same occupancy with the fields that change over its life replaced. */
  private Reservation copy(
      ReservationStatus newStatus,
      Money newAmountPaid,
      Instant newHoldExpiresAt,
      String newNote,
      Instant newUpdatedAt,
      long newVersion) {
    return new Reservation(
        code,
        accommodationId,
        period,
        kind,
        newStatus,
        guests,
        contact,
        channel,
        quote,
        newAmountPaid,
        newHoldExpiresAt,
        externalUid,
        newNote,
        createdAt,
        newUpdatedAt,
        newVersion);
  }

  /** The currency this booking is priced and paid in; empty for blocks and imported stays. */
  public Optional<java.util.Currency> currency() {
    return quote == null ? Optional.empty() : Optional.of(quote.total().currency());
  }

  /** What is still owed of the deposit; zero once it is covered. Empty without a quote. */
  public Optional<Money> depositDue() {
    if (quote == null) {
      return Optional.empty();
    }
    return Optional.of(
        amountPaid.isAtLeast(quote.deposit())
            ? Money.zero(quote.deposit().currency())
            : quote.deposit().minus(amountPaid));
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
