package ar.booking.core.accommodation;

import ar.booking.core.shared.Money;
import ar.booking.core.stay.StayPeriod;
import java.util.List;
import java.util.Objects;

/**
 * The price of a stay: one line per night, their subtotal, fees, the total, the deposit due now and
 * the balance due later. Always {@code subtotal = Σ nights}, {@code total = subtotal + cleaningFee}
 * and {@code deposit + balance = total}.
 */
public record Quote(
    StayPeriod period,
    List<NightPrice> nights,
    Money subtotal,
    Money cleaningFee,
    Money total,
    int depositPercentage,
    Money deposit,
    Money balance) {

  public Quote {
    Objects.requireNonNull(period, "period");
    nights = List.copyOf(nights);
    if (nights.size() != period.nights()) {
      throw new IllegalArgumentException("one price per night is required");
    }
    Money sum = Money.zero(subtotal.currency());
    for (NightPrice night : nights) {
      sum = sum.plus(night.price());
    }
    if (!sum.equals(subtotal)
        || !subtotal.plus(cleaningFee).equals(total)
        || !deposit.plus(balance).equals(total)) {
      throw new IllegalArgumentException("quote does not add up");
    }
  }

  public int nightCount() {
    return nights.size();
  }
}
