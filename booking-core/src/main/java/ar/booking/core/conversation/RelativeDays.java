package ar.booking.core.conversation;

import ar.booking.core.conversation.DateMention.Weekday;
import ar.booking.core.conversation.DateMention.Weekend;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * Weekdays and weekends counted from a day. "el jueves" is the first Thursday strictly after it
 * (never the day itself); "el próximo jueves" and "el jueves que viene" are the same day; "el otro
 * jueves" is one week later. A weekend is Friday check-in, Sunday check-out.
 */
final class RelativeDays {

  private RelativeDays() {}

  /** The first {@code w.day()} strictly after {@code from}, plus its extra weeks. */
  static LocalDate weekday(Weekday w, LocalDate from) {
    return from.with(TemporalAdjusters.next(w.day())).plusWeeks(w.weeksLater());
  }

  /**
   * The check-in of "este finde": today on a Friday or Saturday (the rest of this weekend),
   * otherwise the coming Friday. "el próximo finde" / "el finde que viene" said from Friday to
   * Sunday is next week's; from Monday to Thursday it is the coming one. "el otro finde": a week
   * later.
   */
  static LocalDate weekendCheckIn(Weekend w, LocalDate today) {
    boolean inWeekend =
        switch (today.getDayOfWeek()) {
          case FRIDAY, SATURDAY -> true;
          default -> false;
        };
    LocalDate start =
        inWeekend && !w.coming() ? today : today.with(TemporalAdjusters.next(DayOfWeek.FRIDAY));
    return start.plusWeeks(w.weeksLater());
  }

  /** The Sunday that ends a weekend starting on {@code checkIn}. */
  static LocalDate weekendCheckOut(LocalDate checkIn) {
    return checkIn.with(TemporalAdjusters.next(DayOfWeek.SUNDAY));
  }
}
