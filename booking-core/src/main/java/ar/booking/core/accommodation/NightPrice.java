package ar.booking.core.accommodation;

import ar.booking.core.shared.Money;
import java.time.LocalDate;
import java.util.Objects;

/** The price of one night of a stay and where it came from (weekday/weekend/holiday, season). */
public record NightPrice(LocalDate night, Money price, NightKind kind, String season) {
  public NightPrice {
    Objects.requireNonNull(night, "night");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(kind, "kind");
  }
}
