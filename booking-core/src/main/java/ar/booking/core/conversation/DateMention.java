package ar.booking.core.conversation;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** One way a message can point at a day, found at {@code start} in the normalized text. */
sealed interface DateMention {

  int start();

  int end();

  String source();

  /** A day number with, when written, its month and year (0 when not written). */
  record CalendarDay(int start, int end, String source, int day, int month, int year)
      implements DateMention {}

  /** "hoy", "mañana", "pasado mañana", "ayer": already a date. */
  record RelativeDay(int start, int end, String source, LocalDate date) implements DateMention {}

  /** "el jueves", "el próximo jueves" (the coming one), "el otro jueves" (one week later). */
  record Weekday(int start, int end, String source, DayOfWeek day, int weeksLater)
      implements DateMention {}

  /** "este finde", "el fin de semana": Friday to Sunday; {@code coming} for "que viene". */
  record Weekend(int start, int end, String source, int weeksLater, boolean coming)
      implements DateMention {}
}
