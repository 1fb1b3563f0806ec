package ar.booking.persistence.archfixture;

import io.javalin.http.Context;

/** A planted violation: an adapter handling HTTP itself. Only used by the rule test. */
public class WebLeak {
  public String path(Context ctx) {
    return ctx.path();
  }
}
