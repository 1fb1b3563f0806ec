package ar.booking.app.admin;

import static ar.booking.app.admin.AdminApi.PREFIX;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.calendar.BusyPeriod;
import ar.booking.core.ports.Accommodations;
import ar.booking.core.shared.AccommodationId;
import ar.booking.core.usecase.BookingEngine;
import ar.booking.core.usecase.ListBusyPeriods;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The taken nights of every unit (or one) within {@code [from, to)}, with what takes them. */
final class CalendarController {

  private final BookingEngine engine;
  private final Accommodations accommodations;

  CalendarController(BookingEngine engine, Accommodations accommodations) {
    this.engine = engine;
    this.accommodations = accommodations;
  }

  void addTo(RoutesConfig routes) {
    routes.get(PREFIX + "/calendar", Authenticated.only(this::calendar));
  }

  record CalendarView(LocalDate from, LocalDate to, List<UnitCalendar> units) {}

  record UnitCalendar(long accommodationId, String name, boolean active, List<BusyView> busy) {}

  private void calendar(Context ctx) {
    LocalDate from = Requests.requiredDate(ctx, "from");
    LocalDate to = Requests.requiredDate(ctx, "to");
    if (!to.isAfter(from)) {
      throw Requests.invalid("to", "must be after from");
    }
    if (from.plusDays(ListBusyPeriods.MAX_DAYS).isBefore(to)) {
      throw Requests.invalid(
          "to", "must be at most " + ListBusyPeriods.MAX_DAYS + " days after from");
    }
    Optional<AccommodationId> only = Requests.optionalUnit(ctx, "accommodation_id");
    List<Accommodation> units =
        only.isPresent()
            ? List.of(
                accommodations
                    .find(only.get())
                    .orElseThrow(() -> AccommodationsController.unknownUnit(only.get())))
            : accommodations.findAll();
    Map<AccommodationId, List<BusyPeriod>> busy =
        engine.listBusyPeriods().execute(new ListBusyPeriods.Query(only, from, to)).stream()
            .collect(Collectors.groupingBy(BusyPeriod::accommodationId));
    ctx.json(
        new CalendarView(
            from,
            to,
            units.stream()
                .map(
                    u ->
                        new UnitCalendar(
                            u.id().value(),
                            u.name(),
                            u.active(),
                            BusyView.of(busy.getOrDefault(u.id(), List.of()))))
                .toList()));
  }
}
