package ar.booking.core.conversation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The dates the resolver settled on, or the problems that stopped it. */
record Stay(
    Optional<LocalDate> checkIn,
    Optional<LocalDate> checkOut,
    OptionalInt nights,
    List<ParseProblem> problems) {

  static final Stay NONE =
      new Stay(Optional.empty(), Optional.empty(), OptionalInt.empty(), List.of());

  static Stay problem(ProblemCode code, String detail) {
    return new Stay(
        Optional.empty(),
        Optional.empty(),
        OptionalInt.empty(),
        List.of(new ParseProblem(code, detail)));
  }

  static Stay of(LocalDate checkIn, LocalDate checkOut, int nights) {
    return new Stay(
        Optional.of(checkIn), Optional.ofNullable(checkOut), OptionalInt.of(nights), List.of());
  }
}
