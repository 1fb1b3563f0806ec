package ar.booking.app.admin;

import ar.booking.app.http.Actors;
import io.javalin.http.Handler;

/**
 * Defence in depth: every admin handler refuses (401) a request that reached it without an
 * authenticated actor, even if the authentication filter in front were mis-wired.
 */
final class Authenticated {

  private Authenticated() {}

  static Handler only(Handler handler) {
    return ctx -> {
      Actors.current(ctx);
      handler.handle(ctx);
    };
  }
}
