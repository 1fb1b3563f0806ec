package ar.booking.core.conversation;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a guest's message asks for: an intent plus whatever dates, guests and unit it mentions.
 * Dates are present only when they make a valid stay; otherwise {@link #problems()} says why.
 */
public record BookingRequest(
    Intent intent,
    Optional<LocalDate> checkIn,
    Optional<LocalDate> checkOut,
    OptionalInt nights,
    OptionalInt guests,
    OptionalInt adults,
    OptionalInt children,
    Optional<String> unitHint,
    List<ParseProblem> problems) {

  public BookingRequest {
    Objects.requireNonNull(intent, "intent");
    Objects.requireNonNull(checkIn, "checkIn");
    Objects.requireNonNull(checkOut, "checkOut");
    Objects.requireNonNull(nights, "nights");
    Objects.requireNonNull(guests, "guests");
    Objects.requireNonNull(adults, "adults");
    Objects.requireNonNull(children, "children");
    Objects.requireNonNull(unitHint, "unitHint");
    problems = List.copyOf(problems);
    if (checkOut.isPresent() && checkIn.isEmpty()) {
      throw new IllegalArgumentException("check-out without check-in");
    }
    if (checkIn.isPresent() && checkOut.isPresent() && !checkOut.get().isAfter(checkIn.get())) {
      throw new IllegalArgumentException("check-out must be after check-in");
    }
  }

  /** True when the parser reported the given problem. */
  public boolean has(ProblemCode code) {
    return problems.stream().anyMatch(p -> p.code() == code);
  }
}
