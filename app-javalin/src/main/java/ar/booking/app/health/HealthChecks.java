package ar.booking.app.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The registry of health checks behind {@code /api/v1/healthz}. A failing critical check makes the
 * service unhealthy (503); a failing non-critical one makes it degraded (still 200). Features add
 * their checks at wiring time.
 */
public final class HealthChecks {

  /** The overall verdict. */
  public enum Status {
    HEALTHY,
    DEGRADED,
    UNHEALTHY
  }

  /** The verdict and each check's outcome, ready for JSON. */
  public record Report(Status status, Map<String, Map<String, Object>> checks) {}

  private record Entry(String name, boolean critical, HealthCheck check) {}

  private final CopyOnWriteArrayList<Entry> entries = new CopyOnWriteArrayList<>();

  /** A check whose failure means the service cannot do its job. */
  public HealthChecks critical(String name, HealthCheck check) {
    entries.add(new Entry(name, true, check));
    return this;
  }

  /** A check whose failure leaves the service working, with less. */
  public HealthChecks degrading(String name, HealthCheck check) {
    entries.add(new Entry(name, false, check));
    return this;
  }

  /** Adds a check named and weighted by whoever built it (an adapter). */
  public HealthChecks add(NamedCheck named) {
    entries.add(new Entry(named.name(), named.critical(), named.check()));
    return this;
  }

  public Report run() {
    Status status = Status.HEALTHY;
    Map<String, Map<String, Object>> checks = new LinkedHashMap<>();
    for (Entry entry : entries) {
      HealthCheck.Result result;
      long start = System.nanoTime();
      try {
        result = entry.check().check();
      } catch (RuntimeException e) {
        result =
            HealthCheck.Result.down(
                Map.of(
                    "error",
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("status", result.up() ? "up" : "down");
      if (!result.details().containsKey("latency_ms")) {
        body.put("latency_ms", (System.nanoTime() - start) / 1_000_000);
      }
      body.putAll(result.details());
      checks.put(entry.name(), body);
      if (!result.up()) {
        status = max(status, entry.critical() ? Status.UNHEALTHY : Status.DEGRADED);
      }
    }
    return new Report(status, checks);
  }

  private static Status max(Status a, Status b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
