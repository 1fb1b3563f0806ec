package ar.booking.core.accommodation;

import ar.booking.core.shared.Money;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A dated season: the nights from {@code firstNight} to {@code lastNight} (both included) cost
 * {@code nightlyRate} instead of the base rate, and may require a longer minimum stay.
 */
public record Season(
    String name, LocalDate firstNight, LocalDate lastNight, Money nightlyRate, Integer minNights) {

  public Season {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(firstNight, "firstNight");
    Objects.requireNonNull(lastNight, "lastNight");
    Objects.requireNonNull(nightlyRate, "nightlyRate");
    if (lastNight.isBefore(firstNight)) {
      throw new IllegalArgumentException(
          "season " + name + " ends before it starts: " + firstNight + " .. " + lastNight);
    }
    if (minNights != null && minNights < 1) {
      throw new IllegalArgumentException("season minimum nights must be at least 1: " + minNights);
    }
  }

  public boolean covers(LocalDate night) {
    return !night.isBefore(firstNight) && !night.isAfter(lastNight);
  }

  public Optional<Integer> minimumNights() {
    return Optional.ofNullable(minNights);
  }
}
