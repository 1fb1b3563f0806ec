package ar.booking.core.notification;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts of {@code notifications_es_AR.properties}, with {@code {name}} placeholders filled from
 * a map of facts (a missing fact shows as "-"). Thread-safe.
 */
public final class NotificationTexts {

  public static final Locale ES_AR = Locale.forLanguageTag("es-AR");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

  private final ResourceBundle bundle;

  private NotificationTexts(ResourceBundle bundle) {
    this.bundle = bundle;
  }

  /** The Spanish (Argentina) texts. */
  public static NotificationTexts spanish() {
    return new NotificationTexts(
        ResourceBundle.getBundle(
            "ar.booking.core.notification.notifications",
            ES_AR,
            NotificationTexts.class.getClassLoader(),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
  }

  public boolean has(String key) {
    return bundle.containsKey(key);
  }

  /** The text under {@code key} with the facts filled in. */
  public String render(String key, Map<String, String> facts) {
    String template;
    try {
      template = bundle.getString(key);
    } catch (MissingResourceException e) {
      throw new IllegalArgumentException("no notification text " + key, e);
    }
    return fill(template, facts);
  }

  /** As {@link #render}, with every fact HTML-escaped (for e-mail bodies). */
  public String renderHtml(String key, Map<String, String> facts) {
    Map<String, String> escaped = new java.util.HashMap<>();
    facts.forEach((k, v) -> escaped.put(k, escape(v)));
    return render(key, escaped);
  }

  static String fill(String template, Map<String, String> facts) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = facts.get(m.group(1));
      m.appendReplacement(
          out, Matcher.quoteReplacement(value == null || value.isBlank() ? "-" : value));
    }
    m.appendTail(out);
    return out.toString();
  }

  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
