package ar.booking.core.accommodation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ar.booking.core.shared.Money;
import ar.booking.core.stay.StayPeriod;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

class PricingTest {

  private static final PricingPolicy BASE_10K_WEEKEND_1_2 =
      PricingPolicy.flat(Money.ars(10_000)).withWeekendMultiplier(new BigDecimal("1.2"));

  @Test
  void thursdayToSundayPricesFridayAndSaturdayAsWeekendNights() {
    Quote quote = Pricing.quote(BASE_10K_WEEKEND_1_2, StayPeriod.parse("2026-12-10", "2026-12-13"));

    assertThat(quote.nights())
        .extracting(NightPrice::price)
        .containsExactly(Money.ars(10_000), Money.ars(12_000), Money.ars(12_000));
    assertThat(quote.nights())
        .extracting(NightPrice::kind)
        .containsExactly(NightKind.WEEKDAY, NightKind.WEEKEND, NightKind.WEEKEND);
    assertThat(quote.total()).isEqualTo(Money.ars(34_000));
    assertThat(quote.deposit()).isEqualTo(Money.ars(10_200));
    assertThat(quote.balance()).isEqualTo(Money.ars(23_800));
  }

  @Test
  void weekendNightsAreConfigurable() {
    PricingPolicy saturdayOnly =
        new PricingPolicy(
            Money.ars(10_000),
            Set.of(DayOfWeek.SATURDAY),
            new BigDecimal("1.5"),
            null,
            null,
            1,
            null,
            30);
    Quote quote = Pricing.quote(saturdayOnly, StayPeriod.parse("2026-12-10", "2026-12-13"));
    assertThat(quote.total()).isEqualTo(Money.ars(35_000));
  }

  @Test
  void aSeasonReplacesTheBaseRateAndKeepsTheWeekendSurcharge() {
    PricingPolicy policy =
        BASE_10K_WEEKEND_1_2.withSeasons(
            List.of(
                new Season(
                    "alta",
                    LocalDate.of(2026, 12, 20),
                    LocalDate.of(2027, 2, 28),
                    Money.ars(15_000),
                    null)));
    // Sat 19 Dec (base weekend), Sun 20 (season weekday), Mon 21 (season weekday)
    Quote quote = Pricing.quote(policy, StayPeriod.parse("2026-12-19", "2026-12-22"));
    assertThat(quote.nights())
        .extracting(NightPrice::price)
        .containsExactly(Money.ars(12_000), Money.ars(15_000), Money.ars(15_000));
    assertThat(quote.nights()).extracting(NightPrice::season).containsExactly(null, "alta", "alta");
  }

  @Test
  void holidaysArePricedAsWeekendOrAtTheirOwnRate() {
    PricingPolicy policy =
        BASE_10K_WEEKEND_1_2.withHolidays(
            List.of(
                Holiday.pricedAsWeekend(LocalDate.of(2026, 12, 8), "Inmaculada"),
                new Holiday(LocalDate.of(2026, 12, 9), "especial", Money.ars(20_000))));
    Quote quote = Pricing.quote(policy, StayPeriod.parse("2026-12-07", "2026-12-10"));
    assertThat(quote.nights())
        .extracting(NightPrice::price)
        .containsExactly(Money.ars(10_000), Money.ars(12_000), Money.ars(20_000));
    assertThat(quote.nights().get(1).kind()).isEqualTo(NightKind.HOLIDAY);
  }

  @Test
  void cleaningFeeIsAddedToTheTotalAndTheDepositIsTakenOnTheTotal() {
    PricingPolicy policy =
        PricingPolicy.flat(Money.ars(10_000))
            .withCleaningFee(Money.ars(5_000))
            .withDepositPercentage(50);
    Quote quote = Pricing.quote(policy, StayPeriod.parse("2026-12-07", "2026-12-09"));
    assertThat(quote.subtotal()).isEqualTo(Money.ars(20_000));
    assertThat(quote.total()).isEqualTo(Money.ars(25_000));
    assertThat(quote.deposit()).isEqualTo(Money.ars(12_500));
  }

  @Test
  void fullPaymentAndNoDepositAreBothPossible() {
    StayPeriod period = StayPeriod.parse("2026-12-07", "2026-12-09");
    Quote full =
        Pricing.quote(PricingPolicy.flat(Money.ars(1_000)).withDepositPercentage(100), period);
    Quote none =
        Pricing.quote(PricingPolicy.flat(Money.ars(1_000)).withDepositPercentage(0), period);
    assertThat(full.deposit()).isEqualTo(full.total());
    assertThat(full.balance().isZero()).isTrue();
    assertThat(none.deposit().isZero()).isTrue();
  }

  @Test
  void minimumStayIsTheLongestOfPolicyAndTouchedSeasons() {
    PricingPolicy policy =
        PricingPolicy.flat(Money.ars(10_000))
            .withMinNights(2)
            .withSeasons(
                List.of(
                    new Season(
                        "alta",
                        LocalDate.of(2026, 12, 20),
                        LocalDate.of(2027, 2, 28),
                        Money.ars(15_000),
                        5)));
    assertThat(Pricing.minimumNights(policy, StayPeriod.parse("2026-12-10", "2026-12-12")))
        .isEqualTo(2);
    assertThat(Pricing.minimumNights(policy, StayPeriod.parse("2026-12-18", "2026-12-21")))
        .isEqualTo(5);
  }

  @Test
  void policyRejectsNonsense() {
    Money base = Money.ars(1);
    assertThatThrownBy(() -> PricingPolicy.flat(base).withDepositPercentage(101))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PricingPolicy.flat(base).withMinNights(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PricingPolicy.flat(base).withWeekendMultiplier(BigDecimal.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new Season("x", LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1), base, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Property
  void nightsAddUpToTheSubtotalAndDepositPlusBalanceToTheTotal(
      @ForAll @BigRange(min = "0.01", max = "500000") @Scale(2) BigDecimal base,
      @ForAll @BigRange(min = "1", max = "3") @Scale(2) BigDecimal multiplier,
      @ForAll @IntRange(min = 0, max = 100) int deposit,
      @ForAll @IntRange(min = 0, max = 365) int startOffset,
      @ForAll @IntRange(min = 1, max = 60) int nights) {
    PricingPolicy policy =
        PricingPolicy.flat(new Money(base, Money.ARS))
            .withWeekendMultiplier(multiplier)
            .withDepositPercentage(deposit)
            .withSeasons(
                List.of(
                    new Season(
                        "alta",
                        LocalDate.of(2026, 12, 20),
                        LocalDate.of(2027, 2, 28),
                        new Money(base.multiply(BigDecimal.TWO), Money.ARS),
                        null)));
    Quote quote =
        Pricing.quote(
            policy, StayPeriod.of(LocalDate.of(2026, 11, 1).plusDays(startOffset), nights));

    BigDecimal sum =
        quote.nights().stream()
            .map(n -> n.price().amount())
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(sum).isEqualByComparingTo(quote.subtotal().amount());
    assertThat(quote.deposit().plus(quote.balance())).isEqualTo(quote.total());
    BigDecimal exactDeposit =
        quote
            .total()
            .amount()
            .multiply(BigDecimal.valueOf(deposit))
            .divide(BigDecimal.valueOf(100));
    assertThat(quote.deposit().amount().subtract(exactDeposit).abs())
        .isLessThanOrEqualTo(new BigDecimal("0.005"));
    assertThat(quote.deposit().amount())
        .isEqualByComparingTo(exactDeposit.setScale(2, RoundingMode.HALF_UP));
  }
}
