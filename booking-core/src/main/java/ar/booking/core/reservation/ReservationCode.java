package ar.booking.core.reservation;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The guest-facing reference of a reservation: 8 characters of Crockford base32 (40 random bits),
 * unguessable and easy to read aloud (no I, L, O, U).
 */
public record ReservationCode(String value) {

  private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  private static final Pattern FORMAT = Pattern.compile("[0-9A-HJKMNP-TV-Z]{8}");
  private static final RandomGenerator RANDOM = new SecureRandom();

  public ReservationCode {
    Objects.requireNonNull(value, "value");
    if (!FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("not a reservation code: " + value);
    }
  }

  /** Reads a code as a person may type it: any case, with O for 0 and I/L for 1. */
  public static ReservationCode parse(String text) {
    String normalized =
        text.strip()
            .toUpperCase(Locale.ROOT)
            .replace('O', '0')
            .replace('I', '1')
            .replace('L', '1')
            .replace("-", "");
    return new ReservationCode(normalized);
  }

  public static ReservationCode random() {
    return random(RANDOM);
  }

  public static ReservationCode random(RandomGenerator random) {
    char[] chars = new char[8];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
    }
    return new ReservationCode(new String(chars));
  }

  @Override
  public String toString() {
    return value;
  }
}
