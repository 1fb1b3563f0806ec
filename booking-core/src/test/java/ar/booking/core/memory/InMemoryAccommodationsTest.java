package ar.booking.core.memory;

import ar.booking.core.ports.Accommodations;
import ar.booking.core.ports.AccommodationsContract;

class InMemoryAccommodationsTest extends AccommodationsContract {
  @Override
  protected Accommodations accommodations() {
    return InMemoryStores.create().accommodations();
  }
}
