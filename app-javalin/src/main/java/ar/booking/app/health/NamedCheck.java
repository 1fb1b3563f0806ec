package ar.booking.app.health;

import java.util.Objects;

/**
 * A health check with its name and weight, as adapters hand it to the app: a failing critical check
 * makes the service unhealthy (503), a failing non-critical one degraded (200).
 */
public record NamedCheck(String name, boolean critical, HealthCheck check) {
  public NamedCheck {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(check, "check");
  }

  public static NamedCheck critical(String name, HealthCheck check) {
    return new NamedCheck(name, true, check);
  }

  public static NamedCheck degrading(String name, HealthCheck check) {
    return new NamedCheck(name, false, check);
  }
}
