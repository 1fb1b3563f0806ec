package ar.booking.core.notification;

import ar.booking.core.reservation.ReservationCode;
import java.time.Instant;

/**
 * Which steps of a reservation's timeline happened ({@code hold_reminder}, {@code pre_arrival}…).
 * {@link #mark} joins the caller's unit of work and is atomic across processes: of all callers
 * marking the same step, exactly one gets {@code true}, and only if its unit of work commits is the
 * step remembered. Thread-safe.
 */
public interface TimelineSteps {

  /** Marks the step done; false (and nothing written) when it was already marked. */
  boolean mark(ReservationCode code, String step, Instant at);

  boolean done(ReservationCode code, String step);

  /** Deletes marks made before {@code before}; returns how many. */
  int prune(Instant before);
}
