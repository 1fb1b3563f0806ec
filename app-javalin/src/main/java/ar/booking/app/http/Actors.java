package ar.booking.app.http;

import io.javalin.http.Context;

/**
 * Who is making the request, as the authentication filter established it ({@code
 * "admin:<e-mail>"}). Recorded on every change for the audit trail.
 */
public final class Actors {

  /** The request attribute the authentication filter sets. */
  public static final String ATTRIBUTE = "booking.actor";

  private Actors() {}

  /** The authenticated actor; a 401 when the request carries none. */
  public static String current(Context ctx) {
    String actor = ctx.attribute(ATTRIBUTE);
    if (actor == null) {
      throw new ApiException(401, "unauthorized", "A valid bearer token is required.");
    }
    return actor;
  }
}
