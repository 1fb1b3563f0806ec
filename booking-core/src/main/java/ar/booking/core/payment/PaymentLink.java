package ar.booking.core.payment;

import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.shared.Money;
import java.time.Instant;

/**
 * A link where the guest pays {@code amount} for a reservation, valid until {@code expiresAt}.
 * {@code providerReference} is the provider's id for it (a Mercado Pago preference id).
 */
public record PaymentLink(
    ReservationCode code, String url, Money amount, Instant expiresAt, String providerReference) {}
