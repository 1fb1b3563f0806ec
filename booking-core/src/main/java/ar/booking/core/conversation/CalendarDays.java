package ar.booking.core.conversation;

import ar.booking.core.conversation.DateMention.CalendarDay;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/**
 * Turns a written day into a date. With no year: the next occurrence that is not in the past (in
 * November, "8 de febrero" is next February). With no month: the month hint if any, else the next
 * month in which that day exists and is not in the past ("del 15 al 20" on the 17th is next month).
 */
final class CalendarDays {

  private CalendarDays() {}

  /** True when the day and month could exist in some year (29/2 does, 31/4 does not). */
  static boolean plausible(CalendarDay d) {
    if (d.day() < 1 || d.day() > 31 || d.month() < 0 || d.month() > 12) {
      return false;
    }
    return d.month() == 0 || d.day() <= YearMonth.of(2028, d.month()).lengthOfMonth();
  }

  /** The check-in date, or empty when the day cannot exist. */
  static Optional<LocalDate> checkIn(CalendarDay d, LocalDate today, int monthHint) {
    if (!plausible(d)) {
      return Optional.empty();
    }
    if (d.year() > 0) {
      return of(d.year(), d.month(), d.day());
    }
    if (d.month() > 0) {
      return nextOccurrence(d.day(), d.month(), today);
    }
    if (monthHint > 0) {
      return nextOccurrence(d.day(), monthHint, today);
    }
    YearMonth month = YearMonth.from(today);
    for (int k = 0; k <= 12; k++, month = month.plusMonths(1)) {
      if (d.day() <= month.lengthOfMonth() && !month.atDay(d.day()).isBefore(today)) {
        return Optional.of(month.atDay(d.day()));
      }
    }
    return Optional.empty();
  }

  /** The check-out date written as {@code d}, read forward from {@code checkIn}. */
  static Optional<LocalDate> checkOut(CalendarDay d, LocalDate checkIn) {
    if (!plausible(d)) {
      return Optional.empty();
    }
    if (d.year() > 0) {
      return of(d.year(), d.month(), d.day());
    }
    if (d.month() > 0) {
      int year = d.month() < checkIn.getMonthValue() ? checkIn.getYear() + 1 : checkIn.getYear();
      return of(year, d.month(), d.day());
    }
    YearMonth month = YearMonth.from(checkIn);
    if (d.day() < checkIn.getDayOfMonth()) {
      month = month.plusMonths(1);
    }
    return d.day() <= month.lengthOfMonth() ? Optional.of(month.atDay(d.day())) : Optional.empty();
  }

  /**
   * This year's day and month, or next year's when already past. A 29 February in a year that has
   * none is not a date (no jumping to the next leap year).
   */
  private static Optional<LocalDate> nextOccurrence(int day, int month, LocalDate today) {
    boolean past =
        month < today.getMonthValue()
            || (month == today.getMonthValue() && day < today.getDayOfMonth());
    return of(past ? today.getYear() + 1 : today.getYear(), month, day);
  }

  private static Optional<LocalDate> of(int year, int month, int day) {
    if (day > YearMonth.of(year, month).lengthOfMonth()) {
      return Optional.empty();
    }
    return Optional.of(LocalDate.of(year, month, day));
  }
}
