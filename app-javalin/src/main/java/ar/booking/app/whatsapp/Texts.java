package ar.booking.app.whatsapp;

import java.util.Locale;
import java.util.ResourceBundle;

/** The channel's own guest-facing texts, from the es-AR resource bundle. */
final class Texts {

  private static final ResourceBundle BUNDLE =
      ResourceBundle.getBundle(
          "ar.booking.app.whatsapp.texts",
          Locale.forLanguageTag("es-AR"),
          ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

  private Texts() {}

  static String get(String key) {
    return BUNDLE.getString(key);
  }
}
