package ar.booking.app.admin;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.ports.Accommodations;
import ar.booking.core.ports.ReservationQuery;
import ar.booking.core.ports.Reservations;
import ar.booking.core.reservation.Reservation;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code GET /reservations/export.csv}: every reservation matching the filters (paging ignored), as
 * RFC 4180 CSV in UTF-8 with a byte-order mark so spreadsheets show accents right. Cells that a
 * spreadsheet would run as a formula are prefixed with {@code '}.
 */
final class ReservationCsv {

  static final int MAX_ROWS = 100_000;
  static final String HEADER =
      "code,accommodation_id,accommodation,kind,status,check_in,check_out,nights,guests,"
          + "guest_name,guest_phone,guest_email,channel,currency,total,deposit,amount_paid,note,"
          + "created_at";

  private static final Pattern NUMBER_LIKE = Pattern.compile("[+-]?[0-9][0-9 ().-]*");

  private final Accommodations accommodations;
  private final Reservations reservations;
  private final Clock clock;

  ReservationCsv(Accommodations accommodations, Reservations reservations, Clock clock) {
    this.accommodations = accommodations;
    this.reservations = reservations;
    this.clock = clock;
  }

  void write(Context ctx, ReservationQuery filters) {
    Map<Long, String> names =
        accommodations.findAll().stream()
            .collect(Collectors.toMap(a -> a.id().value(), Accommodation::name));
    StringBuilder out = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
    int offset = 0;
    while (offset < MAX_ROWS) {
      List<Reservation> page =
          reservations.search(filters.page(offset, ReservationQuery.MAX_LIMIT)).items();
      page.forEach(r -> row(out, r, names));
      if (page.size() < ReservationQuery.MAX_LIMIT) {
        break;
      }
      offset += page.size();
    }
    String file = "reservations-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + ".csv";
    ctx.contentType("text/csv; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
        .result(out.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void row(StringBuilder out, Reservation r, Map<Long, String> names) {
    Function<Object, String> text = v -> v == null ? "" : v.toString();
    var quote = r.agreedQuote();
    List<String> cells =
        List.of(
            r.code().value(),
            text.apply(r.accommodationId()),
            names.getOrDefault(r.accommodationId().value(), ""),
            ReservationView.kind(r.kind()),
            Codes.of(r.status()),
            r.period().checkIn().toString(),
            r.period().checkOut().toString(),
            Integer.toString(r.period().nights()),
            text.apply(r.guests()),
            text.apply(r.contact().name()),
            text.apply(r.contact().phone()),
            text.apply(r.contact().email()),
            Codes.of(r.channel()),
            quote.map(q -> q.total().currency().getCurrencyCode()).orElse(""),
            quote.map(q -> q.total().amount().toPlainString()).orElse(""),
            quote.map(q -> q.deposit().amount().toPlainString()).orElse(""),
            r.amountPaid() == null ? "" : r.amountPaid().amount().toPlainString(),
            r.note(),
            r.createdAt().toString());
    out.append(cells.stream().map(ReservationCsv::cell).collect(Collectors.joining(",")));
    out.append("\r\n");
  }

  /** One CSV cell: formula-looking text neutralised, then quoted when it needs to be. */
  static String cell(String value) {
    String safe = value;
    if (!safe.isEmpty()
        && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0
        && !NUMBER_LIKE.matcher(safe).matches()) {
      safe = "'" + safe;
    }
    if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
      return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
    return safe;
  }
}
