package ar.booking.core.payment;

import ar.booking.core.event.DomainEvent;
import ar.booking.core.event.EventLog;
import ar.booking.core.event.EventType;
import ar.booking.core.ports.Reservations;
import ar.booking.core.ports.Transactions;
import ar.booking.core.reservation.OccupancyKind;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.reservation.ReservationStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies a payment as read from the provider to its booking: confirms, records, extends a hold,
 * refunds a late payment or alerts the owner. Idempotent: the same payment applied again (a
 * duplicate or replayed notification, the reconciliation finding it again) changes nothing and
 * records no second event; a newer state of the payment (pending, then approved) is applied in
 * whatever order the notifications came, since the provider's answer is always the current one.
 * Call it outside any unit of work: a late refund talks to the provider.
 */
public final class ApplyProviderPayment {

  /** What to do with an approved payment for a hold whose nights are gone. */
  public enum LatePolicy {
    /** Give the money back at once and tell the guest. */
    REFUND,
    /** Flag the booking and let the owner decide. */
    OWNER
  }

  /**
   * @param pendingExtension how far a pending payment may push its hold's expiry (once)
   */
  public record Settings(LatePolicy latePolicy, Duration pendingExtension) {
    public static final Settings DEFAULT = new Settings(LatePolicy.OWNER, Duration.ofMinutes(60));

    public Settings {
      Objects.requireNonNull(latePolicy, "latePolicy");
      Objects.requireNonNull(pendingExtension, "pendingExtension");
      if (pendingExtension.isNegative()) {
        throw new IllegalArgumentException("pendingExtension must not be negative");
      }
    }
  }

  /** What the payment did. */
  public enum Decision {
    /** Approved and enough: the booking was confirmed by it. */
    CONFIRMED,
    /** Approved after the hold expired, the nights still free: confirmed. */
    LATE_CONFIRMED,
    /** Approved after the hold expired, the nights gone: refunded. */
    LATE_REFUNDED,
    /** Approved after the hold expired, the nights gone: the owner decides. */
    LATE_OWNER,
    /** Another approved payment on a confirmed booking (the balance). */
    ADDED,
    /** Approved but short of the deposit: recorded, not confirmed. */
    SHORT,
    /** In another currency than the booking's: recorded, not confirmed. */
    CURRENCY,
    /** Rejected or cancelled. */
    FAILED,
    /** Pending or in process. */
    PENDING,
    /** Refunded or charged back after the booking was confirmed: the owner is alerted. */
    REVERSED,
    /** Its reference names no booking: stored as an orphan. */
    ORPHAN,
    /** Recorded, nothing else to do (a change on a booking that needs no action). */
    RECORDED
  }

  /**
   * @param news whether this application changed anything (false for a repeat)
   * @param code the booking, or {@code null} for an orphan
   */
  public record Applied(Decision decision, boolean news, ReservationCode code, Payment payment) {}

  static final String ACTOR_PREFIX = "payment:mp:";

  private final Reservations reservations;
  private final Payments payments;
  private final PaymentLinks links;
  private final EventLog events;
  private final RecordPayment recordPayment;
  private final ProviderPayments provider;
  private final Transactions transactions;
  private final Clock clock;
  private final Settings settings;

  public ApplyProviderPayment(
      Reservations reservations,
      Payments payments,
      PaymentLinks links,
      EventLog events,
      ProviderPayments provider,
      Transactions transactions,
      Clock clock,
      Settings settings) {
    this.reservations = Objects.requireNonNull(reservations, "reservations");
    this.payments = Objects.requireNonNull(payments, "payments");
    this.links = Objects.requireNonNull(links, "links");
    this.events = Objects.requireNonNull(events, "events");
    this.provider = Objects.requireNonNull(provider, "provider");
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.recordPayment = new RecordPayment(reservations, payments, transactions, clock);
  }

  public Applied apply(ProviderPayment paid) {
    Objects.requireNonNull(paid, "paid");
    Applied applied = transactions.inTransaction(() -> decide(paid));
    if (applied.decision() == Decision.LATE_REFUNDED) {
      return refundLate(paid, applied);
    }
    return applied;
  }

  private Applied decide(ProviderPayment paid) {
    Instant now = clock.instant();
    Reservation booking =
        code(paid)
            .flatMap(reservations::find)
            .filter(r -> r.kind() == OccupancyKind.GUEST_BOOKING)
            .orElse(null);
    if (booking == null) {
      return orphan(paid, now);
    }
    if (!booking.currency().orElseThrow().equals(paid.amount().currency())) {
      Payments.RecordOutcome change =
          payments.record(payment(paid, booking.code(), now), actor(paid));
      boolean news = isNew(change);
      if (news && paid.status() == PaymentStatus.APPROVED) {
        anomaly(booking, paid, "currency", Map.of());
      }
      return new Applied(Decision.CURRENCY, news, booking.code(), change.payment());
    }
    return switch (paid.status()) {
      case APPROVED -> approved(paid, booking, now);
      case PENDING, IN_PROCESS -> pending(paid, booking, now);
      case REJECTED, CANCELLED -> failed(paid, booking);
      case REFUNDED, CHARGED_BACK -> reversed(paid, booking, now);
    };
  }

  private Applied orphan(ProviderPayment paid, Instant now) {
    Payments.RecordOutcome change = payments.record(payment(paid, null, now), actor(paid));
    boolean news = change instanceof Payments.Created;
    if (news) {
      Map<String, String> data = new LinkedHashMap<>();
      data.put("kind", "orphan");
      data.put("payment_id", paid.id());
      paid.reference().ifPresent(ref -> data.put("reference", ref));
      data.put("status", paid.status().name());
      data.put("amount", paid.amount().amount().toPlainString());
      data.put("currency", paid.amount().currency().getCurrencyCode());
      events.append(
          DomainEvent.of(
              EventType.PAYMENT_ANOMALY, "payment:MERCADO_PAGO:" + paid.id(), data, now));
    }
    return new Applied(Decision.ORPHAN, news, null, change.payment());
  }

  private Applied approved(ProviderPayment paid, Reservation before, Instant now) {
    boolean wasExpired = before.status() == ReservationStatus.EXPIRED || before.isExpiredHold(now);
    RecordPayment.Result result =
        recordPayment.execute(
            command(paid, before.code(), RecordPayment.ConfirmWhen.DEPOSIT_COVERED));
    RecordPayment.Recorded recorded = (RecordPayment.Recorded) result;
    boolean news = isNew(recorded.change());
    Payment payment = recorded.payment();
    return switch (recorded.confirmation()) {
      case CONFIRMED_NOW ->
          new Applied(
              wasExpired ? Decision.LATE_CONFIRMED : Decision.CONFIRMED,
              true,
              before.code(),
              payment);
      case ALREADY_CONFIRMED ->
          new Applied(
              news && recorded.change() instanceof Payments.Created
                  ? Decision.ADDED
                  : Decision.RECORDED,
              news,
              before.code(),
              payment);
      case NOT_CONFIRMED -> {
        if (news) {
          Map<String, String> data = new LinkedHashMap<>();
          recorded
              .reservation()
              .depositDue()
              .ifPresent(due -> data.put("due", due.amount().toPlainString()));
          anomaly(recorded.reservation(), paid, "short", data);
        }
        yield new Applied(Decision.SHORT, news, before.code(), payment);
      }
      case NIGHTS_TAKEN, BOOKING_CANCELLED -> late(paid, recorded.reservation(), payment, news);
    };
  }

  private Applied late(ProviderPayment paid, Reservation booking, Payment payment, boolean news) {
    if (settings.latePolicy() == LatePolicy.REFUND && payment.net().amount().signum() > 0) {
      return new Applied(Decision.LATE_REFUNDED, news, booking.code(), payment);
    }
    boolean flagged = links.flag(booking.code(), "late", clock.instant());
    if (flagged) {
      anomaly(booking, paid, "late", Map.of());
    }
    return new Applied(Decision.LATE_OWNER, flagged || news, booking.code(), payment);
  }

  /** Outside the unit of work: the provider gives the money back, then it is recorded. */
  private Applied refundLate(ProviderPayment paid, Applied decided) {
    ProviderPayments.RefundOutcome refund =
        provider.refund(paid.id(), null, "late-refund:" + paid.id());
    return transactions.inTransaction(
        () -> {
          Reservation booking = reservations.find(decided.code()).orElseThrow();
          if (refund instanceof ProviderPayments.Refunded) {
            ProviderPayment back =
                new ProviderPayment(
                    paid.id(),
                    PaymentStatus.REFUNDED,
                    "refunded_late",
                    paid.externalReference(),
                    paid.amount(),
                    paid.amount(),
                    paid.approvedAt());
            Payments.RecordOutcome change =
                payments.record(payment(back, booking.code(), clock.instant()), actor(paid));
            boolean news = isNew(change);
            if (news) {
              anomaly(booking, paid, "late_refunded", Map.of());
            }
            return new Applied(Decision.LATE_REFUNDED, news, booking.code(), change.payment());
          }
          String reason = ((ProviderPayments.RefundRefused) refund).reason();
          boolean flagged = links.flag(booking.code(), "late", clock.instant());
          if (flagged) {
            anomaly(booking, paid, "late", Map.of("refund_failed", reason == null ? "" : reason));
          }
          return new Applied(Decision.LATE_OWNER, flagged, booking.code(), decided.payment());
        });
  }

  private Applied pending(ProviderPayment paid, Reservation booking, Instant now) {
    RecordPayment.Recorded recorded =
        (RecordPayment.Recorded)
            recordPayment.execute(command(paid, booking.code(), RecordPayment.ConfirmWhen.NEVER));
    boolean news = isNew(recorded.change());
    if (news) {
      Reservation current = recorded.reservation();
      Map<String, String> data = base(current, paid);
      if (current.status() == ReservationStatus.PRE_RESERVED
          && !current.isExpiredHold(now)
          && settings.pendingExtension().isPositive()) {
        Instant extended = now.plus(settings.pendingExtension());
        if (extended.isAfter(current.holdExpiresAt())
            && links.useHoldExtension(current.code(), now)
            && reservations.update(current.withHoldExpiry(extended, now), actor(paid))
                instanceof Reservations.Updated) {
          current = reservations.find(current.code()).orElse(current);
        }
      }
      if (current.holdExpiresAt() != null) {
        data.put("hold_expires_at", current.holdExpiresAt().toString());
      }
      events.append(DomainEvent.of(EventType.PAYMENT_PENDING, current.code().value(), data, now));
    }
    return new Applied(Decision.PENDING, news, booking.code(), recorded.payment());
  }

  private Applied failed(ProviderPayment paid, Reservation booking) {
    RecordPayment.Recorded recorded =
        (RecordPayment.Recorded)
            recordPayment.execute(command(paid, booking.code(), RecordPayment.ConfirmWhen.NEVER));
    boolean news = isNew(recorded.change());
    if (news) {
      Reservation current = recorded.reservation();
      Map<String, String> data = base(current, paid);
      if (paid.statusDetail() != null) {
        data.put("status_detail", paid.statusDetail());
      }
      if (current.status() == ReservationStatus.PRE_RESERVED
          && !current.isExpiredHold(clock.instant())) {
        links.find(current.code()).ifPresent(link -> data.put("link", link.url()));
        data.put("hold_expires_at", current.holdExpiresAt().toString());
      }
      events.append(
          DomainEvent.of(EventType.PAYMENT_FAILED, current.code().value(), data, clock.instant()));
    }
    return new Applied(Decision.FAILED, news, booking.code(), recorded.payment());
  }

  private Applied reversed(ProviderPayment paid, Reservation before, Instant now) {
    RecordPayment.Recorded recorded =
        (RecordPayment.Recorded)
            recordPayment.execute(command(paid, before.code(), RecordPayment.ConfirmWhen.NEVER));
    boolean news = isNew(recorded.change());
    boolean wasConfirmed =
        before.status() == ReservationStatus.CONFIRMED
            || before.status() == ReservationStatus.COMPLETED;
    if (!wasConfirmed) {
      return new Applied(Decision.RECORDED, news, before.code(), recorded.payment());
    }
    String kind = paid.status() == PaymentStatus.CHARGED_BACK ? "charged_back" : "refunded";
    boolean flagged = links.flag(before.code(), kind + ":" + paid.id(), now);
    if (flagged) {
      anomaly(recorded.reservation(), paid, kind, Map.of());
    }
    return new Applied(Decision.REVERSED, news || flagged, before.code(), recorded.payment());
  }

  private void anomaly(
      Reservation booking, ProviderPayment paid, String kind, Map<String, String> extra) {
    Map<String, String> data = base(booking, paid);
    data.put("kind", kind);
    data.putAll(extra);
    events.append(
        DomainEvent.of(EventType.PAYMENT_ANOMALY, booking.code().value(), data, clock.instant()));
  }

  /** What every payment event carries for the notifications: who, what, how much. */
  private Map<String, String> base(Reservation booking, ProviderPayment paid) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("code", booking.code().value());
    if (booking.contact() != null && booking.contact().whatsappId() != null) {
      data.put("guest_wa_id", booking.contact().whatsappId());
    }
    data.put("payment_id", paid.id());
    data.put("status", paid.status().name());
    data.put("amount", paid.amount().amount().toPlainString());
    data.put("currency", paid.amount().currency().getCurrencyCode());
    booking.agreedQuote().ifPresent(q -> data.put("deposit", q.deposit().amount().toPlainString()));
    data.put("amount_paid", booking.amountPaid().amount().toPlainString());
    return data;
  }

  private RecordPayment.Command command(
      ProviderPayment paid, ReservationCode code, RecordPayment.ConfirmWhen when) {
    return new RecordPayment.Command(
        code,
        PaymentProvider.MERCADO_PAGO,
        paid.id(),
        paid.amount(),
        paid.status(),
        paid.refunded(),
        when,
        actor(paid));
  }

  private static Payment payment(ProviderPayment paid, ReservationCode code, Instant now) {
    return Payment.of(
        PaymentProvider.MERCADO_PAGO,
        paid.id(),
        code,
        paid.amount(),
        paid.status(),
        paid.refunded(),
        now);
  }

  private static String actor(ProviderPayment paid) {
    return ACTOR_PREFIX + paid.id();
  }

  private static boolean isNew(Payments.RecordOutcome change) {
    return !(change instanceof Payments.Unchanged);
  }

  private static Optional<ReservationCode> code(ProviderPayment paid) {
    return paid.reference()
        .flatMap(
            ref -> {
              try {
                return Optional.of(new ReservationCode(ref.toUpperCase(java.util.Locale.ROOT)));
              } catch (IllegalArgumentException notACode) {
                return Optional.empty();
              }
            });
  }
}
