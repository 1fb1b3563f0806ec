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
  private static final Pattern NOT_KEPT = Pattern.compile("[^a-z0-9$/.:,+%\\- ]");
  private static final Pattern PUNCT_RUN = Pattern.compile("([!?.,;:])\\1+");
  private static final Pattern SPACES = Pattern.compile("\\s+");
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

  private TextNormalizer() {}

  static String normalize(String raw) {
    String s = Normalizer.normalize(raw, Normalizer.Form.NFD);
    s = MARKS.matcher(s).replaceAll("").toLowerCase(Locale.ROOT);
    s = ORDINAL.matcher(s).replaceAll("$1");
    s = NOT_KEPT.matcher(s).replaceAll(" ");
    s = PUNCT_RUN.matcher(s).replaceAll("$1");
    s = SPACES.matcher(s).replaceAll(" ").trim();
    s = Words.fix(s);
    s = THIRTY_ONE.matcher(s).replaceAll("31");
    s = ONE_BEFORE_NOUN.matcher(s).replaceAll("1 ");
    s = FIRST_DAY.matcher(s).replaceAll("$1 1");
    s = ISO.matcher(s).replaceAll("$3/$2/$1");
    s = DASH_DAY_RANGE.matcher(s).replaceAll("$1 al $2 $3");
    s = rewriteDashDates(s);
    return SPACES.matcher(s).replaceAll(" ").trim();
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
