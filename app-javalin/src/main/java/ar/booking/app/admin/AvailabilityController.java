package ar.booking.app.admin;

import static ar.booking.app.admin.AdminApi.PREFIX;

import ar.booking.core.stay.GuestCount;
import ar.booking.core.stay.StayPeriod;
import ar.booking.core.usecase.BookingEngine;
import ar.booking.core.usecase.CheckAvailability;
import ar.booking.core.usecase.QuoteStay;
import ar.booking.core.usecase.StayRejection;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.List;

/** Which units can take a stay, and the price of a stay on one unit. */
final class AvailabilityController {

  static final int MAX_GUESTS = UnitForm.MAX_CAPACITY;
  static final int MAX_ASKED_NIGHTS = 366;

  private final BookingEngine engine;

  AvailabilityController(BookingEngine engine) {
    this.engine = engine;
  }

  void addTo(RoutesConfig routes) {
    routes.get(PREFIX + "/availability", Authenticated.only(this::availability));
    routes.get(PREFIX + "/quote", Authenticated.only(this::quote));
  }

  /** One option per active unit: available with its quote, or not with the reason. */
  record AvailabilityView(
      LocalDate checkIn, LocalDate checkOut, int guests, List<OptionView> options) {}

  record OptionView(
      long accommodationId,
      String name,
      boolean available,
      String reason,
      String reasonMessage,
      QuoteView quote,
      List<BusyView> conflicts) {}

  /** A quote on one unit; {@code available} is false (with the conflicts) when nights are taken. */
  record UnitQuoteView(
      long accommodationId,
      String name,
      int guests,
      boolean available,
      QuoteView quote,
      List<BusyView> conflicts) {}

  private void availability(Context ctx) {
    StayPeriod period = stayPeriod(ctx);
    GuestCount guests = guests(ctx);
    CheckAvailability.Options options =
        engine.checkAvailability().execute(new CheckAvailability.Command(period, guests));
    ctx.json(
        new AvailabilityView(
            period.checkIn(),
            period.checkOut(),
            guests.value(),
            options.options().stream().map(o -> option(o, guests)).toList()));
  }

  private static OptionView option(CheckAvailability.Option option, GuestCount guests) {
    String reason = option.reason().map(AvailabilityController::reasonCode).orElse(null);
    String message =
        option
            .reason()
            .map(
                r ->
                    switch (r) {
                      case OCCUPIED -> Rejections.unavailableMessage(option.conflicts());
                      case TOO_MANY_GUESTS ->
                          Rejections.tooManyGuests(option.unit().capacity(), guests.value());
                      case BELOW_MINIMUM_STAY ->
                          Rejections.belowMinimumStay(
                              option.minNights(), option.quote().nightCount());
                      case CHECK_IN_IN_PAST -> "The check-in date is in the past.";
                      case STAY_TOO_LONG -> "The stay is longer than the longest stay allowed.";
                    })
            .orElse(null);
    return new OptionView(
        option.unit().id().value(),
        option.unit().name(),
        option.available(),
        reason,
        message,
        option.available() ? QuoteView.of(option.quote()) : null,
        BusyView.of(option.conflicts()));
  }

  private static String reasonCode(CheckAvailability.Reason reason) {
    return reason == CheckAvailability.Reason.OCCUPIED ? "unavailable" : Codes.of(reason);
  }

  private void quote(Context ctx) {
    var unit = Requests.requiredUnit(ctx, "accommodation_id");
    StayPeriod period = stayPeriod(ctx);
    GuestCount guests = guests(ctx);
    switch (engine.quoteStay().execute(new QuoteStay.Command(unit, period, guests))) {
      case QuoteStay.Quoted quoted ->
          ctx.json(
              new UnitQuoteView(
                  quoted.unit().id().value(),
                  quoted.unit().name(),
                  guests.value(),
                  quoted.available(),
                  QuoteView.of(quoted.quote()),
                  BusyView.of(quoted.conflicts())));
      case StayRejection rejection -> throw Rejections.of(rejection);
    }
  }

  /** {@code check_in} and {@code check_out} from the query string, check-out after check-in. */
  static StayPeriod stayPeriod(Context ctx) {
    LocalDate checkIn = Requests.requiredDate(ctx, "check_in");
    LocalDate checkOut = Requests.requiredDate(ctx, "check_out");
    StayPeriod period = period(checkIn, checkOut);
    // Every unit's quote is priced night by night: bound the work a single request can ask for.
    if (period.nights() > MAX_ASKED_NIGHTS) {
      throw Requests.invalid(
          "check_out", "must be at most " + MAX_ASKED_NIGHTS + " nights after check_in");
    }
    return period;
  }

  static StayPeriod period(LocalDate checkIn, LocalDate checkOut) {
    if (!checkOut.isAfter(checkIn)) {
      throw Requests.invalid("check_out", "must be after check_in");
    }
    return new StayPeriod(checkIn, checkOut);
  }

  private static GuestCount guests(Context ctx) {
    return new GuestCount(Requests.requiredInt(ctx, "guests", 1, MAX_GUESTS));
  }
}
