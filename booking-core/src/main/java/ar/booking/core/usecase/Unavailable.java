package ar.booking.core.usecase;

import ar.booking.core.calendar.BusyPeriod;
import java.util.List;

/** Some of the nights are taken: by these occupancies. */
public record Unavailable(List<BusyPeriod> conflicts)
    implements PlaceHold.Result,
        CreateOwnerBooking.Result,
        BlockDates.Result,
        ConfirmReservation.Result {
  public Unavailable {
    conflicts = List.copyOf(conflicts);
  }
}
