package ar.booking.app.admin.archfixture;

import ar.booking.persistence.PostgresStores;
import java.time.Duration;

/** A planted violation: an HTTP controller using persistence directly. Only for the rule test. */
public class ControllerReadingTheDatabase {
  public Duration ping(PostgresStores stores) {
    return stores.ping();
  }
}
