package ar.booking.core.conversation;

import java.util.regex.Pattern;

/**
 * Blanks out numbers that are neither dates nor guests: prices, phone numbers, times of day,
 * percentages and measures (years of age, kilometres, bedrooms).
 */
final class NoiseFilter {

  private static final Pattern PRICE =
      Pattern.compile(
          "(?:\\$|u\\$s|usd|ars) ?\\d[\\d.,]*(?: ?(?:mil|k|lucas))?"
              + "|\\b\\d[\\d.,]* ?(?:mil|k|lucas|pesos|usd|dolares|dls|ars)\\b"
              + "|\\b\\d{1,3}(?:[.,]\\d{3})+\\b");
  private static final Pattern PHONE = Pattern.compile("\\+?\\d(?:[ -]?\\d){7,}");
  private static final Pattern TIME =
      Pattern.compile(
          "\\b\\d{1,2}(?::\\d{2})? ?(?:hs|hrs|hr|h|horas|am|pm)\\b"
              + "|\\b\\d{1,2}:\\d{2}\\b"
              + "|\\b(?:a las|tipo|a eso de las|desde las|hasta las|despues de las|antes de las"
              + "|tipo las|como a las|cerca de las) \\d{1,2}\\b"
              + "|\\b(?:a|por|de|en|durante) la (?:manana|tarde|noche|nochecita|siesta)\\b");
  private static final Pattern PERCENT = Pattern.compile("\\d+ ?%");
  private static final Pattern MEASURE =
      Pattern.compile(
          "\\b(?:de )?(?:\\d{1,2}(?:,? | y ))*\\d+ ?(?:anos|anitos|meses|km|kms|kilometros|metros|mts|mt|m2|cuadras|minutos|min"
              + "|pisos?|grados|estrellas|dormitorios?|habitaciones|camas?|banos?|ambientes?"
              + "|autos?|perros?|perritos?|mascotas?|gatos?|toallas|llaves|cuotas)\\b");

  /** "te transfiero hoy", "mañana te aviso": the day of an action, not of a stay. */
  private static final Pattern ACTION_DAY =
      Pattern.compile(
          "\\b(?:transfiero|transferi|pago|pague|mando|mande|envio|deposito|paso|abono|seno|aviso"
              + "|confirmo|llamo|escribo|hablo|respondo|contesto)\\b(?: [a-z]+){0,3} (?:hoy|manana)\\b"
              + "|\\b(?:hoy|manana) te (?:transfiero|pago|mando|aviso|confirmo|llamo|escribo)\\b");

  private NoiseFilter() {}

  static void apply(MaskedText text) {
    text.remove(ACTION_DAY);
    text.remove(PRICE);
    text.remove(PERCENT);
    text.remove(TIME);
    text.remove(MEASURE);
    text.remove(PHONE);
  }
}
