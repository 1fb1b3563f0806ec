package ar.booking.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Development secrets (the JWT key, the iCal export salt): generated once and kept under DATA_DIR
 * so tokens and export URLs survive restarts.
 */
final class JwtSecrets {

  static final String FILE = "jwt-secret";

  private JwtSecrets() {}

  /** The file under DATA_DIR that keeps the development {@code ICS_SALT}. */
  static final String ICS_SALT_FILE = "ics-salt";

  static String loadOrCreate(Path dataDir) {
    return loadOrCreate(dataDir, FILE);
  }

  /** A generated secret kept in {@code fileName} under DATA_DIR (created on first use). */
  static String loadOrCreate(Path dataDir, String fileName) {
    Path file = dataDir.resolve(fileName);
    try {
      if (Files.isRegularFile(file)) {
        String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (secret.length() >= 32) {
          return secret;
        }
      }
      Files.createDirectories(dataDir);
      byte[] bytes = new byte[32];
      new SecureRandom().nextBytes(bytes);
      String secret = HexFormat.of().formatHex(bytes);
      Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system
      }
      return secret;
    } catch (IOException e) {
      throw new StartupException("Cannot read or write the generated secret in " + file, e);
    }
  }
}
