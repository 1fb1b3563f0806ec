package ar.booking.app.mercadopago;

import ar.booking.core.payment.ApplyProviderPayment;
import ar.booking.core.payment.Payment;
import ar.booking.core.payment.PaymentLink;
import ar.booking.core.payment.PaymentLinks;
import ar.booking.core.payment.PaymentNotifications;
import ar.booking.core.payment.PaymentStatus;
import ar.booking.core.payment.Payments;
import ar.booking.core.payment.ProviderPayment;
import ar.booking.core.payment.ProviderPayments;
import ar.booking.core.ports.Reservations;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationStatus;
import ar.booking.core.scheduling.ScheduledJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two payment jobs. {@code process_payment_notifications} claims recorded notifications, reads
 * each payment from Mercado Pago (never trusting the notification) and applies it; Mercado Pago
 * down leaves the notification due again later, with a growing pause. {@code reconcile_payments}
 * looks up, by external reference, the bookings that have a payment link and no approved payment,
 * so a booking is confirmed even when its notification never came.
 */
public final class PaymentProcessing {

  private static final Logger log = LoggerFactory.getLogger(PaymentProcessing.class);

  static final int BATCH = 50;
  static final Duration LEASE = Duration.ofMinutes(2);
  static final Duration FIRST_RETRY = Duration.ofSeconds(15);
  static final Duration MAX_RETRY = Duration.ofMinutes(30);

  /** Links that expired longer ago are not reconciled (a late payment still notifies). */
  static final Duration RECONCILE_AFTER_EXPIRY = Duration.ofHours(24);

  private final PaymentNotifications notifications;
  private final ProviderPayments provider;
  private final ApplyProviderPayment apply;
  private final PaymentLinks links;
  private final Reservations reservations;
  private final Payments payments;
  private final PaymentMetrics metrics;
  private final Clock clock;

  public PaymentProcessing(
      PaymentNotifications notifications,
      ProviderPayments provider,
      ApplyProviderPayment apply,
      PaymentLinks links,
      Reservations reservations,
      Payments payments,
      PaymentMetrics metrics,
      Clock clock) {
    this.notifications = notifications;
    this.provider = provider;
    this.apply = apply;
    this.links = links;
    this.reservations = reservations;
    this.payments = payments;
    this.metrics = metrics;
    this.clock = clock;
  }

  public ScheduledJob notificationsJob(Duration interval) {
    return ScheduledJob.every(interval, "process_payment_notifications", this::processDue);
  }

  public ScheduledJob reconcileJob(Duration interval) {
    return ScheduledJob.every(interval, "reconcile_payments", this::reconcile);
  }

  /** One pass: every due notification, in batches. Returns how many were handled. */
  public int processDue() {
    int handled = 0;
    while (true) {
      Instant now = clock.instant();
      List<PaymentNotifications.Pending> due = notifications.claim(now, now.plus(LEASE), BATCH);
      for (PaymentNotifications.Pending n : due) {
        process(n);
      }
      handled += due.size();
      if (due.size() < BATCH) {
        return handled;
      }
    }
  }

  private void process(PaymentNotifications.Pending n) {
    Instant now = clock.instant();
    try {
      Optional<ProviderPayment> read = provider.payment(n.providerPaymentId());
      if (read.isEmpty()) {
        log.warn(
            "Mercado Pago does not know payment {}: notification dropped", n.providerPaymentId());
        notifications.processed(n.id(), "unknown_payment", clock.instant());
        return;
      }
      ApplyProviderPayment.Applied applied = apply(read.get());
      notifications.processed(n.id(), applied.decision().name(), clock.instant());
    } catch (ProviderPayments.Unavailable e) {
      notifications.failed(n.id(), e.getMessage(), now.plus(retryAfter(n.attempts())));
    } catch (RuntimeException e) {
      log.error("Processing payment notification {} failed", n.id(), e);
      notifications.failed(n.id(), e.toString(), now.plus(retryAfter(n.attempts())));
    }
  }

  /** Applies a payment read from the provider and counts it. */
  public ApplyProviderPayment.Applied apply(ProviderPayment payment) {
    ApplyProviderPayment.Applied applied = apply.apply(payment);
    Instant since = payment.approvedAt();
    if (since == null && applied.payment() != null) {
      since = applied.payment().createdAt();
    }
    metrics.applied(applied, since, clock.instant());
    return applied;
  }

  static Duration retryAfter(int attempts) {
    Duration pause = FIRST_RETRY.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 16));
    return pause.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : pause;
  }

  /** One reconciliation pass; returns how many bookings were looked up. */
  public int reconcile() {
    Instant now = clock.instant();
    int looked = 0;
    for (PaymentLink link : links.expiringAfter(now.minus(RECONCILE_AFTER_EXPIRY), 500)) {
      Reservation booking = reservations.find(link.code()).orElse(null);
      if (booking == null
          || (booking.status() != ReservationStatus.PRE_RESERVED
              && booking.status() != ReservationStatus.EXPIRED)
          || payments.ofReservation(link.code()).stream()
              .map(Payment::status)
              .anyMatch(s -> s == PaymentStatus.APPROVED)) {
        continue;
      }
      looked++;
      try {
        for (ProviderPayment found : provider.search(link.code())) {
          ApplyProviderPayment.Applied applied = apply(found);
          if (applied.news()) {
            log.info(
                "Reconciliation found payment {} of {}: {}",
                found.id(),
                link.code(),
                applied.decision());
          }
        }
      } catch (ProviderPayments.Unavailable e) {
        log.warn("Reconciliation stopped: Mercado Pago unavailable: {}", e.getMessage());
        throw e;
      }
    }
    return looked;
  }
}
