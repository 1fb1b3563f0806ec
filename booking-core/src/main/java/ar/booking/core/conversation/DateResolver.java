package ar.booking.core.conversation;

import ar.booking.core.conversation.DateMention.CalendarDay;
import ar.booking.core.conversation.DateMention.RelativeDay;
import ar.booking.core.conversation.DateMention.Weekday;
import ar.booking.core.conversation.DateMention.Weekend;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Makes a stay out of the mentioned days and nights: the first day is check-in, the second
 * check-out; a lone day plus "N noches" gives check-out; anything impossible or contradictory
 * becomes a problem and no dates, rather than a guess.
 */
final class DateResolver {

  private static final int MAX_YEAR_WRAP_NIGHTS = 183;

  /**
   * "del 30 al 3" crosses into the next month; "del 12 al 10 de febrero" (29 nights) is more likely
   * written backwards, so a crossing implied only by day numbers may be at most three weeks.
   */
  private static final int MAX_MONTH_CROSSING_NIGHTS = 21;

  private final int maxNights;

  DateResolver(int maxNights) {
    this.maxNights = maxNights;
  }

  Stay resolve(DateMentions found, OptionalInt statedNights, LocalDate today) {
    OptionalInt nights =
        statedNights.isEmpty() && found.listedNights() > 0
            ? OptionalInt.of(found.listedNights())
            : statedNights;
    List<DateMention> mentions = relevant(found.mentions());
    if (mentions.isEmpty()) {
      if (found.monthHint() > 0) {
        return Stay.problem(ProblemCode.DATES_UNCLEAR, found.monthHintSource());
      }
      if (!found.vague().isEmpty()) {
        return Stay.problem(ProblemCode.DATES_UNCLEAR, found.vague());
      }
      return nightsOnly(nights);
    }
    if (mentions.size() > 2) {
      return Stay.problem(ProblemCode.DATES_UNCLEAR, sources(mentions));
    }
    if (mentions.getFirst() instanceof Weekend weekend) {
      LocalDate friday = RelativeDays.weekendCheckIn(weekend, today);
      LocalDate sunday = RelativeDays.weekendCheckOut(friday);
      return validate(friday, sunday, nights, today, weekend.source());
    }
    DateMention first = mentions.getFirst();
    DateMention second = mentions.size() > 1 ? mentions.get(1) : null;
    boolean backwardsOrNextMonth = false;
    if (first instanceof CalendarDay in && second instanceof CalendarDay out) {
      backwardsOrNextMonth = in.month() == 0 && in.day() > out.day();
      first = borrowMonthAndYear(in, out);
    }
    Optional<LocalDate> checkIn = checkIn(first, today, found.monthHint());
    if (checkIn.isEmpty()) {
      return Stay.problem(ProblemCode.INVALID_DATE, first.source());
    }
    if (second == null) {
      return validate(checkIn.get(), null, nights, today, first.source());
    }
    Optional<LocalDate> checkOut = checkOut(second, checkIn.get());
    if (checkOut.isEmpty()) {
      return Stay.problem(ProblemCode.INVALID_DATE, second.source());
    }
    if (backwardsOrNextMonth
        && ChronoUnit.DAYS.between(checkIn.get(), checkOut.get()) > MAX_MONTH_CROSSING_NIGHTS) {
      return Stay.problem(ProblemCode.CHECK_OUT_BEFORE_CHECK_IN, sources(mentions));
    }
    return validate(checkIn.get(), checkOut.get(), nights, today, sources(mentions));
  }

  private Stay validate(
      LocalDate in, LocalDate out, OptionalInt nights, LocalDate today, String source) {
    if (out == null && nights.isPresent()) {
      if (nights.getAsInt() == 0) {
        return Stay.problem(ProblemCode.ZERO_NIGHTS, "0 noches");
      }
      out = in.plusDays(nights.getAsInt());
    }
    if (out != null && out.isEqual(in)) {
      return Stay.problem(ProblemCode.ZERO_NIGHTS, source);
    }
    if (out != null && out.isBefore(in)) {
      return Stay.problem(ProblemCode.CHECK_OUT_BEFORE_CHECK_IN, source);
    }
    if (in.isBefore(today)) {
      return Stay.problem(ProblemCode.DATE_IN_PAST, source);
    }
    if (out == null) {
      return new Stay(Optional.of(in), Optional.empty(), OptionalInt.empty(), List.of());
    }
    int stayNights = Math.toIntExact(ChronoUnit.DAYS.between(in, out));
    if (nights.isPresent() && nights.getAsInt() != stayNights) {
      return Stay.problem(
          ProblemCode.NIGHTS_MISMATCH, nights.getAsInt() + " noches vs " + stayNights);
    }
    if (stayNights > maxNights) {
      return Stay.problem(ProblemCode.STAY_TOO_LONG, stayNights + " noches");
    }
    return Stay.of(in, out, stayNights);
  }

  private Stay nightsOnly(OptionalInt nights) {
    if (nights.isEmpty()) {
      return Stay.NONE;
    }
    int n = nights.getAsInt();
    if (n == 0) {
      return Stay.problem(ProblemCode.ZERO_NIGHTS, "0 noches");
    }
    if (n > maxNights) {
      return Stay.problem(ProblemCode.STAY_TOO_LONG, n + " noches");
    }
    return new Stay(Optional.empty(), Optional.empty(), nights, List.of());
  }

  /** Drops a weekday written right before its day number, and weekends when days are named. */
  private static List<DateMention> relevant(List<DateMention> all) {
    boolean hasDays = all.stream().anyMatch(m -> !(m instanceof Weekend));
    List<DateMention> kept = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      DateMention m = all.get(i);
      DateMention next = i + 1 < all.size() ? all.get(i + 1) : null;
      boolean namesItsDay =
          m instanceof Weekday && next instanceof CalendarDay && next.start() - m.end() <= 4;
      if (!namesItsDay && !(hasDays && m instanceof Weekend)) {
        kept.add(m);
      }
    }
    return kept;
  }

  /** "del 30 al 3 de enero": check-in takes the month (and year) of check-out, one back. */
  private static CalendarDay borrowMonthAndYear(CalendarDay in, CalendarDay out) {
    int month = in.month();
    int year = in.year();
    if (month == 0 && out.month() > 0) {
      month = in.day() > out.day() ? (out.month() == 1 ? 12 : out.month() - 1) : out.month();
    }
    if (year == 0 && month > 0 && out.year() > 0) {
      year = month > out.month() ? out.year() - 1 : out.year();
    }
    return new CalendarDay(in.start(), in.end(), in.source(), in.day(), month, year);
  }

  private static Optional<LocalDate> checkIn(DateMention m, LocalDate today, int monthHint) {
    return switch (m) {
      case CalendarDay d -> CalendarDays.checkIn(d, today, monthHint);
      case RelativeDay r -> Optional.of(r.date());
      case Weekday w -> Optional.of(RelativeDays.weekday(w, today));
      case Weekend w -> Optional.of(RelativeDays.weekendCheckIn(w, today));
    };
  }

  private static Optional<LocalDate> checkOut(DateMention m, LocalDate checkIn) {
    return switch (m) {
      case CalendarDay d -> wrapOnlyWhenShort(d, checkIn);
      case RelativeDay r -> Optional.of(r.date());
      case Weekday w -> Optional.of(checkIn.with(TemporalAdjusters.next(w.day())));
      case Weekend w -> Optional.of(RelativeDays.weekendCheckOut(checkIn));
    };
  }

  /**
   * A check-out month before the check-in month means next year ("del 28/12 al 3/1") only when that
   * makes a stay of at most half a year; otherwise the guest wrote the dates backwards.
   */
  private static Optional<LocalDate> wrapOnlyWhenShort(CalendarDay d, LocalDate checkIn) {
    Optional<LocalDate> out = CalendarDays.checkOut(d, checkIn);
    if (out.isPresent()
        && d.year() == 0
        && out.get().getYear() > checkIn.getYear()
        && ChronoUnit.DAYS.between(checkIn, out.get()) > MAX_YEAR_WRAP_NIGHTS) {
      return Optional.of(out.get().minusYears(1));
    }
    return out;
  }

  private static String sources(List<DateMention> mentions) {
    return String.join(" / ", mentions.stream().map(DateMention::source).toList());
  }
}
