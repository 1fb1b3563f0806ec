package ar.booking.core.ports;

import static ar.booking.core.testing.Fixtures.NOW;
import static ar.booking.core.testing.Fixtures.addCabin;
import static ar.booking.core.testing.Fixtures.hold;
import static ar.booking.core.testing.Fixtures.period;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.payment.PaymentLink;
import ar.booking.core.payment.PaymentLinks;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.shared.Money;
import ar.booking.core.testing.StoreBundle;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PaymentLinks} store guarantees: one current link per booking (replaced, read
 * back exactly), one hold extension, flags set once per reason, all inside the caller's unit of
 * work.
 */
public abstract class PaymentLinksContract {

  protected abstract StoreBundle stores();

  protected abstract PaymentLinks links();

  private StoreBundle s;
  private PaymentLinks links;
  private Reservation booking;

  @BeforeEach
  void setUp() {
    s = stores();
    links = links();
    Accommodation unit = addCabin(s.accommodations(), "Cabaña " + UUID.randomUUID());
    booking =
        ((Reservations.Inserted)
                s.reservations().insert(hold(unit, period("2026-12-10", "2026-12-13")), "test"))
            .reservation();
  }

  private PaymentLink link(String url, long amount, Duration after) {
    return new PaymentLink(booking.code(), url, Money.ars(amount), NOW.plus(after), "pref-" + url);
  }

  @Test
  void aSavedLinkIsReadBackAndReplacedByANewerOne() {
    assertThat(links.find(booking.code())).isEmpty();
    links.save(link("https://a", 11_700, Duration.ofMinutes(30)), NOW);
    PaymentLink newer = link("https://b", 5_000, Duration.ofMinutes(40));
    links.save(newer, NOW);

    assertThat(links.find(booking.code())).contains(newer);
    assertThat(links.expiringAfter(NOW.plus(Duration.ofMinutes(35)), 1000)).contains(newer);
    assertThat(links.expiringAfter(NOW.plus(Duration.ofMinutes(40)), 1000))
        .noneMatch(l -> l.code().equals(booking.code()));
  }

  @Test
  void theHoldExtensionIsUsedOnceAndFlagsOncePerReason() {
    assertThat(links.useHoldExtension(booking.code(), NOW)).isTrue();
    assertThat(links.useHoldExtension(booking.code(), NOW)).isFalse();

    assertThat(links.flag(booking.code())).isEmpty();
    assertThat(links.flag(booking.code(), "late", NOW)).isTrue();
    assertThat(links.flag(booking.code(), "late", NOW)).isFalse();
    assertThat(links.flag(booking.code(), "charged_back:1", NOW.plusSeconds(1))).isTrue();
    assertThat(links.flag(booking.code())).contains("late,charged_back:1");
  }

  @Test
  void writesRollBackWithTheUnitOfWork() {
    assertThatThrownBy(
            () ->
                s.transactions()
                    .run(
                        () -> {
                          links.save(link("https://a", 1, Duration.ofMinutes(5)), NOW);
                          links.flag(booking.code(), "late", NOW);
                          links.useHoldExtension(booking.code(), NOW);
                          throw new IllegalStateException("boom");
                        }))
        .hasMessage("boom");

    assertThat(links.find(booking.code())).isEmpty();
    assertThat(links.flag(booking.code())).isEmpty();
    assertThat(links.useHoldExtension(booking.code(), NOW)).isTrue();
  }
}
