package ar.booking.app.admin;

import ar.booking.core.ports.ReservationQuery;
import ar.booking.core.reservation.ReservationStatus;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The filters of {@code GET /reservations} and its CSV export: {@code status}, {@code
 * accommodation_id}, {@code from}/{@code to} (stays with a night in {@code [from, to)}), {@code q}
 * (text), {@code offset} and {@code limit}.
 */
final class ReservationFilters {

  static final int DEFAULT_LIMIT = 50;

  private ReservationFilters() {}

  static ReservationQuery from(Context ctx) {
    Optional<ReservationStatus> status =
        Requests.optionalParam(ctx, "status")
            .map(s -> Codes.parse("status", s, ReservationStatus.class));
    Optional<LocalDate> from = Requests.optionalDate(ctx, "from");
    Optional<LocalDate> to = Requests.optionalDate(ctx, "to");
    if (from.isPresent() && to.isPresent() && !to.get().isAfter(from.get())) {
      throw Requests.invalid("to", "must be after from");
    }
    Optional<String> text = Requests.optionalParam(ctx, "q");
    if (text.isPresent() && text.get().length() > 200) {
      throw Requests.invalid("q", "must be at most 200 characters");
    }
    return new ReservationQuery(
        status,
        Requests.optionalUnit(ctx, "accommodation_id"),
        from,
        to,
        text,
        Requests.optionalInt(ctx, "offset", 0, 0, Integer.MAX_VALUE),
        Requests.optionalInt(ctx, "limit", DEFAULT_LIMIT, 1, ReservationQuery.MAX_LIMIT));
  }
}
