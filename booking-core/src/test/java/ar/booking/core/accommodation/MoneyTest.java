package ar.booking.core.accommodation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ar.booking.core.shared.Money;
import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void amountsAreKeptWithExactlyTwoDecimals() {
    assertThat(Money.ars("10000").amount()).isEqualTo(new BigDecimal("10000.00"));
    assertThat(Money.ars("10000.5")).isEqualTo(Money.ars("10000.50"));
  }

  @Test
  void fractionsOfACentAndNegativeAmountsAreRejected() {
    assertThatThrownBy(() -> Money.ars("1.005")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Money.ars("-1")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void currenciesDoNotMix() {
    Money usd = Money.of("10", Currency.getInstance("USD"));
    assertThatThrownBy(() -> Money.ars(10).plus(usd)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void percentAndTimesRoundHalfUpToTheCent() {
    assertThat(Money.ars("0.05").percent(30)).isEqualTo(Money.ars("0.02")); // 0.015 → 0.02
    assertThat(Money.ars("10000").times(new BigDecimal("1.2"))).isEqualTo(Money.ars(12_000));
    assertThat(Money.ars("99.99").percent(100)).isEqualTo(Money.ars("99.99"));
    assertThat(Money.ars("99.99").percent(0)).isEqualTo(Money.ars(0));
  }
}
