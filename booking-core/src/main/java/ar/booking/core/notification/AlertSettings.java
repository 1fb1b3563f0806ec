package ar.booking.core.notification;

import java.util.Optional;

/**
 * The owner's alert preferences as stored; empty until the owner saves some, in which case the
 * environment's defaults apply ({@link AlertPolicy}). Thread-safe; joins the caller's unit of work.
 */
public interface AlertSettings {

  Optional<AlertPreferences> stored();

  /** Replaces the stored preferences. */
  void store(AlertPreferences preferences);
}
