package ar.booking.app.nlu;

import ar.booking.app.http.Actors;
import ar.booking.app.http.ApiException;
import ar.booking.app.http.RouteGroup;
import ar.booking.core.conversation.BookingRequest;
import ar.booking.core.conversation.ParseProblem;
import ar.booking.core.conversation.SpanishRequestParser;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * {@code POST /api/v1/nlu/parse}: what the parser reads in a guest's message. Admin token required;
 * it has no side effects — nothing is created, held or stored.
 */
public final class NluApi {

  public static final String PATH = "/api/v1/nlu/parse";

  /** A WhatsApp text message is at most 4 096 characters. */
  static final int MAX_TEXT_LENGTH = 4096;

  private final SpanishRequestParser parser;
  private final Clock clock;
  private final ZoneId zone;

  /**
   * @param zone the lodging's time zone: "today" defaults to the date there
   */
  public NluApi(SpanishRequestParser parser, Clock clock, ZoneId zone) {
    this.parser = Objects.requireNonNull(parser, "parser");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  record ParseRequest(String text, String today) {}

  record ProblemView(String code, String detail) {}

  record ParseView(
      String intent,
      LocalDate checkIn,
      LocalDate checkOut,
      Integer nights,
      Integer guests,
      Integer adults,
      Integer children,
      String unitHint,
      List<ProblemView> problems) {}

  public RouteGroup routes() {
    return routes -> routes.post(PATH, this::parse);
  }

  private void parse(Context ctx) {
    Actors.current(ctx);
    ParseRequest request = ctx.bodyAsClass(ParseRequest.class);
    if (request == null || request.text() == null || request.text().isBlank()) {
      throw ApiException.badRequest("Field 'text' is required and must not be blank.");
    }
    if (request.text().length() > MAX_TEXT_LENGTH) {
      throw ApiException.badRequest(
          "Field 'text' is longer than " + MAX_TEXT_LENGTH + " characters.");
    }
    LocalDate today = today(request.today());
    ctx.json(view(parser.parse(request.text(), today)));
  }

  private LocalDate today(String value) {
    if (value == null || value.isBlank()) {
      return LocalDate.now(clock.withZone(zone));
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("Field 'today' must be a date as yyyy-mm-dd, got: " + value);
    }
  }

  static ParseView view(BookingRequest request) {
    return new ParseView(
        request.intent().name().toLowerCase(Locale.ROOT),
        request.checkIn().orElse(null),
        request.checkOut().orElse(null),
        boxed(request.nights()),
        boxed(request.guests()),
        boxed(request.adults()),
        boxed(request.children()),
        request.unitHint().orElse(null),
        request.problems().stream().map(NluApi::problem).toList());
  }

  private static ProblemView problem(ParseProblem problem) {
    return new ProblemView(problem.code().name().toLowerCase(Locale.ROOT), problem.detail());
  }

  private static Integer boxed(OptionalInt value) {
    return value.isPresent() ? value.getAsInt() : null;
  }
}
