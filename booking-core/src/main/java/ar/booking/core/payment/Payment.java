package ar.booking.core.payment;

import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.shared.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One payment as its provider last reported it.
 *
 * @param id the store's id; {@code 0} before it is first stored
 * @param providerPaymentId the provider's id, unique per provider
 * @param reservationCode the booking it pays for; {@code null} for a payment nobody could match
 * @param refunded how much of it was given back
 * @param approvedAt when the provider approved it, or {@code null}
 */
public record Payment(
    long id,
    PaymentProvider provider,
    String providerPaymentId,
    ReservationCode reservationCode,
    Money amount,
    PaymentStatus status,
    Money refunded,
    Instant approvedAt,
    Instant createdAt,
    Instant updatedAt) {

  public static final int MAX_PROVIDER_ID_LENGTH = 200;

  public Payment {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(providerPaymentId, "providerPaymentId");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    providerPaymentId = providerPaymentId.strip();
    if (providerPaymentId.isEmpty() || providerPaymentId.length() > MAX_PROVIDER_ID_LENGTH) {
      throw new IllegalArgumentException(
          "a provider payment id has 1.." + MAX_PROVIDER_ID_LENGTH + " characters");
    }
    refunded = refunded == null ? Money.zero(amount.currency()) : refunded;
    if (!refunded.currency().equals(amount.currency())) {
      throw new IllegalArgumentException("a refund is in the payment's currency");
    }
    if (!amount.isAtLeast(refunded)) {
      throw new IllegalArgumentException("cannot refund more than was paid");
    }
    updatedAt = updatedAt == null ? createdAt : updatedAt;
    if (id < 0) {
      throw new IllegalArgumentException("id must not be negative");
    }
  }

  /** A payment not stored yet. */
  public static Payment of(
      PaymentProvider provider,
      String providerPaymentId,
      ReservationCode reservationCode,
      Money amount,
      PaymentStatus status,
      Money refunded,
      Instant at) {
    return new Payment(
        0,
        provider,
        providerPaymentId,
        reservationCode,
        amount,
        status,
        refunded,
        status == PaymentStatus.APPROVED ? at : null,
        at,
        at);
  }

  /** What this payment adds to its booking's amount paid. */
  public Money net() {
    return status.countsAsPaid() ? amount.minus(refunded) : Money.zero(amount.currency());
  }

  public Optional<ReservationCode> reservation() {
    return Optional.ofNullable(reservationCode);
  }

  /** Whether {@code newer} says something this one does not (status, amounts). */
  public boolean differsFrom(Payment newer) {
    return status != newer.status
        || !amount.equals(newer.amount)
        || !refunded.equals(newer.refunded)
        || !Objects.equals(reservationCode, newer.reservationCode);
  }

  /** The stored payment updated with the provider's newer report (keeps id and creation time). */
  public Payment updatedBy(Payment newer, Instant at) {
    return new Payment(
        id,
        provider,
        providerPaymentId,
        newer.reservationCode != null ? newer.reservationCode : reservationCode,
        newer.amount,
        newer.status,
        newer.refunded,
        approvedAt != null ? approvedAt : newer.status == PaymentStatus.APPROVED ? at : null,
        createdAt,
        at);
  }

  /** This payment as stored under {@code storedId}. */
  public Payment withId(long storedId) {
    return new Payment(
        storedId,
        provider,
        providerPaymentId,
        reservationCode,
        amount,
        status,
        refunded,
        approvedAt,
        createdAt,
        updatedAt);
  }
}
