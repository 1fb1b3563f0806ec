package ar.booking.core.notification;

import java.util.Objects;

/** The preferences in force: the owner's stored ones, or the environment's defaults. */
public final class AlertPolicy {

  private final AlertSettings settings;
  private final AlertPreferences defaults;

  public AlertPolicy(AlertSettings settings, AlertPreferences defaults) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.defaults = Objects.requireNonNull(defaults, "defaults");
  }

  public AlertPreferences current() {
    return settings.stored().orElse(defaults);
  }

  public AlertPreferences defaults() {
    return defaults;
  }

  /** Whether the owner overrode the defaults. */
  public boolean overridden() {
    return settings.stored().isPresent();
  }

  public void save(AlertPreferences preferences) {
    settings.store(Objects.requireNonNull(preferences, "preferences"));
  }
}
