package ar.booking.app.admin;

import java.util.Locale;

/**
 * Enum values as the API writes them: lower-case snake_case ({@code PRE_RESERVED → pre_reserved}).
 */
final class Codes {

  private Codes() {}

  static String of(Enum<?> value) {
    return value == null ? null : value.name().toLowerCase(Locale.ROOT);
  }

  /** Reads a code in any case; a 400 naming {@code field} and the accepted values otherwise. */
  static <E extends Enum<E>> E parse(String field, String value, Class<E> type) {
    String normalized = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(normalized)) {
        return constant;
      }
    }
    StringBuilder accepted = new StringBuilder();
    for (E constant : type.getEnumConstants()) {
      accepted.append(accepted.isEmpty() ? "" : ", ").append(of(constant));
    }
    throw Requests.invalid(field, "must be one of " + accepted + ": '" + value + "'");
  }
}
