package ar.booking.app.config;

import java.time.Duration;
import java.util.Optional;

/**
 * iCalendar sync (issue 12, ADR 0009): the key of the export URLs and how the imported feeds are
 * kept fresh. {@code ICS_SALT} is required in production (a strong secret, like {@code
 * JWT_SECRET}); where {@link AuthConfig#generateMissingSecrets()} allows it a missing one is
 * generated once and kept under {@code DATA_DIR}.
 *
 * @param icsSalt the key of the export tokens; changing it invalidates every export URL
 * @param syncInterval how often every feed is fetched ({@code sync_ical_feeds})
 * @param releaseAfterMisses consecutive successful fetches an event must be absent from before its
 *     stay is released
 * @param syncMaxAge health is degraded when a unit's stalest feed last synced longer ago
 * @param refreshBeforeHold a hold on a unit whose feeds synced longer ago refreshes them first
 */
public record IcalConfig(
    Optional<String> icsSalt,
    Duration syncInterval,
    int releaseAfterMisses,
    Duration syncMaxAge,
    Duration refreshBeforeHold) {

  @Override
  public String toString() {
    return "IcalConfig[icsSalt="
        + (icsSalt.isPresent() ? "set" : "generated")
        + ", syncInterval="
        + syncInterval
        + ", releaseAfterMisses="
        + releaseAfterMisses
        + ", syncMaxAge="
        + syncMaxAge
        + ", refreshBeforeHold="
        + refreshBeforeHold
        + "]";
  }

  static IcalConfig read(ConfigReader r, RunMode mode, boolean generateMissingSecrets) {
    boolean production = mode == RunMode.PRODUCTION;
    Optional<String> salt = r.optional(Var.ICS_SALT);
    if (salt.isEmpty() && !generateMissingSecrets) {
      r.problem(
          Var.ICS_SALT,
          "is required "
              + (production ? "in production" : "outside development with a DATABASE_URL")
              + " (it keys the calendar export URLs); generate: openssl rand -hex 32");
    }
    salt.ifPresent(
        s -> {
          if (production && SecretRules.weakSecret(s)) {
            r.problem(
                Var.ICS_SALT,
                "is too weak (at least "
                    + SecretRules.MIN_SECRET_BYTES
                    + " bytes, not a known default); generate: openssl rand -hex 32");
          } else if (!production && SecretRules.shortSecret(s)) {
            r.problem(Var.ICS_SALT, "must be at least " + SecretRules.MIN_SECRET_BYTES + " bytes");
          }
        });
    return new IcalConfig(
        salt,
        Duration.ofSeconds(r.integer(Var.JOB_ICAL_INTERVAL_SECONDS, 30, 86_400)),
        r.integer(Var.ICAL_RELEASE_AFTER_MISSES, 1, 100),
        Duration.ofMinutes(r.integer(Var.ICAL_SYNC_MAX_AGE_MINUTES, 1, 10_080)),
        Duration.ofMinutes(r.integer(Var.ICAL_REFRESH_BEFORE_HOLD_MINUTES, 0, 1_440)));
  }
}
