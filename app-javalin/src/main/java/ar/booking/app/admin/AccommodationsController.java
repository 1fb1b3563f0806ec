package ar.booking.app.admin;

import static ar.booking.app.admin.AdminApi.PREFIX;

import ar.booking.app.http.ApiException;
import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.ports.Accommodations;
import ar.booking.core.shared.AccommodationId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/**
 * The owner's units: list, add, read, replace. Units are never deleted; {@code PUT} with {@code
 * "active": false} takes one off sale and keeps its history.
 */
final class AccommodationsController {

  private final Accommodations accommodations;

  AccommodationsController(Accommodations accommodations) {
    this.accommodations = accommodations;
  }

  void addTo(RoutesConfig routes) {
    routes.get(PREFIX + "/accommodations", Authenticated.only(this::list));
    routes.post(PREFIX + "/accommodations", Authenticated.only(this::create));
    routes.get(PREFIX + "/accommodations/{id}", Authenticated.only(this::read));
    routes.put(PREFIX + "/accommodations/{id}", Authenticated.only(this::update));
  }

  private void list(Context ctx) {
    ctx.json(Map.of("items", accommodations.findAll().stream().map(UnitView::of).toList()));
  }

  private void create(Context ctx) {
    UnitRequest request = Requests.body(ctx, UnitRequest.class);
    if (request.id() != null) {
      throw Requests.invalid("id", "is assigned by the server; leave it out");
    }
    // Validate before taking an id, so a refused request leaves no trace.
    UnitForm.create(new AccommodationId(1), request);
    Accommodation added = accommodations.add(UnitForm.create(accommodations.nextId(), request));
    ctx.status(201)
        .header("Location", PREFIX + "/accommodations/" + added.id())
        .json(UnitView.of(added));
  }

  private void read(Context ctx) {
    ctx.json(UnitView.of(find(ctx)));
  }

  private void update(Context ctx) {
    Accommodation current = find(ctx);
    UnitRequest request = Requests.body(ctx, UnitRequest.class);
    ctx.json(UnitView.of(accommodations.update(UnitForm.update(current, request))));
  }

  private Accommodation find(Context ctx) {
    String id = ctx.pathParam("id");
    AccommodationId unit;
    try {
      unit = new AccommodationId(Long.parseLong(id));
    } catch (IllegalArgumentException e) {
      throw unknownUnit(id);
    }
    return accommodations.find(unit).orElseThrow(() -> unknownUnit(id));
  }

  static ApiException unknownUnit(Object id) {
    return new ApiException(404, "unknown_accommodation", "There is no unit with id " + id + ".");
  }
}
