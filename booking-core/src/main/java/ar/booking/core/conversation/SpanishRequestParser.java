package ar.booking.core.conversation;

import ar.booking.core.stay.StayRules;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads a guest's WhatsApp message in Spanish (es-AR first) into a {@link BookingRequest}.
 * Deterministic, no I/O, thread-safe; well under a millisecond per message. The rules, in short
 * (all of them in {@code docs/parser.md}):
 *
 * <ul>
 *   <li>Day first, always: "3/6" and "3-6" are 3 June; "3-6 de marzo" and "del 3 al 6" are a range
 *       of days; ISO dates are read as written.
 *   <li>No year: the next occurrence that is not in the past; no month: the next month in which the
 *       day is not past; a range borrows month and year from its other end ("del 30 al 3 de enero"
 *       starts on 30 December); "las noches del 3, 4 y 5" is 3 to 6.
 *   <li>"el jueves", "el próximo jueves", "el jueves que viene": the coming Thursday, never today;
 *       "el otro jueves" a week later. "este finde": Friday check-in, Sunday check-out (on a Friday
 *       or Saturday, from today); vague periods ("finde largo", "la semana que viene") are unclear,
 *       never guessed.
 *   <li>Babies count as guests and children. A stated total wins over a breakdown.
 *   <li>Impossible or contradictory dates give a {@link ProblemCode} and no dates.
 * </ul>
 */
public final class SpanishRequestParser {

  private final DateResolver resolver;

  /** A parser with the default maximum stay of {@link StayRules#DEFAULT_MAX_NIGHTS} nights. */
  public SpanishRequestParser() {
    this(StayRules.DEFAULT);
  }

  /** A parser that reports stays longer than {@code rules.maxNights()} as too long. */
  public SpanishRequestParser(StayRules rules) {
    this.resolver = new DateResolver(Objects.requireNonNull(rules, "rules").maxNights());
  }

  /** Reads {@code text}, judging relative and year-less dates against {@code today}. */
  public BookingRequest parse(String text, LocalDate today) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(today, "today");
    String normalized = TextNormalizer.normalize(text);
    MaskedText masked = new MaskedText(normalized);
    NoiseFilter.apply(masked);
    Optional<String> unitHint = UnitHintRules.find(masked);
    Guests guests = GuestRules.find(masked);
    OptionalInt nights = DurationRules.find(masked);
    DateMentions mentions = DateRules.find(masked, today);
    Stay stay = resolver.resolve(mentions, nights, today);
    List<ParseProblem> problems = new ArrayList<>(stay.problems());
    if (guests.mismatch()) {
      problems.add(new ParseProblem(ProblemCode.GUESTS_MISMATCH, normalized));
    }
    boolean mentionsStay =
        !mentions.mentions().isEmpty()
            || mentions.monthHint() > 0
            || !mentions.vague().isEmpty()
            || nights.isPresent()
            || guests.total().isPresent();
    return new BookingRequest(
        IntentRules.find(normalized, mentionsStay),
        stay.checkIn(),
        stay.checkOut(),
        stay.nights(),
        guests.total(),
        guests.adults(),
        guests.children(),
        unitHint,
        problems);
  }
}
