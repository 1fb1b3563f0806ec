package ar.booking.core.conversation;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * First pass over a message: lower case, no accents, no emoji, numbers in words as digits, common
 * typos fixed, and every date written with dashes or ISO rewritten as {@code D/M[/Y]}.
 */
final class TextNormalizer {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern ORDINAL =
      Pattern.compile("\\b(\\d{1,2})(?:(?:ro|ero|er)\\b| ?[°º])");
  private static final Pattern THIRTY_ONE = Pattern.compile("\\btreinta ?y ?un[oa]?\\b");
  private static final Pattern ONE_BEFORE_NOUN =
      Pattern.compile(
          "\\b(?:un|una|uno)\\s+(?=(?:sola\\s+)?(?:noche|semana|persona|adult|nin|nen|bebe|beba"
              + "|pareja|chic|mes\\b|dia|quincena|huesped|mayor|menor|hij))");
  private static final Pattern FIRST_DAY =
      Pattern.compile("\\b(el|del|al|desde el|hasta el|dia) primero\\b");
  private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{1,2})-(\\d{1,2})\\b");
  private static final Pattern DASH_DAY_RANGE =
      Pattern.compile("\\b(\\d{1,2}) ?- ?(\\d{1,2}) (de |del )?(?=" + Months.NAME_REGEX + ")");
  private static final Pattern DASH_DATE =
      Pattern.compile("\\b(\\d{1,2})-(\\d{1,2})(?:-(\\d{4}|\\d{2}))?\\b(?!-)");

  /** "3.2", "14.01", "14.01.27": a date written with dots (never a price like "1.500"). */
  private static final Pattern DOT_DATE =
      Pattern.compile(
          "(?<![\\d$.,])(?<!\\$ )\\b(\\d{1,2})\\.(\\d{1,2})(?:\\.(\\d{4}|\\d{2}))?\\b(?!\\d| ?%|[.,]\\d)");

  private TextNormalizer() {}

  static String normalize(String raw) {
    String s = raw;
    if (!isAscii(s)) {
      s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
    }
    s = s.toLowerCase(Locale.ROOT);
    if (hasDigit(s)) {
      s = ORDINAL.matcher(s).replaceAll("$1");
    }
    s = Words.fix(clean(s));
    if (s.contains("treinta")) {
      s = THIRTY_ONE.matcher(s).replaceAll("31");
    }
    if (s.contains("un")) {
      s = ONE_BEFORE_NOUN.matcher(s).replaceAll("1 ");
    }
    if (s.contains("primero")) {
      s = FIRST_DAY.matcher(s).replaceAll("$1 1");
    }
    if (s.indexOf('.') >= 0 && hasDigit(s)) {
      s = rewriteDotDates(s);
    }
    if (s.indexOf('-') >= 0 && hasDigit(s)) {
      s = ISO.matcher(s).replaceAll("$3/$2/$1");
      s = DASH_DAY_RANGE.matcher(s).replaceAll("$1 al $2 $3");
      s = rewriteDashDates(s);
    }
    return clean(s);
  }

  /** "14.01" becomes "14/01" when it can be a day and a month; anything else stays. */
  private static String rewriteDotDates(String s) {
    Matcher m = DOT_DATE.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int day = Integer.parseInt(m.group(1));
      int month = Integer.parseInt(m.group(2));
      String replacement = m.group();
      if (day >= 1 && day <= 31 && month >= 1 && month <= 12) {
        replacement = day + "/" + month + (m.group(3) == null ? "" : "/" + m.group(3));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * Keeps letters, digits and the symbols dates and prices use; everything else (emoji, "!", "?")
   * becomes a space; runs of the same punctuation and of spaces collapse to one.
   */
  private static String clean(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean kept = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "$/.:,+%-".indexOf(c) >= 0;
      char last = out.isEmpty() ? ' ' : out.charAt(out.length() - 1);
      if (!kept) {
        if (last != ' ') {
          out.append(' ');
        }
      } else if (!(c == last && ".,:".indexOf(c) >= 0)) {
        out.append(c);
      }
    }
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == ' ') {
      end--;
    }
    out.setLength(end);
    return out.toString();
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 128) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static String rewriteDashDates(String s) {
    Matcher m = DASH_DATE.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String year = m.group(3) == null ? "" : "/" + m.group(3);
      m.appendReplacement(out, m.group(1) + "/" + m.group(2) + year);
    }
    m.appendTail(out);
    return out.toString();
  }
}
