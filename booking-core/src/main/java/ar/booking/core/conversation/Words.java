package ar.booking.core.conversation;

import java.util.List;
import java.util.Map;

/** Word-level rewrites: Spanish number words to digits and a short list of frequent typos. */
final class Words {

  private static final Map<String, String> REWRITES =
      Map.ofEntries(
          Map.entry("cero", "0"),
          Map.entry("dos", "2"),
          Map.entry("tres", "3"),
          Map.entry("cuatro", "4"),
          Map.entry("cinco", "5"),
          Map.entry("seis", "6"),
          Map.entry("siete", "7"),
          Map.entry("ocho", "8"),
          Map.entry("nueve", "9"),
          Map.entry("diez", "10"),
          Map.entry("once", "11"),
          Map.entry("doce", "12"),
          Map.entry("trece", "13"),
          Map.entry("catorce", "14"),
          Map.entry("quince", "15"),
          Map.entry("dieciseis", "16"),
          Map.entry("diecisiete", "17"),
          Map.entry("dieciocho", "18"),
          Map.entry("diecinueve", "19"),
          Map.entry("veinte", "20"),
          Map.entry("veintiuno", "21"),
          Map.entry("veintiun", "21"),
          Map.entry("veintidos", "22"),
          Map.entry("veintitres", "23"),
          Map.entry("veinticuatro", "24"),
          Map.entry("veinticinco", "25"),
          Map.entry("veintiseis", "26"),
          Map.entry("veintisiete", "27"),
          Map.entry("veintiocho", "28"),
          Map.entry("veintinueve", "29"),
          Map.entry("treinta", "30"),
          Map.entry("q", "que"),
          Map.entry("xq", "porque"),
          Map.entry("x", "por"),
          Map.entry("nochez", "noches"),
          Map.entry("nohes", "noches"),
          Map.entry("noces", "noches"),
          Map.entry("nches", "noches"),
          Map.entry("perosnas", "personas"),
          Map.entry("presonas", "personas"),
          Map.entry("personsa", "personas"),
          Map.entry("persnas", "personas"),
          Map.entry("adutos", "adultos"),
          Map.entry("adlutos", "adultos"),
          Map.entry("ninios", "ninos"),
          Map.entry("ninio", "nino"),
          Map.entry("febero", "febrero"),
          Map.entry("febreo", "febrero"),
          Map.entry("frebrero", "febrero"),
          Map.entry("marso", "marzo"),
          Map.entry("abirl", "abril"),
          Map.entry("agoto", "agosto"),
          Map.entry("setiempre", "setiembre"),
          Map.entry("septiembe", "septiembre"),
          Map.entry("otubre", "octubre"),
          Map.entry("novienbre", "noviembre"),
          Map.entry("dicienbre", "diciembre"),
          Map.entry("dicimbre", "diciembre"),
          Map.entry("diciebre", "diciembre"),
          Map.entry("enro", "enero"),
          Map.entry("maniana", "manana"),
          Map.entry("mniana", "manana"),
          Map.entry("sabdo", "sabado"),
          Map.entry("sabao", "sabado"),
          Map.entry("domnigo", "domingo"),
          Map.entry("vienres", "viernes"),
          Map.entry("jueces", "jueves"),
          Map.entry("miercole", "miercoles"),
          Map.entry("smana", "semana"),
          Map.entry("semna", "semana"),
          Map.entry("dispo", "disponibilidad"),
          Map.entry("disponiblidad", "disponibilidad"),
          Map.entry("disponibilida", "disponibilidad"),
          Map.entry("resevar", "reservar"),
          Map.entry("reserbar", "reservar"),
          Map.entry("rerservar", "reservar"),
          Map.entry("cancelr", "cancelar"),
          Map.entry("cuant", "cuanto"),
          Map.entry("cuannto", "cuanto"),
          Map.entry("cuanro", "cuanto"),
          Map.entry("grs", "gracias"),
          Map.entry("grcias", "gracias"),
          Map.entry("graicas", "gracias"),
          Map.entry("gacias", "gracias"),
          Map.entry("hla", "hola"),
          Map.entry("ola", "hola"),
          Map.entry("bno", "bueno"),
          Map.entry("sra", "senora"),
          Map.entry("dpto", "depto"),
          Map.entry("depa", "depto"),
          Map.entry("departamento", "depto"),
          Map.entry("cabanha", "cabana"),
          Map.entry("cabania", "cabana"));

  private static final List<String> LONG_MONTHS =
      List.of("febrero", "agosto", "septiembre", "setiembre", "octubre", "noviembre", "diciembre");

  private Words() {}

  /** Rewrites each space-separated word, keeping punctuation glued to its ends. */
  static String fix(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (String word : text.split(" ")) {
      if (!out.isEmpty()) {
        out.append(' ');
      }
      int start = 0;
      int end = word.length();
      while (start < end && isEdgePunct(word.charAt(start))) {
        start++;
      }
      while (end > start && isEdgePunct(word.charAt(end - 1))) {
        end--;
      }
      String core = word.substring(start, end);
      String rewritten = REWRITES.get(core);
      if (rewritten == null && core.length() >= 6) {
        rewritten = closeMonth(core);
      }
      if (rewritten == null) {
        out.append(word);
      } else {
        out.append(word, 0, start).append(rewritten).append(word, end, word.length());
      }
    }
    return out.toString();
  }

  /**
   * A long month name with one typo ("ferbrero", "dicembre"); short names ("marzo", "junio") are
   * left alone because one edit turns them into ordinary words ("marco", "junto").
   */
  private static String closeMonth(String word) {
    for (String month : LONG_MONTHS) {
      if (month.equals(word)) {
        return null;
      }
      if (Math.abs(month.length() - word.length()) <= 1 && withinOneEdit(word, month)) {
        return month;
      }
    }
    return null;
  }

  /** Optimal string alignment distance at most 1 (one insertion, deletion, change or swap). */
  static boolean withinOneEdit(String a, String b) {
    int i = 0;
    while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    if (i == a.length() && i == b.length()) {
      return true;
    }
    String restA = a.substring(Math.min(i + 1, a.length()));
    String restB = b.substring(Math.min(i + 1, b.length()));
    if (a.length() == b.length()) {
      boolean swap =
          i + 1 < a.length() && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i);
      return restA.equals(restB) || (swap && a.substring(i + 2).equals(b.substring(i + 2)));
    }
    return a.length() > b.length()
        ? a.substring(i + 1).equals(b.substring(i))
        : a.substring(i).equals(b.substring(i + 1));
  }

  private static boolean isEdgePunct(char c) {
    return c == '.' || c == ',' || c == ':' || c == '+';
  }
}
