package ar.booking.core.usecase;

import ar.booking.core.calendar.BusyPeriod;
import ar.booking.core.ports.Reservations;
import ar.booking.core.shared.AccommodationId;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The taken nights of one unit or all units within {@code [from, to)}. */
public final class ListBusyPeriods {

  /** A calendar window longer than this is refused: it would read years of history at once. */
  public static final int MAX_DAYS = 800;

  private final Reservations reservations;

  ListBusyPeriods(Reservations reservations) {
    this.reservations = reservations;
  }

  public record Query(Optional<AccommodationId> unit, LocalDate from, LocalDate to) {
    public Query {
      unit = unit == null ? Optional.empty() : unit;
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (!to.isAfter(from)) {
        throw new IllegalArgumentException("'to' must be after 'from'");
      }
      if (from.plusDays(MAX_DAYS).isBefore(to)) {
        throw new IllegalArgumentException("a calendar window is at most " + MAX_DAYS + " days");
      }
    }
  }

  public List<BusyPeriod> execute(Query query) {
    return reservations.busyBetween(query.unit(), query.from(), query.to());
  }
}
