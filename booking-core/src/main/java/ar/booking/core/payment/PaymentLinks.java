package ar.booking.core.payment;

import ar.booking.core.reservation.ReservationCode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The payment side of each booking: its current payment link (reused, not recreated), whether a
 * pending payment already bought its hold time, and the flag that asks the owner to look at its
 * money. Thread-safe; joins the caller's unit of work.
 */
public interface PaymentLinks {

  /** The booking's current link, if one was issued. */
  Optional<PaymentLink> find(ReservationCode code);

  /** Stores {@code link} as its booking's current link (replacing an older one). */
  void save(PaymentLink link, Instant at);

  /** Links that expire after {@code after}, oldest first, at most {@code limit}. */
  List<PaymentLink> expiringAfter(Instant after, int limit);

  /** Marks the booking's one hold extension as used; true only the first time. */
  boolean useHoldExtension(ReservationCode code, Instant at);

  /** Flags the booking for the owner; true when it was not flagged for {@code reason} yet. */
  boolean flag(ReservationCode code, String reason, Instant at);

  /** Why the booking is flagged, or empty. */
  Optional<String> flag(ReservationCode code);
}
