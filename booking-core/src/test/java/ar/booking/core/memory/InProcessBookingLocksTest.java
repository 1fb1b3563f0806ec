package ar.booking.core.memory;

import ar.booking.core.ports.BookingLocks;
import ar.booking.core.ports.BookingLocksContract;

class InProcessBookingLocksTest extends BookingLocksContract {
  @Override
  protected BookingLocks locks() {
    return new InProcessBookingLocks();
  }
}
