package ar.booking.app.health;

import java.util.Map;

/** One thing the service depends on, checked quickly (well under a second). */
@FunctionalInterface
public interface HealthCheck {

  /** The outcome of one check: up or down, with details such as {@code latency_ms}. */
  record Result(boolean up, Map<String, Object> details) {
    public Result {
      details = Map.copyOf(details);
    }

    public static Result up(Map<String, Object> details) {
      return new Result(true, details);
    }

    public static Result down(Map<String, Object> details) {
      return new Result(false, details);
    }
  }

  /** Runs the check; a thrown exception counts as down. */
  Result check();
}
