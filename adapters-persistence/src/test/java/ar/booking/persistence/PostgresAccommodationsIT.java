package ar.booking.persistence;

import ar.booking.core.ports.Accommodations;
import ar.booking.core.ports.AccommodationsContract;

class PostgresAccommodationsIT extends AccommodationsContract {

  @Override
  protected Accommodations accommodations() {
    return SharedStores.get().accommodations();
  }
}
