package ar.booking.core.memory;

import ar.booking.core.notification.AlertPreferences;
import ar.booking.core.notification.AlertSettings;
import java.util.Optional;

/** {@link AlertSettings} kept in an {@link InMemoryStores}; a store is undone on rollback. */
final class InMemoryAlertSettings implements AlertSettings {

  private final InMemoryStores db;
  private AlertPreferences stored;

  InMemoryAlertSettings(InMemoryStores db) {
    this.db = db;
  }

  @Override
  public Optional<AlertPreferences> stored() {
    return db.read(() -> Optional.ofNullable(stored));
  }

  @Override
  public void store(AlertPreferences preferences) {
    AlertPreferences[] previous = new AlertPreferences[1];
    db.write(
        () -> {
          previous[0] = stored;
          stored = preferences;
          return null;
        },
        () -> stored = previous[0]);
  }
}
