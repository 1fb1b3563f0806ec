package ar.booking.app.logging;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what must never reach a log: JWTs and bearer tokens, passwords and secrets in JSON or
 * {@code key=value} form, credentials in URLs, e-mail addresses and phone numbers. Applied to every
 * line by {@link MaskingLayout}, so a careless log call cannot leak them.
 */
public final class LogMasking {

  private record Rule(Pattern pattern, java.util.function.Function<Matcher, String> replace) {}

  private static final String SECRET_KEYS =
      "(?:\\w*password|passwd|pwd|secret|jwt_secret|client_secret|token|access_token|refresh_token"
          + "|api_key|apikey|redis_password|admin_password|ics_salt)";

  private static final List<Rule> RULES =
      List.of(
          // JSON Web Tokens, wherever they appear
          rule("eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*", m -> "[JWT]"),
          // Authorization: Bearer <anything>
          rule("(?i)(\\bbearer\\s+)[A-Za-z0-9._~+/=-]+", m -> m.group(1) + "***"),
          // "password": "…" in JSON (any of the secret keys)
          rule(
              "(?i)(\"(?:" + SECRET_KEYS + "|authorization)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"",
              m -> m.group(1) + "\"***\""),
          // password=… in query strings, env dumps and toString()s
          rule(
              "(?i)(\\b" + SECRET_KEYS + "\\s*[=:]\\s*)(?![\\s\"*])[^\\s&,;\"')}\\]]+",
              m -> m.group(1) + "***"),
          // user:password@host in URLs
          rule("(?i)(\\b[a-z][a-z0-9+.-]*://[^:/@\\s]+:)[^@\\s/]+@", m -> m.group(1) + "***@"),
          // e-mail addresses: first letter and the domain's last label stay
          rule(
              "\\b([A-Za-z0-9])[A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.([A-Za-z]{2,})\\b",
              m -> m.group(1) + "***@***." + m.group(2)),
          // phone numbers: + and 8 or more digits, or 10 or more digits with separators
          rule(
              "(?<![\\w.:/+-])(?:\\+\\d(?:[\\s-]?\\d){7,14}|\\d(?:[\\s-]?\\d){9,14})(?![\\w:]|\\.\\d)",
              m -> "***" + lastDigits(m.group(), 2)));

  private LogMasking() {}

  private static Rule rule(String regex, java.util.function.Function<Matcher, String> replace) {
    return new Rule(Pattern.compile(regex), replace);
  }

  private static String lastDigits(String value, int n) {
    String digits = value.replaceAll("\\D", "");
    return digits.substring(Math.max(0, digits.length() - n));
  }

  public static String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (Rule rule : RULES) {
      Matcher m = rule.pattern().matcher(out);
      if (!m.find()) {
        continue;
      }
      StringBuilder sb = new StringBuilder();
      do {
        m.appendReplacement(sb, Matcher.quoteReplacement(rule.replace().apply(m)));
      } while (m.find());
      m.appendTail(sb);
      out = sb.toString();
    }
    return out;
  }
}
