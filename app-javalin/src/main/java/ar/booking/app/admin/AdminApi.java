package ar.booking.app.admin;

import ar.booking.app.http.RouteGroup;
import ar.booking.core.payment.PaymentLinks;
import ar.booking.core.payment.Payments;
import ar.booking.core.payment.RecordPayment;
import ar.booking.core.ports.Accommodations;
import ar.booking.core.ports.Reservations;
import ar.booking.core.shared.AccommodationId;
import ar.booking.core.usecase.BookingEngine;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The owner's API under {@code /api/v1/admin}: units, availability and quotes, the calendar and
 * reservations, calendar sync. Authentication happens before these routes (the platform's filter
 * sets the actor).
 */
public final class AdminApi {

  public static final String PREFIX = "/api/v1/admin";

  private final BookingEngine engine;
  private final Accommodations accommodations;
  private final Reservations reservations;
  private final Payments payments;
  private final PaymentLinks paymentLinks;
  private final RecordPayment recordPayment;
  private final Clock clock;
  private final CalendarSyncAdmin calendarSync;
  private final Consumer<AccommodationId> beforeHold;

  public AdminApi(
      BookingEngine engine,
      Accommodations accommodations,
      Reservations reservations,
      Payments payments,
      PaymentLinks paymentLinks,
      RecordPayment recordPayment,
      Clock clock,
      CalendarSyncAdmin calendarSync,
      Consumer<AccommodationId> beforeHold) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.accommodations = Objects.requireNonNull(accommodations, "accommodations");
    this.reservations = Objects.requireNonNull(reservations, "reservations");
    this.payments = Objects.requireNonNull(payments, "payments");
    this.paymentLinks = Objects.requireNonNull(paymentLinks, "paymentLinks");
    this.recordPayment = Objects.requireNonNull(recordPayment, "recordPayment");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.calendarSync = Objects.requireNonNull(calendarSync, "calendarSync");
    this.beforeHold = Objects.requireNonNull(beforeHold, "beforeHold");
  }

  /** The route groups of the owner's API (login is the platform's, not here). */
  public List<RouteGroup> routes() {
    return List.of(
        new AccommodationsController(accommodations)::addTo,
        new AvailabilityController(engine)::addTo,
        new CalendarController(engine, accommodations)::addTo,
        new ReservationsController(
                engine,
                reservations,
                payments,
                paymentLinks,
                recordPayment,
                new ReservationCsv(accommodations, reservations, clock),
                beforeHold)
            ::addTo,
        new CalendarSyncController(calendarSync, accommodations, clock)::addTo);
  }
}
