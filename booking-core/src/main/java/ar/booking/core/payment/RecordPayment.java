package ar.booking.core.payment;

import ar.booking.core.calendar.BusyPeriod;
import ar.booking.core.ports.Reservations;
import ar.booking.core.ports.Transactions;
import ar.booking.core.reservation.OccupancyKind;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.reservation.ReservationStatus;
import ar.booking.core.shared.Money;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Records a payment for a booking and, when it covers what is due, confirms the booking — in one
 * unit of work, so the money and the confirmation commit together. Idempotent: the same report
 * twice changes nothing. A payment on an already confirmed booking adds to its amount paid (deposit
 * now, balance later). A payment in another currency than the booking's is refused and nothing is
 * stored.
 */
public final class RecordPayment {

  private static final int ATTEMPTS = 5;

  private final Reservations reservations;
  private final Payments payments;
  private final Transactions transactions;
  private final Clock clock;

  public RecordPayment(
      Reservations reservations, Payments payments, Transactions transactions, Clock clock) {
    this.reservations = Objects.requireNonNull(reservations, "reservations");
    this.payments = Objects.requireNonNull(payments, "payments");
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** When the payment should confirm a hold. */
  public enum ConfirmWhen {
    /** The approved amount paid covers the deposit (a provider's payment). */
    DEPOSIT_COVERED,
    /** Whatever the amount: the owner says so (cash, transfer). */
    ALWAYS,
    /** Never: only record it. */
    NEVER
  }

  /**
   * @param refunded how much of it was given back; {@code null} for none
   * @param actor who reports it, for the audit trail ("payment:mp:123", "admin:owner@x")
   */
  public record Command(
      ReservationCode code,
      PaymentProvider provider,
      String providerPaymentId,
      Money amount,
      PaymentStatus status,
      Money refunded,
      ConfirmWhen confirmWhen,
      String actor) {
    public Command {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(provider, "provider");
      Objects.requireNonNull(providerPaymentId, "providerPaymentId");
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(confirmWhen, "confirmWhen");
      Objects.requireNonNull(actor, "actor");
    }
  }

  /** What the payment did to the booking. */
  public enum Confirmation {
    /** This payment confirmed the booking. */
    CONFIRMED_NOW,
    /** The booking was confirmed before; the payment adds to it. */
    ALREADY_CONFIRMED,
    /** Not approved, or approved but short of the deposit: the booking is as it was. */
    NOT_CONFIRMED,
    /** A late payment for a hold whose nights were sold meanwhile: refund or ask the owner. */
    NIGHTS_TAKEN,
    /** The booking was cancelled: the money is recorded, the booking stays cancelled. */
    BOOKING_CANCELLED
  }

  /** What came of it. */
  public sealed interface Result permits Recorded, NotFound, NotPayable, CurrencyMismatch {}

  /**
   * @param reservation the booking as it stands now, with its new amount paid
   * @param change whether the payment was new, updated, or a repeat
   * @param conflicts with {@link Confirmation#NIGHTS_TAKEN}: who holds the nights
   */
  public record Recorded(
      Reservation reservation,
      Payments.RecordOutcome change,
      Confirmation confirmation,
      List<BusyPeriod> conflicts)
      implements Result {
    public Recorded {
      conflicts = List.copyOf(conflicts);
    }

    public Payment payment() {
      return change.payment();
    }
  }

  public record NotFound(ReservationCode code) implements Result {}

  /** Blocks and imported stays take no payments; the owner cannot pay into a cancelled booking. */
  public record NotPayable(OccupancyKind kind, ReservationStatus status) implements Result {}

  /** The booking is priced in {@code expected}; nothing was stored. */
  public record CurrencyMismatch(Currency expected, Currency actual) implements Result {}

  public Result execute(Command command) {
    return transactions.inTransaction(() -> record(command));
  }

  private Result record(Command command) {
    Optional<Reservation> found = reservations.find(command.code());
    if (found.isEmpty()) {
      return new NotFound(command.code());
    }
    Reservation booking = found.get();
    if (booking.kind() != OccupancyKind.GUEST_BOOKING
        || (command.confirmWhen() == ConfirmWhen.ALWAYS
            && booking.status() == ReservationStatus.CANCELLED)) {
      return new NotPayable(booking.kind(), booking.status());
    }
    Currency currency = booking.currency().orElseThrow();
    if (!currency.equals(command.amount().currency())) {
      return new CurrencyMismatch(currency, command.amount().currency());
    }
    Instant now = clock.instant();
    Payments.RecordOutcome change =
        payments.record(
            Payment.of(
                command.provider(),
                command.providerPaymentId(),
                command.code(),
                command.amount(),
                command.status(),
                command.refunded(),
                now),
            command.actor());
    return confirmIfDue(command, change, now);
  }

  private Result confirmIfDue(Command command, Payments.RecordOutcome change, Instant now) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Reservation current = reservations.find(command.code()).orElseThrow();
      Confirmation settled = settled(current, change.payment(), command.confirmWhen());
      if (settled != null) {
        return new Recorded(current, change, settled, List.of());
      }
      switch (reservations.update(current.confirm(now), command.actor())) {
        case Reservations.Updated updated -> {
          Reservation confirmed = reservations.find(command.code()).orElse(updated.reservation());
          return new Recorded(confirmed, change, Confirmation.CONFIRMED_NOW, List.of());
        }
        case Reservations.Overlap overlap -> {
          return new Recorded(current, change, Confirmation.NIGHTS_TAKEN, overlap.conflicts());
        }
        case Reservations.NotFound notFound -> {
          return new NotFound(command.code());
        }
        case Reservations.Stale stale -> {
          // Changed under us (expired, cancelled, confirmed a moment ago): decide again.
        }
      }
    }
    throw new IllegalStateException(
        "booking " + command.code() + " kept changing while a payment was recorded");
  }

  /** The answer when no confirmation is to be written, or null when it is. */
  private static Confirmation settled(Reservation current, Payment payment, ConfirmWhen when) {
    return switch (current.status()) {
      case CONFIRMED, COMPLETED -> Confirmation.ALREADY_CONFIRMED;
      case CANCELLED, BLOCKED -> Confirmation.BOOKING_CANCELLED;
      case PRE_RESERVED, EXPIRED -> {
        boolean covers =
            switch (when) {
              case ALWAYS -> true;
              case NEVER -> false;
              case DEPOSIT_COVERED ->
                  payment.status().countsAsPaid()
                      && current.amountPaid().isAtLeast(current.quote().deposit());
            };
        yield covers ? null : Confirmation.NOT_CONFIRMED;
      }
    };
  }
}
