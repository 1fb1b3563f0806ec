package ar.booking.app.config;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** How strong secrets and admin passwords must be; shared by the settings and the auth API. */
public final class SecretRules {

  /** Values that ship in examples and tutorials; never acceptable as a secret or password. */
  static final Set<String> KNOWN_WEAK =
      Set.of(
          "changeme",
          "change-me",
          "change_me",
          "secret",
          "password",
          "admin",
          "admin123",
          "12345678",
          "123456789012",
          "your-secret-key",
          "replace-me-with-openssl-rand-hex-32",
          "development-secret");

  public static final int MIN_SECRET_BYTES = 32;
  public static final int MIN_PASSWORD_CHARS = 12;
  public static final int MIN_PASSWORD_DISTINCT_CHARS = 6;

  /** bcrypt reads at most 72 bytes; longer passwords are refused rather than cut. */
  public static final int MAX_PASSWORD_BYTES = 72;

  private SecretRules() {}

  /** A token or key (JWT_SECRET, METRICS_TOKEN) too short, too repetitive or a known default. */
  public static boolean weakSecret(String secret) {
    return secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES
        || KNOWN_WEAK.contains(secret.strip().toLowerCase(Locale.ROOT))
        || secret.chars().distinct().count() < 8;
  }

  static boolean shortSecret(String secret) {
    return secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES;
  }

  /** Longer than bcrypt can read. */
  public static boolean tooLongForBcrypt(String password) {
    return password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES;
  }

  /** The rule an admin password breaks, to follow "must be" ("at least 12 characters long"). */
  public static Optional<String> passwordProblem(String password) {
    if (tooLongForBcrypt(password)) {
      return Optional.of("at most " + MAX_PASSWORD_BYTES + " bytes long (bcrypt's limit)");
    }
    if (password.length() < MIN_PASSWORD_CHARS) {
      return Optional.of("at least " + MIN_PASSWORD_CHARS + " characters long");
    }
    if (KNOWN_WEAK.contains(password.strip().toLowerCase(Locale.ROOT))) {
      return Optional.of("something other than a known default");
    }
    if (password.chars().distinct().count() < MIN_PASSWORD_DISTINCT_CHARS) {
      return Optional.of(
          "made of at least " + MIN_PASSWORD_DISTINCT_CHARS + " different characters");
    }
    return Optional.empty();
  }
}
