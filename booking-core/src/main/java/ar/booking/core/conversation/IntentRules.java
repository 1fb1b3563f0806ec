package ar.booking.core.conversation;

import java.util.regex.Pattern;

/**
 * Picks the intent by keywords, in a fixed priority: cancel, human, my bookings, book, price,
 * availability (also when the message only gives dates or guests), thanks, greeting, other.
 */
final class IntentRules {

  private static final Pattern CANCEL =
      Pattern.compile(
          "\\b(?:cancel\\w*|anul\\w*|dar de baja|darla de baja|dar la baja|no vamos a poder ir"
              + "|no podemos ir|no voy a poder ir|suspender|dejar sin efecto)\\b");
  private static final Pattern HUMAN =
      Pattern.compile(
          "\\b(?:hablar|comunicarme|comunicarnos|contactar|contactarme|charlar) con (?:alguien"
              + "|una persona|1 persona|un humano|el dueno|la duena|el encargado|la encargada|un operador"
              + "|el propietario|la propietaria|un asesor|una asesora|vos|usted|ustedes|el due)"
              + "|\\b(?:humano|persona real|operador|operadora|atencion al cliente|me llaman"
              + "|me pueden llamar|me podes llamar|llamame|llamenme|me llamas|sos un bot|sos un"
              + " robot|es un bot|contestador|asesor)\\b");
  private static final Pattern MY_BOOKINGS =
      Pattern.compile(
          "\\b(?:mi reserva|mis reservas|nuestra reserva|la reserva que hice|tengo 1 reserva"
              + "|tengo una reserva|tengo reservado|tenemos reservado|tenemos una reserva"
              + "|codigo de reserva|ya reserve|ya reservamos|hice una reserva|hicimos una reserva"
              + "|estado de la reserva|quedo (?:la|mi) reserva|a nombre de quien|quedo confirmad\\w*|esta confirmad\\w*|mi sena|la sena que"
              + " mande|te mande la sena|ya pague|ya sene|ya senamos)\\b");
  private static final Pattern BOOK =
      Pattern.compile(
          "\\b(?:reservar\\w*|reservo|reservame\\w*|reservanos|reserva(?:lo|la)|reservemos|lo tomo"
              + "|la tomo|lo quiero|la quiero|los quiero|confirmo|quiero confirmar|confirmamos"
              + "|senar|seno|senamos|dejar (?:una|la) sena|hacer (?:la|una) reserva|apartar"
              + "|bloquear|bloquea(?:me|nos)|agendame|anotame|anotanos|cerramos|vamos con esa"
              + "|me lo guardas|me la guardas|guardamela|guardamelo|como pago|como te pago"
              + "|te transfiero|datos para transferir|cbu|alias para)\\b");
  private static final Pattern PRICE =
      Pattern.compile(
          "\\b(?:precios?|cuanto|cuesta|costaria|saldria|tarifas?|valor|valores|costo|costos"
              + "|presupuesto|cotizacion|cotizar|cotizame|cobran|cobras|cobrarian|abonar)\\b");
  private static final Pattern AVAILABILITY =
      Pattern.compile(
          "\\b(?:disponib\\w*|lugar|libre|libres|vacante|vacantes|consulta\\w*|queria saber"
              + "|quisiera saber|tenes algo|tienen algo|hay algo|tendras|tendrian|tenes|tienen"
              + "|tendrias|hay|habria|se puede|ocupad\\w*|alojamiento|alojarnos|hospedarnos"
              + "|quedarnos|estadia)\\b");
  private static final Pattern THANKS =
      Pattern.compile("\\b(?:gracias|graciass+|grax|agradezco|thanks|thank you|mil grs)\\b");
  private static final Pattern GREETING =
      Pattern.compile(
          "\\b(?:hola+|holis|buenas|buen dia|buenos dias|buenas tardes|buenas noches|que tal"
              + "|hey|saludos|como estas|como va)\\b");

  private IntentRules() {}

  static Intent find(String normalized, boolean mentionsStay) {
    if (WordStarts.contains(CANCEL.matcher(normalized), normalized)) {
      return Intent.CANCEL;
    }
    if (WordStarts.contains(HUMAN.matcher(normalized), normalized)) {
      return Intent.HUMAN;
    }
    if (WordStarts.contains(MY_BOOKINGS.matcher(normalized), normalized)) {
      return Intent.MY_BOOKINGS;
    }
    if (WordStarts.contains(BOOK.matcher(normalized), normalized)) {
      return Intent.BOOK;
    }
    if (WordStarts.contains(PRICE.matcher(normalized), normalized)) {
      return Intent.PRICE;
    }
    if (mentionsStay || WordStarts.contains(AVAILABILITY.matcher(normalized), normalized)) {
      return Intent.AVAILABILITY;
    }
    if (WordStarts.contains(THANKS.matcher(normalized), normalized)) {
      return Intent.THANKS;
    }
    if (WordStarts.contains(GREETING.matcher(normalized), normalized)) {
      return Intent.GREETING;
    }
    return Intent.OTHER;
  }
}
