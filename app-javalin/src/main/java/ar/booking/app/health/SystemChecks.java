package ar.booking.app.health;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Checks of the machine itself: free disk under the data directory, heap in use. */
public final class SystemChecks {

  static final long MIN_FREE_DISK_BYTES = 256L * 1024 * 1024;
  static final double MAX_HEAP_USED = 0.95;

  private SystemChecks() {}

  public static HealthCheck disk(Path dataDir) {
    return () -> {
      try {
        Path existing = dataDir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
          existing = existing.getParent();
        }
        long free = Files.getFileStore(existing).getUsableSpace();
        Map<String, Object> details = Map.of("free_bytes", free, "path", dataDir.toString());
        return free >= MIN_FREE_DISK_BYTES
            ? HealthCheck.Result.up(details)
            : HealthCheck.Result.down(details);
      } catch (IOException | RuntimeException e) {
        return HealthCheck.Result.down(Map.of("error", String.valueOf(e.getMessage())));
      }
    };
  }

  public static HealthCheck memory() {
    return () -> {
      Runtime rt = Runtime.getRuntime();
      long used = rt.totalMemory() - rt.freeMemory();
      long max = rt.maxMemory();
      double ratio = (double) used / max;
      Map<String, Object> details =
          Map.of(
              "heap_used_bytes",
              used,
              "heap_max_bytes",
              max,
              "heap_used_ratio",
              Math.round(ratio * 1000) / 1000.0);
      return ratio < MAX_HEAP_USED
          ? HealthCheck.Result.up(details)
          : HealthCheck.Result.down(details);
    };
  }
}
