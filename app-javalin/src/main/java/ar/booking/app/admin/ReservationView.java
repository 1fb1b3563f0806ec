package ar.booking.app.admin;

import ar.booking.core.payment.Payment;
import ar.booking.core.reservation.OccupancyKind;
import ar.booking.core.reservation.Reservation;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A reservation as the owner sees it. {@code kind} is {@code booking} (a guest's), {@code block}
 * (the owner's) or {@code imported} (from another platform's calendar); {@code quote}, {@code
 * total} and {@code amount_paid} are {@code null} for blocks and imported stays. {@code
 * amount_paid} is what the approved payments add up to, less refunds; {@code payments} lists them
 * and {@code payment_flag} says why the booking waits for the owner's look (a late payment, a
 * refund or a chargeback), both only when one reservation is read, not in lists.
 */
record ReservationView(
    String code,
    long accommodationId,
    String kind,
    String status,
    LocalDate checkIn,
    LocalDate checkOut,
    int nights,
    Integer guests,
    String guestName,
    String guestPhone,
    String guestEmail,
    String guestWhatsappId,
    String channel,
    String note,
    String currency,
    BigDecimal total,
    BigDecimal amountPaid,
    QuoteView quote,
    Instant holdExpiresAt,
    Instant createdAt,
    Instant updatedAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<PaymentView> payments,
    @JsonInclude(JsonInclude.Include.NON_NULL) String paymentFlag) {

  /** With its payments and payment flag, as {@code GET /reservations/{code}} shows it. */
  static ReservationView of(Reservation r, List<Payment> payments, Optional<String> flag) {
    ReservationView plain = of(r);
    return new ReservationView(
        plain.code,
        plain.accommodationId,
        plain.kind,
        plain.status,
        plain.checkIn,
        plain.checkOut,
        plain.nights,
        plain.guests,
        plain.guestName,
        plain.guestPhone,
        plain.guestEmail,
        plain.guestWhatsappId,
        plain.channel,
        plain.note,
        plain.currency,
        plain.total,
        plain.amountPaid,
        plain.quote,
        plain.holdExpiresAt,
        plain.createdAt,
        plain.updatedAt,
        payments.stream().map(PaymentView::of).toList(),
        flag.orElse(null));
  }

  static ReservationView of(Reservation r) {
    return new ReservationView(
        r.code().value(),
        r.accommodationId().value(),
        kind(r.kind()),
        Codes.of(r.status()),
        r.period().checkIn(),
        r.period().checkOut(),
        r.period().nights(),
        r.guests() == null ? null : r.guests().value(),
        r.contact().name(),
        r.contact().phone(),
        r.contact().email(),
        r.contact().whatsappId(),
        Codes.of(r.channel()),
        r.note(),
        r.quote() == null ? null : r.quote().total().currency().getCurrencyCode(),
        r.quote() == null ? null : r.quote().total().amount(),
        r.amountPaid() == null ? null : r.amountPaid().amount(),
        r.quote() == null ? null : QuoteView.of(r.quote()),
        r.holdExpiresAt(),
        r.createdAt(),
        r.updatedAt(),
        null,
        null);
  }

  static String kind(OccupancyKind kind) {
    return switch (kind) {
      case GUEST_BOOKING -> "booking";
      case OWNER_BLOCK -> "block";
      case IMPORTED_STAY -> "imported";
    };
  }
}
