package ar.booking.app.admin;

import static ar.booking.app.admin.AdminApi.PREFIX;

import ar.booking.app.admin.ReservationRequests.Cancel;
import ar.booking.app.admin.ReservationRequests.Confirm;
import ar.booking.app.http.Actors;
import ar.booking.app.http.ApiException;
import ar.booking.core.ports.Reservations;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.shared.Money;
import ar.booking.core.usecase.BookingEngine;
import ar.booking.core.usecase.CancelReservation;
import ar.booking.core.usecase.ConfirmReservation;
import ar.booking.core.usecase.Unavailable;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * Reservations: search and read them, enter a booking or a block, cancel, confirm by hand, export
 * as CSV. Every change carries the authenticated actor to the use case for the audit trail.
 */
final class ReservationsController {

  private final BookingEngine engine;
  private final Reservations reservations;
  private final NewReservations creator;
  private final ReservationCsv csv;

  ReservationsController(BookingEngine engine, Reservations reservations, ReservationCsv csv) {
    this.engine = engine;
    this.reservations = reservations;
    this.creator = new NewReservations(engine);
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
    ctx.json(ReservationView.of(find(ctx)));
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
    Money paid = null;
    if (body.amountPaid() != null && current.quote() != null) {
      paid = Requests.money("amount_paid", body.amountPaid(), current.quote().total().currency());
    }
    var command = new ConfirmReservation.Command(current.code(), paid, actor);
    switch (engine.confirmReservation().execute(command)) {
      case ConfirmReservation.Confirmed r -> ctx.json(ReservationView.of(r.reservation()));
      case ConfirmReservation.AlreadyConfirmed r -> ctx.json(ReservationView.of(r.reservation()));
      case ConfirmReservation.NotFound r -> throw unknownReservation(current.code().value());
      case ConfirmReservation.NotConfirmable r ->
          throw new ApiException(
              409,
              "not_confirmable",
              "Only a guest booking on hold (or whose hold expired) can be confirmed; this one is "
                  + ReservationView.kind(current.kind())
                  + ", "
                  + Codes.of(r.status())
                  + ".",
              Map.of("status", Codes.of(r.status())));
      case Unavailable r -> throw Rejections.unavailable(r.conflicts());
    }
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
