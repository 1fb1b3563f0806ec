package ar.booking.app.admin;

import static ar.booking.app.admin.AdminApi.PREFIX;

import ar.booking.app.admin.ReservationRequests.Cancel;
import ar.booking.app.admin.ReservationRequests.Confirm;
import ar.booking.app.http.Actors;
import ar.booking.app.http.ApiException;
import ar.booking.core.payment.PaymentLinks;
import ar.booking.core.payment.PaymentProvider;
import ar.booking.core.payment.PaymentStatus;
import ar.booking.core.payment.Payments;
import ar.booking.core.payment.RecordPayment;
import ar.booking.core.ports.Reservations;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.reservation.ReservationStatus;
import ar.booking.core.shared.Money;
import ar.booking.core.usecase.BookingEngine;
import ar.booking.core.usecase.CancelReservation;
import ar.booking.core.usecase.ConfirmReservation;
import ar.booking.core.usecase.Unavailable;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reservations: search and read them, enter a booking or a block, cancel, confirm by hand, export
 * as CSV. Every change carries the authenticated actor to the use case for the audit trail.
 */
final class ReservationsController {

  private final BookingEngine engine;
  private final Reservations reservations;
  private final Payments payments;
  private final PaymentLinks paymentLinks;
  private final RecordPayment recordPayment;
  private final NewReservations creator;
  private final ReservationCsv csv;

  ReservationsController(
      BookingEngine engine,
      Reservations reservations,
      Payments payments,
      PaymentLinks paymentLinks,
      RecordPayment recordPayment,
      ReservationCsv csv,
      java.util.function.Consumer<ar.booking.core.shared.AccommodationId> beforeHold) {
    this.engine = engine;
    this.reservations = reservations;
    this.payments = payments;
    this.paymentLinks = paymentLinks;
    this.recordPayment = recordPayment;
    this.creator = new NewReservations(engine, beforeHold);
    this.csv = csv;
  }

  void addTo(RoutesConfig routes) {
    routes.get(PREFIX + "/reservations", Authenticated.only(this::list));
    // Before /reservations/{code}, so the export is not read as a code.
    routes.get(PREFIX + "/reservations/export.csv", Authenticated.only(this::export));
    routes.get(PREFIX + "/reservations/{code}", Authenticated.only(this::read));
    routes.post(PREFIX + "/reservations", Authenticated.only(this::create));
    routes.post(PREFIX + "/reservations/{code}/cancel", Authenticated.only(this::cancel));
    routes.post(PREFIX + "/reservations/{code}/confirm", Authenticated.only(this::confirm));
  }

  /** A page of results with the total that match. */
  record PageView(List<ReservationView> items, long total, int offset, int limit) {}

  private void list(Context ctx) {
    var query = ReservationFilters.from(ctx);
    Reservations.Page page = reservations.search(query);
    ctx.json(
        new PageView(
            page.items().stream().map(ReservationView::of).toList(),
            page.total(),
            query.offset(),
            query.limit()));
  }

  private void export(Context ctx) {
    csv.write(ctx, ReservationFilters.from(ctx));
  }

  private void read(Context ctx) {
    Reservation r = find(ctx);
    ctx.json(ReservationView.of(r, payments.ofReservation(r.code()), paymentLinks.flag(r.code())));
  }

  private ReservationView withPayments(Reservation r) {
    return ReservationView.of(r, payments.ofReservation(r.code()), paymentLinks.flag(r.code()));
  }

  private void create(Context ctx) {
    Reservation created =
        creator.create(Requests.body(ctx, ReservationRequests.Create.class), Actors.current(ctx));
    ctx.status(201)
        .header("Location", PREFIX + "/reservations/" + created.code())
        .json(ReservationView.of(created));
  }

  private void cancel(Context ctx) {
    String actor = Actors.current(ctx);
    ReservationCode code = code(ctx);
    Cancel body = Requests.optionalBody(ctx, Cancel.class, Cancel.NONE);
    if (body.reason() != null && body.reason().length() > 2000) {
      throw Requests.invalid("reason", "must be at most 2000 characters");
    }
    var command = new CancelReservation.Command(code, body.reason(), actor);
    switch (engine.cancelReservation().execute(command)) {
      case CancelReservation.Cancelled r -> ctx.json(ReservationView.of(r.reservation()));
      case CancelReservation.AlreadyCancelled r -> ctx.json(ReservationView.of(r.reservation()));
      case CancelReservation.NotFound r -> throw unknownReservation(code.value());
      case CancelReservation.NotCancellable r ->
          throw new ApiException(
              409,
              "not_cancellable",
              "A " + Codes.of(r.status()) + " reservation cannot be cancelled.",
              Map.of("status", Codes.of(r.status())));
    }
  }

  private void confirm(Context ctx) {
    String actor = Actors.current(ctx);
    Reservation current = find(ctx);
    Confirm body = Requests.optionalBody(ctx, Confirm.class, Confirm.NONE);
    if (body.amountPaid() != null && current.quote() != null && body.amountPaid().signum() != 0) {
      Money paid =
          Requests.money("amount_paid", body.amountPaid(), current.quote().total().currency());
      recordManualPayment(ctx, current, paid, body.reference(), actor);
      return;
    }
    var command = new ConfirmReservation.Command(current.code(), actor);
    switch (engine.confirmReservation().execute(command)) {
      case ConfirmReservation.Confirmed r -> ctx.json(withPayments(r.reservation()));
      case ConfirmReservation.AlreadyConfirmed r -> ctx.json(withPayments(r.reservation()));
      case ConfirmReservation.NotFound r -> throw unknownReservation(current.code().value());
      case ConfirmReservation.NotConfirmable r -> throw notConfirmable(current, r.status());
      case Unavailable r -> throw Rejections.unavailable(r.conflicts());
    }
  }

  /** Money the owner received: recorded as a payment, and the booking confirmed (or added to). */
  private void recordManualPayment(
      Context ctx, Reservation current, Money paid, String reference, String actor) {
    if (reference != null && (reference.isBlank() || reference.length() > 100)) {
      throw Requests.invalid("reference", "must be 1..100 characters");
    }
    String id = reference != null ? reference.strip() : "admin-" + UUID.randomUUID();
    var command =
        new RecordPayment.Command(
            current.code(),
            PaymentProvider.MANUAL,
            id,
            paid,
            PaymentStatus.APPROVED,
            null,
            RecordPayment.ConfirmWhen.ALWAYS,
            actor);
    switch (recordPayment.execute(command)) {
      case RecordPayment.Recorded r -> {
        if (r.confirmation() == RecordPayment.Confirmation.NIGHTS_TAKEN) {
          ApiException taken = Rejections.unavailable(r.conflicts());
          Map<String, Object> details = new java.util.LinkedHashMap<>(taken.body());
          details.remove("error");
          details.remove("message");
          details.put("payment_recorded", true);
          throw new ApiException(
              409,
              taken.code(),
              "The payment was recorded, but the nights were taken meanwhile: refund it or"
                  + " move the guest.",
              details);
        }
        ctx.json(withPayments(r.reservation()));
      }
      case RecordPayment.NotFound r -> throw unknownReservation(current.code().value());
      case RecordPayment.NotPayable r -> throw notConfirmable(current, r.status());
      case RecordPayment.CurrencyMismatch r ->
          throw Requests.invalid("amount_paid", "must be in " + r.expected().getCurrencyCode());
    }
  }

  private static ApiException notConfirmable(Reservation current, ReservationStatus status) {
    return new ApiException(
        409,
        "not_confirmable",
        "Only a guest booking on hold (or whose hold expired) can be confirmed or paid into; this"
            + " one is "
            + ReservationView.kind(current.kind())
            + ", "
            + Codes.of(status)
            + ".",
        Map.of("status", Codes.of(status)));
  }

  private Reservation find(Context ctx) {
    ReservationCode code = code(ctx);
    return reservations.find(code).orElseThrow(() -> unknownReservation(code.value()));
  }

  private static ReservationCode code(Context ctx) {
    String text = ctx.pathParam("code");
    try {
      return ReservationCode.parse(text);
    } catch (IllegalArgumentException e) {
      throw unknownReservation(text);
    }
  }

  private static ApiException unknownReservation(String code) {
    return new ApiException(404, "unknown_reservation", "There is no reservation " + code + ".");
  }
}
