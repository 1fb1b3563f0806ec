package ar.booking.app.config;

import java.time.Duration;

/** Background jobs: how often each runs. */
public record JobsConfig(Duration expiryInterval) {

  static JobsConfig read(ConfigReader r) {
    return new JobsConfig(
        Duration.ofSeconds(r.integer(Var.JOB_EXPIRATION_INTERVAL_SECONDS, 1, 3600)));
  }
}
