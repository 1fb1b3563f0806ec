package ar.booking.app.http;

import io.javalin.config.RoutesConfig;

/** A set of routes one controller adds to the HTTP API. */
@FunctionalInterface
public interface RouteGroup {
  void addTo(RoutesConfig routes);
}
