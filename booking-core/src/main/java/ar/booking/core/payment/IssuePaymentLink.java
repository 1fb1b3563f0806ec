package ar.booking.core.payment;

import ar.booking.core.ports.Accommodations;
import ar.booking.core.ports.Reservations;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.reservation.ReservationStatus;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * The payment link for a hold: the deposit due, valid until the hold expires. Call it outside any
 * unit of work (it talks to the provider).
 */
public final class IssuePaymentLink {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM");

  private final Reservations reservations;
  private final Accommodations accommodations;
  private final PaymentGateway gateway;
  private final Clock clock;
  private final PaymentLinks links;

  /** Without a store: every call asks the provider for a link. */
  public IssuePaymentLink(
      Reservations reservations,
      Accommodations accommodations,
      PaymentGateway gateway,
      Clock clock) {
    this(reservations, accommodations, gateway, clock, null);
  }

  /**
   * The link is stored with the booking and reused while it is valid for the same amount; a new one
   * is created only when the amount due changed or the old one expired.
   */
  public IssuePaymentLink(
      Reservations reservations,
      Accommodations accommodations,
      PaymentGateway gateway,
      Clock clock,
      PaymentLinks links) {
    this.reservations = Objects.requireNonNull(reservations);
    this.accommodations = Objects.requireNonNull(accommodations);
    this.gateway = Objects.requireNonNull(gateway);
    this.clock = Objects.requireNonNull(clock);
    this.links = links;
  }

  public Outcome issue(ReservationCode code) {
    Reservation hold = reservations.find(code).orElse(null);
    if (hold == null) {
      return new NotPayable("no such reservation");
    }
    if (hold.status() != ReservationStatus.PRE_RESERVED || hold.isExpiredHold(clock.instant())) {
      return new NotPayable("only a live hold takes a payment link");
    }
    var due = hold.depositDue().orElse(null);
    if (due == null || due.isZero()) {
      return new NotPayable("nothing is due");
    }
    if (links != null) {
      var stored = links.find(code).orElse(null);
      if (stored != null
          && stored.amount().equals(due)
          && stored.expiresAt().isAfter(clock.instant())
          && !stored.expiresAt().isBefore(hold.holdExpiresAt())) {
        return new Issued(stored);
      }
    }
    String unit =
        accommodations.find(hold.accommodationId()).map(a -> a.name()).orElse("Alojamiento");
    String title =
        unit
            + " "
            + DAY.format(hold.period().checkIn())
            + "-"
            + DAY.format(hold.period().checkOut())
            + " ("
            + hold.period().nights()
            + " noches)";
    var request =
        new PaymentGateway.LinkRequest(
            code, title, due, hold.holdExpiresAt(), "link:" + code.value() + ":" + hold.version());
    return switch (gateway.createLink(request)) {
      case PaymentGateway.Created created -> {
        if (links != null) {
          links.save(created.link(), clock.instant());
        }
        yield new Issued(created.link());
      }
      case PaymentGateway.Failed failed -> new GatewayDown(failed.reason());
    };
  }

  /** Result of {@link #issue}. */
  public sealed interface Outcome permits Issued, NotPayable, GatewayDown {}

  public record Issued(PaymentLink link) implements Outcome {}

  public record NotPayable(String reason) implements Outcome {}

  public record GatewayDown(String reason) implements Outcome {}
}
