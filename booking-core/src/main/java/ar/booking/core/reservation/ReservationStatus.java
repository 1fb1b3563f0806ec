package ar.booking.core.reservation;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of an occupancy. The allowed transitions live here and only here:
 *
 * <pre>
 * PRE_RESERVED → CONFIRMED | EXPIRED | CANCELLED
 * EXPIRED      → CONFIRMED   (a late payment revives the hold when its nights are still free)
 * CONFIRMED    → CANCELLED | COMPLETED
 * BLOCKED      → CANCELLED   (owner blocks and imported stays are lifted by cancelling them)
 * </pre>
 *
 * {@link #occupiesNights()} tells which statuses hold their nights against every other stay.
 */
public enum ReservationStatus {
  PRE_RESERVED,
  CONFIRMED,
  EXPIRED,
  CANCELLED,
  COMPLETED,
  BLOCKED;

  private static final Map<ReservationStatus, Set<ReservationStatus>> ALLOWED =
      Map.of(
          PRE_RESERVED, EnumSet.of(CONFIRMED, EXPIRED, CANCELLED),
          EXPIRED, EnumSet.of(CONFIRMED),
          CONFIRMED, EnumSet.of(CANCELLED, COMPLETED),
          BLOCKED, EnumSet.of(CANCELLED),
          CANCELLED, EnumSet.noneOf(ReservationStatus.class),
          COMPLETED, EnumSet.noneOf(ReservationStatus.class));

  /** The statuses whose nights nobody else may take. */
  public static final Set<ReservationStatus> ACTIVE =
      Set.copyOf(EnumSet.of(PRE_RESERVED, CONFIRMED, COMPLETED, BLOCKED));

  public boolean canBecome(ReservationStatus next) {
    return ALLOWED.get(this).contains(next);
  }

  /** Fails loudly on an illegal transition. */
  public void requireCanBecome(ReservationStatus next) {
    if (!canBecome(next)) {
      throw new IllegalStateException("illegal status transition " + this + " → " + next);
    }
  }

  public boolean occupiesNights() {
    return ACTIVE.contains(this);
  }
}
