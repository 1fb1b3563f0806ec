package ar.booking.core.conversation;

import ar.booking.core.conversation.DateMention.CalendarDay;
import ar.booking.core.conversation.DateMention.RelativeDay;
import ar.booking.core.conversation.DateMention.Weekday;
import ar.booking.core.conversation.DateMention.Weekend;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Finds the days a message points at. Day first, always: "3/6" is 3 June. A bare day number counts
 * only next to a date word ("del 15", "el 8", "martes 8", "15 al 20"), so other numbers are not
 * read as days.
 */
final class DateRules {

  private static final Pattern NUMERIC =
      Pattern.compile("\\b(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}|\\d{2}))?\\b(?!/)");
  private static final Pattern NAMED =
      Pattern.compile(
          "\\b(\\d{1,2}) ?(?:de |del |d )?("
              + Months.NAME_REGEX
              + ")\\.?(?: ?(?:de |del )?(\\d{4}))?");
  private static final Pattern BARE_DAY =
      Pattern.compile(
          "(?<=\\b(?:del|al|el|dia|desde|hasta|entre|ingreso|egreso|entrada|salida|llegada"
              + "|llegamos|llego|llegaria|llegariamos|vamos|salimos|in|out|partir del|lunes"
              + "|martes|miercoles|jueves|viernes|sabado|domingo|y el|a|de|para el|sab|dom|vie"
              + "|jue|mie|lun|finde del|semana del) {1,4})(\\d{1,2})\\b(?! ?[/])"
              + "|\\b(\\d{1,2})(?= (?:al|hasta) )");
  private static final Pattern WEEKDAY =
      Pattern.compile(
          "\\b(?:(proximo|prox|este|esta|el otro|otro) )?(lunes|martes|miercoles|jueves|viernes"
              + "|sabado|domingo)s?\\b(?: (que viene|proximo))?");
  private static final Pattern RELATIVE =
      Pattern.compile("\\bpasado manana\\b|\\bmanana\\b|\\bhoy\\b|\\besta noche\\b|\\bayer\\b");

  /** Periods whose days the parser cannot know: holiday weekends, "la semana que viene". */
  private static final Pattern VAGUE =
      Pattern.compile(
          "\\b(?:(?:este|esta|el|1|proximo|prox|otro) )?(?:finde|fin de semana|fds) largo\\b"
              + "|\\b(?<!fin de )(?<!finde de )(?<!finde de la )(?<!fin de semana de )"
              + "(?<!fin de semana de la )(?:la )?(?:semana que viene|proxima semana"
              + "|semana proxima)\\b"
              + "|\\bsemana santa\\b|\\bcarnaval\\b|\\bvacaciones de invierno\\b|\\bpascuas?\\b");

  private static final Pattern WEEKEND =
      Pattern.compile(
          "\\b(?:(este|esta|el|proximo|prox|otro|el otro) )?(?:finde|fin de semana|fds|fin de sem)"
              + "\\b(?: largo\\b)?(?: (que viene|proximo|de la semana que viene|de la proxima"
              + " semana|de la semana proxima))?");
  private static final Pattern NEXT_MONTH =
      Pattern.compile("\\b(?:mes que viene|proximo mes|mes proximo|siguiente mes)\\b");
  private static final Pattern THIS_MONTH = Pattern.compile("\\beste mes\\b");
  private static final Pattern MONTH_ONLY =
      Pattern.compile(
          "\\b(?:en|para|de|durante|tod[o]|fines de|principios de|mediados de|por) ("
              + Months.FULL_NAME_REGEX
              + ")");

  /** "las noches del 3, 4 y 5 (de enero)": three or more days in a row are nights, 3 to 6. */
  private static final Pattern NIGHT_LIST =
      Pattern.compile(
          "\\b(\\d{1,2}(?:,? \\d{1,2})+,? y \\d{1,2})\\b(?! ?/)(?: (?:de |del )?("
              + Months.NAME_REGEX
              + "))?");

  /** "las noches del 5 y 6 (de enero)": two nights in a row, 5 to 7. */
  private static final Pattern TWO_NIGHTS =
      Pattern.compile(
          "\\bnoches (?:del |de los dias |de los |los dias |los |de )?(\\d{1,2}) y (?:el |del )?"
              + "(\\d{1,2})\\b(?! ?/)(?: (?:de |del )?("
              + Months.NAME_REGEX
              + "))?");

  /** "hoy y mañana", "mañana y pasado": the nights of two days in a row. */
  private static final Pattern RELATIVE_PAIR =
      Pattern.compile(
          "\\b(hoy|esta noche|manana|pasado manana) y (?:la de |el de )?(manana|pasado manana"
              + "|pasado)\\b");

  private DateRules() {}

  private static int twoNights(MatchResult m, List<DateMention> found, int[] listed) {
    int first = Integer.parseInt(m.group(1));
    if (Integer.parseInt(m.group(2)) != first + 1) {
      return m.start(); // not in a row: leave the days to the other rules
    }
    int month = m.group(3) == null ? 0 : Months.number(m.group(3));
    found.add(new CalendarDay(m.start(), m.end(), m.group(), first, month, 0));
    listed[0] = 2;
    return m.end();
  }

  private static int relativePair(
      MatchResult m, LocalDate today, List<DateMention> found, int[] listed) {
    LocalDate first = relativeDate(m.group(1), today);
    LocalDate second = relativeDate(m.group(2), today);
    if (!second.equals(first.plusDays(1))) {
      return m.start();
    }
    found.add(new RelativeDay(m.start(), m.end(), m.group(), first));
    listed[0] = 2;
    return m.end();
  }

  /**
   * Records a run of consecutive days as check-in plus nights; days not in a row ("el 3, 5 y 8")
   * are recorded one by one, which makes the dates unclear.
   */
  private static int nightList(MatchResult m, List<DateMention> found, int[] listed) {
    String[] days = m.group(1).replace(",", " ").replace(" y ", " ").trim().split(" +");
    int first = Integer.parseInt(days[0]);
    int month = m.group(2) == null ? 0 : Months.number(m.group(2));
    boolean inARow = true;
    for (int i = 1; i < days.length; i++) {
      inARow &= Integer.parseInt(days[i]) == first + i;
    }
    if (inARow) {
      found.add(new CalendarDay(m.start(), m.end(), m.group(), first, month, 0));
      listed[0] = days.length;
      return m.end();
    }
    for (int i = 0; i < days.length; i++) {
      int day = Integer.parseInt(days[i]);
      found.add(new CalendarDay(m.start() + i, m.start() + i + 1, m.group(), day, month, 0));
    }
    return m.end();
  }

  static DateMentions find(MaskedText text, LocalDate today) {
    List<DateMention> found = new ArrayList<>();
    int[] listed = {0};
    text.consumeUpTo(NIGHT_LIST, m -> nightList(m, found, listed));
    text.consumeUpTo(TWO_NIGHTS, m -> twoNights(m, found, listed));
    text.consumeUpTo(RELATIVE_PAIR, m -> relativePair(m, today, found, listed));
    text.consume(NUMERIC, m -> found.add(calendarDay(m, m.group(1), m.group(2), m.group(3))));
    text.consume(
        NAMED,
        m -> found.add(calendarDay(m, m.group(1), "" + Months.number(m.group(2)), m.group(3))));
    text.consume(BARE_DAY, m -> addBareDay(found, m));
    text.consume(WEEKDAY, m -> found.add(weekday(m)));
    text.consume(RELATIVE, m -> found.add(relative(m, today)));
    String[] vague = {""};
    text.consume(VAGUE, m -> vague[0] = m.group());
    text.consume(
        WEEKEND,
        m -> found.add(new Weekend(m.start(), m.end(), m.group(), weeks(m, today), coming(m))));
    int[] hint = {0};
    String[] hintSource = {""};
    text.consume(
        NEXT_MONTH,
        m -> {
          hint[0] = today.plusMonths(1).getMonthValue();
          hintSource[0] = m.group();
        });
    text.consume(
        THIS_MONTH,
        m -> {
          hint[0] = today.getMonthValue();
          hintSource[0] = m.group();
        });
    text.consume(
        MONTH_ONLY,
        m -> {
          hint[0] = Months.number(m.group(1));
          hintSource[0] = m.group();
        });
    found.sort(Comparator.comparingInt(DateMention::start));
    return new DateMentions(found, hint[0], hintSource[0], vague[0], listed[0]);
  }

  private static CalendarDay calendarDay(MatchResult m, String day, String month, String year) {
    int y = year == null ? 0 : Integer.parseInt(year);
    if (y > 0 && y < 100) {
      y += 2000;
    }
    return new CalendarDay(
        m.start(), m.end(), m.group(), Integer.parseInt(day), Integer.parseInt(month), y);
  }

  private static void addBareDay(List<DateMention> found, MatchResult m) {
    String digits = m.group(1) != null ? m.group(1) : m.group(2);
    int day = Integer.parseInt(digits);
    if (day >= 1 && day <= 31) {
      found.add(new CalendarDay(m.start(), m.end(), digits, day, 0, 0));
    }
  }

  private static Weekday weekday(MatchResult m) {
    int weeksLater = m.group(1) != null && m.group(1).contains("otro") ? 1 : 0;
    return new Weekday(m.start(), m.end(), m.group(), dayOfWeek(m.group(2)), weeksLater);
  }

  private static int weeks(MatchResult m, LocalDate today) {
    int weeks = m.group(1) != null && m.group(1).contains("otro") ? 1 : 0;
    boolean ofNextWeek = m.group(2) != null && m.group(2).contains("semana");
    if (ofNextWeek) {
      // next week's weekend: from Monday to Thursday the coming Friday is still this week's
      weeks +=
          switch (today.getDayOfWeek()) {
            case FRIDAY, SATURDAY, SUNDAY -> 0;
            default -> 1;
          };
    }
    return weeks;
  }

  private static boolean coming(MatchResult m) {
    return m.group(2) != null || (m.group(1) != null && m.group(1).startsWith("prox"));
  }

  private static RelativeDay relative(MatchResult m, LocalDate today) {
    return new RelativeDay(m.start(), m.end(), m.group(), relativeDate(m.group(), today));
  }

  private static LocalDate relativeDate(String words, LocalDate today) {
    return switch (words) {
      case "pasado manana", "pasado" -> today.plusDays(2);
      case "manana" -> today.plusDays(1);
      case "ayer" -> today.minusDays(1);
      default -> today;
    };
  }

  private static DayOfWeek dayOfWeek(String name) {
    return switch (name) {
      case "lunes" -> DayOfWeek.MONDAY;
      case "martes" -> DayOfWeek.TUESDAY;
      case "miercoles" -> DayOfWeek.WEDNESDAY;
      case "jueves" -> DayOfWeek.THURSDAY;
      case "viernes" -> DayOfWeek.FRIDAY;
      case "sabado" -> DayOfWeek.SATURDAY;
      default -> DayOfWeek.SUNDAY;
    };
  }
}
