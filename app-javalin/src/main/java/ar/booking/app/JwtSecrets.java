package ar.booking.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The development JWT secret: generated once and kept under DATA_DIR so tokens survive restarts.
 */
final class JwtSecrets {

  static final String FILE = "jwt-secret";

  private JwtSecrets() {}

  static String loadOrCreate(Path dataDir) {
    Path file = dataDir.resolve(FILE);
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
      throw new StartupException("Cannot read or write the JWT secret in " + file, e);
    }
  }
}
