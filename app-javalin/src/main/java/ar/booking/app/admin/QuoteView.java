package ar.booking.app.admin;

import ar.booking.core.accommodation.NightPrice;
import ar.booking.core.accommodation.Quote;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A price as the API shows it: each night, the subtotal, fees, total, deposit and balance. */
record QuoteView(
    LocalDate checkIn,
    LocalDate checkOut,
    int nights,
    String currency,
    BigDecimal subtotal,
    BigDecimal cleaningFee,
    BigDecimal total,
    int depositPercentage,
    BigDecimal deposit,
    BigDecimal balance,
    List<NightView> perNight) {

  /** One night: its date, price, and why it costs that (weekday, weekend, holiday; season). */
  record NightView(LocalDate date, BigDecimal price, String kind, String season) {}

  static QuoteView of(Quote quote) {
    return new QuoteView(
        quote.period().checkIn(),
        quote.period().checkOut(),
        quote.nightCount(),
        quote.total().currency().getCurrencyCode(),
        quote.subtotal().amount(),
        quote.cleaningFee().amount(),
        quote.total().amount(),
        quote.depositPercentage(),
        quote.deposit().amount(),
        quote.balance().amount(),
        quote.nights().stream().map(QuoteView::night).toList());
  }

  private static NightView night(NightPrice night) {
    return new NightView(
        night.night(), night.price().amount(), Codes.of(night.kind()), night.season());
  }
}
