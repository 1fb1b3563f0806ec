package ar.booking.app.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a {@code .env} file ({@code KEY=value} lines, {@code #} comments, optional quotes). */
public final class DotEnv {

  private DotEnv() {}

  /** The file's variables, or none when it does not exist. */
  public static Map<String, String> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Map.of();
    }
    try {
      return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  static Map<String, String> parse(List<String> lines) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ")) {
        line = line.substring("export ".length()).strip();
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String key = line.substring(0, eq).strip();
      String value = line.substring(eq + 1).strip();
      if (value.length() >= 2
          && (value.startsWith("\"") && value.endsWith("\"")
              || value.startsWith("'") && value.endsWith("'"))) {
        value = value.substring(1, value.length() - 1);
      } else {
        int comment = value.indexOf(" #");
        if (comment >= 0) {
          value = value.substring(0, comment).strip();
        }
      }
      values.put(key, value);
    }
    return values;
  }

  /** The file's values overlaid by the real environment (the environment wins). */
  public static Map<String, String> merge(Map<String, String> file, Map<String, String> env) {
    Map<String, String> merged = new HashMap<>(file);
    merged.putAll(env);
    return merged;
  }
}
