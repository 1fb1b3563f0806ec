package ar.booking.core.usecase;

import ar.booking.core.ports.Accommodations;
import ar.booking.core.ports.BookingEvents;
import ar.booking.core.ports.BookingLocks;
import ar.booking.core.ports.Reservations;
import ar.booking.core.ports.Transactions;
import java.time.Clock;
import java.util.Objects;

/**
 * Every booking use case, built once from the ports. This is what an application embedding
 * booking-core holds on to; each use case is thread-safe.
 */
public final class BookingEngine {

  private final CheckAvailability checkAvailability;
  private final QuoteStay quoteStay;
  private final PlaceHold placeHold;
  private final CreateOwnerBooking createOwnerBooking;
  private final ConfirmReservation confirmReservation;
  private final CancelReservation cancelReservation;
  private final ExpireHolds expireHolds;
  private final BlockDates blockDates;
  private final UnblockDates unblockDates;
  private final ListBusyPeriods listBusyPeriods;

  public BookingEngine(
      Accommodations accommodations,
      Reservations reservations,
      Transactions transactions,
      BookingLocks locks,
      BookingEvents events,
      Clock clock,
      BookingSettings settings) {
    Objects.requireNonNull(accommodations, "accommodations");
    Objects.requireNonNull(reservations, "reservations");
    Objects.requireNonNull(transactions, "transactions");
    Objects.requireNonNull(locks, "locks");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(settings, "settings");
    OccupancyWriter writer = new OccupancyWriter(reservations, locks, events, settings.lockWait());
    this.checkAvailability = new CheckAvailability(accommodations, reservations, settings, clock);
    this.quoteStay = new QuoteStay(accommodations, reservations, settings, clock);
    this.placeHold = new PlaceHold(accommodations, writer, settings, clock);
    this.createOwnerBooking = new CreateOwnerBooking(accommodations, writer, settings, clock);
    this.confirmReservation = new ConfirmReservation(reservations, transactions, clock);
    this.cancelReservation = new CancelReservation(reservations, transactions, clock);
    this.expireHolds = new ExpireHolds(reservations, transactions, clock);
    this.blockDates = new BlockDates(accommodations, writer, clock);
    this.unblockDates = new UnblockDates(reservations, transactions, clock);
    this.listBusyPeriods = new ListBusyPeriods(reservations);
  }

  public CheckAvailability checkAvailability() {
    return checkAvailability;
  }

  public QuoteStay quoteStay() {
    return quoteStay;
  }

  public PlaceHold placeHold() {
    return placeHold;
  }

  public CreateOwnerBooking createOwnerBooking() {
    return createOwnerBooking;
  }

  public ConfirmReservation confirmReservation() {
    return confirmReservation;
  }

  public CancelReservation cancelReservation() {
    return cancelReservation;
  }

  public ExpireHolds expireHolds() {
    return expireHolds;
  }

  public BlockDates blockDates() {
    return blockDates;
  }

  public UnblockDates unblockDates() {
    return unblockDates;
  }

  public ListBusyPeriods listBusyPeriods() {
    return listBusyPeriods;
  }
}
