package ar.booking.core.reservation;

import static ar.booking.core.reservation.ReservationStatus.BLOCKED;
import static ar.booking.core.reservation.ReservationStatus.CANCELLED;
import static ar.booking.core.reservation.ReservationStatus.COMPLETED;
import static ar.booking.core.reservation.ReservationStatus.CONFIRMED;
import static ar.booking.core.reservation.ReservationStatus.EXPIRED;
import static ar.booking.core.reservation.ReservationStatus.PRE_RESERVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.shared.AccommodationId;
import ar.booking.core.testing.Fixtures;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReservationStatusTest {

  private static final Map<ReservationStatus, Set<ReservationStatus>> LEGAL =
      Map.of(
          PRE_RESERVED, EnumSet.of(CONFIRMED, EXPIRED, CANCELLED),
          EXPIRED, EnumSet.of(CONFIRMED),
          CONFIRMED, EnumSet.of(CANCELLED, COMPLETED),
          BLOCKED, EnumSet.of(CANCELLED),
          CANCELLED, EnumSet.noneOf(ReservationStatus.class),
          COMPLETED, EnumSet.noneOf(ReservationStatus.class));

  @Test
  void exactlyTheDocumentedTransitionsAreAllowed() {
    for (ReservationStatus from : ReservationStatus.values()) {
      for (ReservationStatus to : ReservationStatus.values()) {
        assertThat(from.canBecome(to))
            .as("%s → %s", from, to)
            .isEqualTo(LEGAL.get(from).contains(to));
      }
    }
  }

  @Test
  void everyIllegalTransitionFailsLoudly() {
    int illegal = 0;
    for (ReservationStatus from : ReservationStatus.values()) {
      for (ReservationStatus to : ReservationStatus.values()) {
        if (!LEGAL.get(from).contains(to)) {
          illegal++;
          assertThatThrownBy(() -> from.requireCanBecome(to))
              .as("%s → %s", from, to)
              .isInstanceOf(IllegalStateException.class)
              .hasMessageContaining(from + " → " + to);
        }
      }
    }
    assertThat(illegal).isEqualTo(36 - 7);
  }

  @Test
  void onlyHoldsConfirmedStaysCompletedStaysAndBlocksOccupyNights() {
    assertThat(
            EnumSet.allOf(ReservationStatus.class).stream()
                .filter(ReservationStatus::occupiesNights))
        .containsExactlyInAnyOrder(PRE_RESERVED, CONFIRMED, COMPLETED, BLOCKED);
  }

  @Test
  void aReservationRefusesAnIllegalTransition() {
    Accommodation unit = Fixtures.cabin(new AccommodationId(1), "Uno");
    Reservation held = Fixtures.hold(unit, Fixtures.period("2026-12-10", "2026-12-12"));
    Reservation cancelled = held.cancel("no", Fixtures.NOW);

    assertThatThrownBy(() -> cancelled.confirm(Fixtures.NOW))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> cancelled.transitionTo(PRE_RESERVED, Fixtures.NOW))
        .isInstanceOf(IllegalStateException.class);
    assertThat(held.transitionTo(EXPIRED, Fixtures.NOW).status()).isEqualTo(EXPIRED);
  }

  @Test
  void holdExpiresAtItsExpiryInstant() {
    Accommodation unit = Fixtures.cabin(new AccommodationId(1), "Uno");
    Reservation held = Fixtures.hold(unit, Fixtures.period("2026-12-10", "2026-12-12"));
    assertThat(held.isExpiredHold(held.holdExpiresAt().minusSeconds(1))).isFalse();
    assertThat(held.isExpiredHold(held.holdExpiresAt())).isTrue();
  }

  @Test
  void blocksAndImportsAreNeverGuestStatuses() {
    Accommodation unit = Fixtures.cabin(new AccommodationId(1), "Uno");
    Reservation block = Fixtures.block(unit, Fixtures.period("2026-12-10", "2026-12-12"));
    assertThat(block.status()).isEqualTo(BLOCKED);
    assertThatThrownBy(() -> block.transitionTo(CONFIRMED, Fixtures.NOW))
        .isInstanceOf(IllegalStateException.class);
  }
}
