package ar.booking.core.ports;

import static ar.booking.core.testing.Fixtures.cabin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.accommodation.AccommodationType;
import ar.booking.core.accommodation.PricingPolicy;
import ar.booking.core.shared.AccommodationId;
import ar.booking.core.shared.Money;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link Accommodations} implementation guarantees. */
public abstract class AccommodationsContract {

  protected abstract Accommodations accommodations();

  private Accommodations accommodations;

  @BeforeEach
  void setUpStore() {
    accommodations = accommodations();
  }

  @Test
  void nextIdNeverRepeats() {
    Set<AccommodationId> ids = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      assertThat(ids.add(accommodations.nextId())).isTrue();
    }
  }

  @Test
  void addedUnitReadsBackEqualWithItsWholePricingPolicy() {
    Accommodation unit = accommodations.add(cabin(accommodations.nextId(), "Cabaña del Lago"));
    assertThat(accommodations.find(unit.id())).contains(unit);
  }

  @Test
  void addressAndArrivalInstructionsReadBackAndCanBeCleared() {
    Accommodation unit =
        accommodations.add(
            cabin(accommodations.nextId(), "Cabaña con llegada")
                .withArrival("Av. Bustillo 1234, Bariloche", "La llave está en la caja 4321."));
    assertThat(accommodations.find(unit.id())).contains(unit);
    assertThat(unit.address()).isEqualTo("Av. Bustillo 1234, Bariloche");
    Accommodation cleared = accommodations.update(unit.withArrival(null, " "));
    assertThat(accommodations.find(unit.id()).orElseThrow().address()).isNull();
    assertThat(accommodations.find(unit.id()).orElseThrow().arrivalInstructions()).isNull();
    assertThat(accommodations.find(unit.id())).contains(cleared);
  }

  @Test
  void minimalUnitReadsBackEqual() {
    Accommodation unit =
        new Accommodation(
            accommodations.nextId(),
            "Depto " + UUID.randomUUID(),
            AccommodationType.APARTMENT,
            2,
            null,
            null,
            null,
            null,
            null,
            true,
            PricingPolicy.flat(Money.ars("8500.50")),
            1);
    accommodations.add(unit);
    assertThat(accommodations.find(unit.id())).contains(unit);
  }

  @Test
  void addingAnExistingIdFails() {
    Accommodation unit = accommodations.add(cabin(accommodations.nextId(), "Uno"));
    assertThatThrownBy(() -> accommodations.add(unit)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void updateReplacesEveryField() {
    Accommodation unit = accommodations.add(cabin(accommodations.nextId(), "Dos"));
    Accommodation changed =
        new Accommodation(
                unit.id(),
                "Dos renovada",
                AccommodationType.HOUSE,
                6,
                "nueva",
                List.of("pileta"),
                LocalTime.of(15, 30),
                LocalTime.of(11, 0),
                ZoneId.of("America/Argentina/Mendoza"),
                true,
                unit.pricing().withDepositPercentage(100).withMinNights(2),
                unit.exportTokenVersion())
            .withNextExportToken()
            .withActive(false);

    accommodations.update(changed);

    assertThat(accommodations.find(unit.id())).contains(changed);
  }

  @Test
  void updatingAMissingUnitFails() {
    Accommodation ghost = cabin(accommodations.nextId(), "Fantasma");
    assertThatThrownBy(() -> accommodations.update(ghost))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void findAllIsOrderedByIdAndFindActiveSkipsInactiveUnits() {
    Accommodation a = accommodations.add(cabin(accommodations.nextId(), "A"));
    Accommodation b = accommodations.add(cabin(accommodations.nextId(), "B").withActive(false));
    Accommodation c = accommodations.add(cabin(accommodations.nextId(), "C"));

    List<AccommodationId> all = accommodations.findAll().stream().map(Accommodation::id).toList();
    assertThat(all).containsSubsequence(a.id(), b.id(), c.id());
    assertThat(accommodations.findActive()).contains(a, c).doesNotContain(b);
  }
}
