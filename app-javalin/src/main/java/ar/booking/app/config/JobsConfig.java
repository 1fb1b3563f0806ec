package ar.booking.app.config;

import java.time.Duration;

/**
 * Background jobs: how often each runs (once per interval across all instances).
 *
 * @param expiryInterval releasing expired holds ({@code expire_holds})
 * @param eventsInterval handing committed events to their subscribers ({@code dispatch_events})
 */
public record JobsConfig(Duration expiryInterval, Duration eventsInterval) {

  static JobsConfig read(ConfigReader r) {
    return new JobsConfig(
        Duration.ofSeconds(r.integer(Var.JOB_EXPIRATION_INTERVAL_SECONDS, 1, 3600)),
        Duration.ofSeconds(r.integer(Var.JOB_EVENTS_INTERVAL_SECONDS, 1, 300)));
  }
}
