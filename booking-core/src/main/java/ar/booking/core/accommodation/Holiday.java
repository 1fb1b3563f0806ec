package ar.booking.core.accommodation;

import ar.booking.core.shared.Money;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** A holiday night: priced at its own {@code rate} when given, otherwise as a weekend night. */
public record Holiday(LocalDate date, String name, Money rate) {
  public Holiday {
    Objects.requireNonNull(date, "date");
    name = name == null ? "" : name;
  }

  public static Holiday pricedAsWeekend(LocalDate date, String name) {
    return new Holiday(date, name, null);
  }

  public Optional<Money> ownRate() {
    return Optional.ofNullable(rate);
  }
}
