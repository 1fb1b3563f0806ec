package ar.booking.core.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * A non-negative amount of one currency with exactly two decimals (cents); arithmetic never mixes
 * currencies.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

  public static final Currency ARS = Currency.getInstance("ARS");

  public Money {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("money cannot be negative: " + amount);
    }
    if (amount.stripTrailingZeros().scale() > 2) {
      throw new IllegalArgumentException("money has at most two decimals: " + amount);
    }
    amount = amount.setScale(2, RoundingMode.UNNECESSARY);
  }

  public static Money of(String amount, Currency currency) {
    return new Money(new BigDecimal(amount), currency);
  }

  public static Money ars(long amount) {
    return new Money(BigDecimal.valueOf(amount), ARS);
  }

  public static Money ars(String amount) {
    return of(amount, ARS);
  }

  public static Money zero(Currency currency) {
    return new Money(BigDecimal.ZERO, currency);
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.add(other.amount), currency);
  }

  /** Subtracts; the result must not be negative. */
  public Money minus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.subtract(other.amount), currency);
  }

  /** Multiplies by a non-negative factor, rounding half-up to the cent. */
  public Money times(BigDecimal factor) {
    return new Money(amount.multiply(factor).setScale(2, RoundingMode.HALF_UP), currency);
  }

  /** The given percentage (0–100) of this amount, rounded half-up to the cent. */
  public Money percent(int percentage) {
    if (percentage < 0 || percentage > 100) {
      throw new IllegalArgumentException("percentage must be 0..100: " + percentage);
    }
    return new Money(
        amount
            .multiply(BigDecimal.valueOf(percentage))
            .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP),
        currency);
  }

  public boolean isZero() {
    return amount.signum() == 0;
  }

  public boolean isAtLeast(Money other) {
    requireSameCurrency(other);
    return amount.compareTo(other.amount) >= 0;
  }

  @Override
  public int compareTo(Money other) {
    requireSameCurrency(other);
    return amount.compareTo(other.amount);
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException("cannot mix " + currency + " and " + other.currency);
    }
  }

  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency.getCurrencyCode();
  }
}
