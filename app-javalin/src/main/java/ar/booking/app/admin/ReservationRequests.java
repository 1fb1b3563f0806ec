package ar.booking.app.admin;

import java.math.BigDecimal;

/** The request bodies of the reservation endpoints. */
final class ReservationRequests {

  private ReservationRequests() {}

  /**
   * {@code POST /reservations}: a confirmed booking the owner entered ({@code kind: booking}, the
   * default), a guest's hold ({@code kind: hold}) or a block of nights ({@code kind: block}; guest
   * fields are not used, {@code note} is the reason).
   */
  record Create(
      Long accommodationId,
      String checkIn,
      String checkOut,
      Integer guests,
      String guestName,
      String guestPhone,
      String guestEmail,
      String note,
      String kind) {}

  /** {@code POST /reservations/{code}/cancel}; the body is optional. */
  record Cancel(String reason) {
    static final Cancel NONE = new Cancel(null);
  }

  /**
   * {@code POST /reservations/{code}/confirm}; the body is optional. {@code amountPaid} is money
   * the owner received now (cash, transfer), recorded as a manual payment; {@code reference} (a
   * receipt or transfer number) makes sending the same payment twice harmless.
   */
  record Confirm(BigDecimal amountPaid, String reference) {
    static final Confirm NONE = new Confirm(null, null);
  }
}
