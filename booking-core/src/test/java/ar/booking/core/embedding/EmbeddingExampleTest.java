package ar.booking.core.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.accommodation.AccommodationType;
import ar.booking.core.accommodation.PricingPolicy;
import ar.booking.core.memory.InMemoryStores;
import ar.booking.core.memory.InProcessBookingLocks;
import ar.booking.core.ports.BookingEvents;
import ar.booking.core.reservation.Channel;
import ar.booking.core.reservation.GuestContact;
import ar.booking.core.shared.Money;
import ar.booking.core.stay.GuestCount;
import ar.booking.core.stay.StayPeriod;
import ar.booking.core.usecase.BookingEngine;
import ar.booking.core.usecase.BookingSettings;
import ar.booking.core.usecase.PlaceHold;
import ar.booking.core.usecase.StayRejection;
import ar.booking.core.usecase.Unavailable;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's "Embedding booking-core" example, compiled and run. The test also checks that the
 * README still shows exactly this code, so the two cannot drift apart.
 */
class EmbeddingExampleTest {

  static String embed() {
    // README:start
    InMemoryStores stores = InMemoryStores.create(); // or the PostgreSQL adapters
    BookingEngine engine =
        new BookingEngine(
            stores.accommodations(),
            stores.reservations(),
            stores.transactions(),
            new InProcessBookingLocks(),
            BookingEvents.NONE,
            Clock.systemUTC(),
            BookingSettings.DEFAULT);

    Accommodation cabin =
        stores
            .accommodations()
            .add(
                new Accommodation(
                    stores.accommodations().nextId(),
                    "Cabaña del Lago",
                    AccommodationType.CABIN,
                    4,
                    "Vista al lago",
                    List.of("wifi", "parrilla"),
                    null, // check-in 14:00
                    null, // check-out 10:00
                    null, // America/Argentina/Buenos_Aires
                    true,
                    PricingPolicy.flat(Money.ars(10_000))
                        .withWeekendMultiplier(new BigDecimal("1.2")),
                    1));

    LocalDate checkIn = LocalDate.now(Clock.systemUTC()).plusDays(10);
    PlaceHold.Result result =
        engine
            .placeHold()
            .execute(
                new PlaceHold.Command(
                    cabin.id(),
                    StayPeriod.of(checkIn, 3),
                    GuestCount.of(2),
                    GuestContact.whatsapp("5492944123456", "Ana"),
                    Channel.WHATSAPP));

    return switch (result) {
      case PlaceHold.HoldPlaced held ->
          "held " + held.reservation().code() + ", deposit " + held.reservation().quote().deposit();
      case Unavailable taken -> "taken by " + taken.conflicts();
      case StayRejection rejected -> "cannot book: " + rejected;
    };
    // README:end
  }

  @Test
  void theExamplePlacesAHold() {
    assertThat(embed()).startsWith("held ").contains("ARS");
  }

  @Test
  void theReadmeShowsThisExampleVerbatim() throws IOException {
    String source =
        Files.readString(
            Path.of("src/test/java/ar/booking/core/embedding/EmbeddingExampleTest.java"));
    String example =
        source.substring(
            source.indexOf("// README:start") + "// README:start".length(),
            source.indexOf("    // README:end"));
    String readme = Files.readString(Path.of("../README.md"));
    assertThat(normalize(readme)).contains(normalize(example));
  }

  private static String normalize(String code) {
    return code.lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty())
        .reduce("", (a, b) -> a + "\n" + b);
  }
}
