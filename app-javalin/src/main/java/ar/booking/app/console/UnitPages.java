package ar.booking.app.console;

import static ar.booking.app.console.ConsoleApi.FEEDS;
import static ar.booking.app.console.ConsoleApi.UNITS;

import ar.booking.app.http.Actors;
import ar.booking.app.ical.IcalExportApi;
import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.accommodation.AccommodationType;
import ar.booking.core.accommodation.Holiday;
import ar.booking.core.accommodation.PricingPolicy;
import ar.booking.core.accommodation.Season;
import ar.booking.core.calendarsync.AddFeed;
import ar.booking.core.calendarsync.CalendarFeed;
import ar.booking.core.calendarsync.FeedHealth;
import ar.booking.core.calendarsync.FeedId;
import ar.booking.core.calendarsync.FeedSource;
import ar.booking.core.calendarsync.RemoveFeed;
import ar.booking.core.calendarsync.SyncCalendar;
import ar.booking.core.shared.AccommodationId;
import ar.booking.core.shared.Money;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Units: the list, adding one, its prices, seasons and holidays, and its calendar feeds (add,
 * remove, sync now, status, the export URL) through the calendar-sync use cases of the admin API.
 */
final class UnitPages {

  private static final Logger log = LoggerFactory.getLogger(UnitPages.class);

  static final int MAX_CAPACITY = 100;
  static final int MAX_MIN_NIGHTS = 365;

  private final ConsoleServices services;
  private final Pages pages;

  UnitPages(ConsoleServices services, Pages pages) {
    this.services = services;
    this.pages = pages;
  }

  void addTo(RoutesConfig routes) {
    routes.get(UNITS, this::list);
    routes.post(UNITS, this::add);
    routes.get(
        UNITS + "/{id}", ctx -> show(ctx, unit(ctx), ConsoleApi.frame(ctx, "Unidad", "units")));
    routes.post(UNITS + "/{id}", this::save);
    routes.post(UNITS + "/{id}/seasons", this::addSeason);
    routes.post(UNITS + "/{id}/seasons/{index}/remove", this::removeSeason);
    routes.post(UNITS + "/{id}/holidays", this::addHoliday);
    routes.post(UNITS + "/{id}/holidays/{index}/remove", this::removeHoliday);
    routes.post(UNITS + "/{id}/feeds", this::addFeed);
    routes.post(UNITS + "/{id}/sync", this::sync);
    routes.post(FEEDS + "/{id}/remove", this::removeFeed);
  }

  // ---- the list and a new unit ----

  private void list(Context ctx) {
    showList(ctx, ConsoleApi.frame(ctx, "Unidades", "units"));
  }

  private void showList(Context ctx, Views.Frame frame) {
    ConsoleApi.html(
        ctx,
        pages,
        "units.jte",
        new Views.UnitsView(
            frame,
            services.accommodations().findAll().stream()
                .map(
                    u ->
                        new Views.UnitRowView(
                            u.id().value(),
                            u.name(),
                            type(u.type()),
                            u.capacity(),
                            Labels.money(u.pricing().baseNightlyRate()),
                            u.active()))
                .toList(),
            Arrays.stream(AccommodationType.values())
                .map(t -> new Views.Option(t.name(), type(t), t == AccommodationType.CABIN))
                .toList()));
  }

  private void add(Context ctx) {
    try {
      String name = text(ctx, "name", "el nombre", 200);
      AccommodationType type = AccommodationType.valueOf(required(ctx, "type", "el tipo"));
      int capacity = integer(ctx, "capacity", "la capacidad", 1, MAX_CAPACITY);
      Money base = money(ctx, "base_price", "el precio por noche");
      Accommodation unit =
          new Accommodation(
              services.accommodations().nextId(),
              name,
              type,
              capacity,
              "",
              List.of(),
              null,
              null,
              services.zone(),
              true,
              PricingPolicy.flat(base),
              1);
      Accommodation added = services.accommodations().add(unit);
      log.info("Console added unit {} ({})", added.id(), added.name());
      throw ConsoleApi.Halt.redirect(UNITS + "/" + added.id().value() + "?notice=unit-added");
    } catch (IllegalArgumentException e) {
      ctx.status(400);
      showList(ctx, ConsoleApi.frame(ctx, "Unidades", "units", null, message(e)));
    }
  }

  // ---- one unit ----

  private void show(Context ctx, Accommodation unit, Views.Frame frame) {
    PricingPolicy p = unit.pricing();
    List<Views.SeasonRow> seasons = new ArrayList<>();
    for (int i = 0; i < p.seasons().size(); i++) {
      Season s = p.seasons().get(i);
      seasons.add(
          new Views.SeasonRow(
              i,
              s.name(),
              Labels.date(s.firstNight()),
              Labels.date(s.lastNight()),
              Labels.money(s.nightlyRate()),
              s.minimumNights().map(String::valueOf).orElse("")));
    }
    List<Views.HolidayRow> holidays = new ArrayList<>();
    for (int i = 0; i < p.holidays().size(); i++) {
      Holiday h = p.holidays().get(i);
      holidays.add(
          new Views.HolidayRow(
              i,
              Labels.date(h.date()),
              h.name(),
              h.ownRate().map(Labels::money).orElse("como fin de semana")));
    }
    Instant now = services.clock().instant();
    List<Views.FeedRow> feeds =
        services.calendarSync().feeds().ofUnit(unit.id()).stream()
            .map(f -> feedRow(f, now))
            .toList();
    String exportUrl =
        services.calendarSync().baseUrl()
            + IcalExportApi.path(unit.id(), services.calendarSync().tokens().tokenFor(unit));
    ConsoleApi.html(
        ctx,
        pages,
        "unit.jte",
        new Views.UnitView(
            new Views.Frame(
                unit.name(), "units", frame.email(), frame.csrf(), frame.notice(), frame.error()),
            unit.id().value(),
            unit.name(),
            type(unit.type()),
            unit.capacity(),
            unit.active(),
            Labels.plain(p.baseNightlyRate().amount()),
            Labels.plain(p.weekendMultiplier()),
            p.minNights(),
            Labels.plain(p.cleaningFee().amount()),
            p.depositPercentage(),
            p.baseNightlyRate().currency().getCurrencyCode(),
            seasons,
            holidays,
            feeds,
            exportUrl,
            Arrays.stream(FeedSource.values())
                .map(s -> new Views.Option(s.label(), Labels.source(s.channel()), false))
                .toList(),
            Optional.ofNullable(unit.address()).orElse(""),
            Optional.ofNullable(unit.arrivalInstructions()).orElse("")));
  }

  private Views.FeedRow feedRow(CalendarFeed feed, Instant now) {
    FeedHealth.Status status = FeedHealth.status(feed, now, services.calendarSync().syncMaxAge());
    return new Views.FeedRow(
        feed.id().value(),
        Labels.source(feed.source().channel()),
        feed.url().toString(),
        Labels.feed(status),
        "feed-" + status.name().toLowerCase(Locale.ROOT),
        Labels.dateTime(feed.sync().lastSuccessAt(), services.zone()),
        Optional.ofNullable(feed.sync().lastError()).orElse(""),
        feed.sync().eventCount());
  }

  private void save(Context ctx) {
    Accommodation unit = unit(ctx);
    try {
      PricingPolicy p = unit.pricing();
      Money base = money(ctx, "base_price", "el precio por noche");
      PricingPolicy pricing =
          new PricingPolicy(
              base,
              p.weekendNights(),
              decimal(ctx, "weekend_multiplier", "el multiplicador de fin de semana"),
              p.seasons(),
              p.holidays(),
              integer(ctx, "min_nights", "la estadía mínima", 1, MAX_MIN_NIGHTS),
              new Money(decimalOrZero(ctx, "cleaning_fee", "la limpieza"), base.currency()),
              integer(ctx, "deposit_percentage", "la seña", 0, 100));
      Accommodation changed =
          new Accommodation(
                  unit.id(),
                  text(ctx, "name", "el nombre", 200),
                  unit.type(),
                  integer(ctx, "capacity", "la capacidad", 1, MAX_CAPACITY),
                  unit.description(),
                  unit.amenities(),
                  unit.checkInTime(),
                  unit.checkOutTime(),
                  unit.zone(),
                  "on".equals(ctx.formParam("active")),
                  pricing,
                  unit.exportTokenVersion())
              .withArrival(
                  optional(ctx, "address", "la dirección", 500),
                  optional(ctx, "arrival_instructions", "las indicaciones de llegada", 4000));
      services.accommodations().update(changed);
      redirect(unit, "unit-saved");
    } catch (IllegalArgumentException e) {
      invalid(ctx, unit, e);
    }
  }

  /** An optional text field (null when empty), at most {@code max} characters. */
  private static String optional(Context ctx, String field, String what, int max) {
    String value = Optional.ofNullable(ctx.formParam(field)).orElse("").strip();
    if (value.length() > max) {
      throw new IllegalArgumentException(
          "Revisá " + what + ": puede tener hasta " + max + " caracteres.");
    }
    return value.isEmpty() ? null : value;
  }

  private void addSeason(Context ctx) {
    Accommodation unit = unit(ctx);
    try {
      PricingPolicy p = unit.pricing();
      String min = Optional.ofNullable(ctx.formParam("min_nights")).orElse("").strip();
      Season season =
          new Season(
              text(ctx, "name", "el nombre de la temporada", 100),
              date(ctx, "first_night", "la primera noche"),
              date(ctx, "last_night", "la última noche"),
              money(ctx, "rate", "el precio de la temporada"),
              min.isEmpty()
                  ? null
                  : integer(ctx, "min_nights", "la estadía mínima", 1, MAX_MIN_NIGHTS));
      List<Season> seasons = new ArrayList<>(p.seasons());
      seasons.add(season);
      update(unit, withSeasonsAndHolidays(p, seasons, p.holidays()));
      redirect(unit, "season-added");
    } catch (IllegalArgumentException e) {
      invalid(ctx, unit, e);
    }
  }

  private void removeSeason(Context ctx) {
    Accommodation unit = unit(ctx);
    PricingPolicy p = unit.pricing();
    List<Season> seasons = new ArrayList<>(p.seasons());
    int index = index(ctx, seasons.size());
    if (index >= 0) {
      seasons.remove(index);
      update(unit, withSeasonsAndHolidays(p, seasons, p.holidays()));
    }
    redirect(unit, "season-removed");
  }

  private void addHoliday(Context ctx) {
    Accommodation unit = unit(ctx);
    try {
      PricingPolicy p = unit.pricing();
      String rate = Optional.ofNullable(ctx.formParam("rate")).orElse("").strip();
      Holiday holiday =
          new Holiday(
              date(ctx, "date", "la fecha del feriado"),
              Optional.ofNullable(ctx.formParam("name")).orElse("").strip(),
              rate.isEmpty() ? null : money(ctx, "rate", "el precio del feriado"));
      List<Holiday> holidays = new ArrayList<>(p.holidays());
      holidays.add(holiday);
      update(unit, withSeasonsAndHolidays(p, p.seasons(), holidays));
      redirect(unit, "holiday-added");
    } catch (IllegalArgumentException e) {
      invalid(ctx, unit, e);
    }
  }

  private void removeHoliday(Context ctx) {
    Accommodation unit = unit(ctx);
    PricingPolicy p = unit.pricing();
    List<Holiday> holidays = new ArrayList<>(p.holidays());
    int index = index(ctx, holidays.size());
    if (index >= 0) {
      holidays.remove(index);
      update(unit, withSeasonsAndHolidays(p, p.seasons(), holidays));
    }
    redirect(unit, "holiday-removed");
  }

  // ---- calendar feeds ----

  private void addFeed(Context ctx) {
    Accommodation unit = unit(ctx);
    String source = Optional.ofNullable(ctx.formParam("source")).orElse("");
    String url = Optional.ofNullable(ctx.formParam("url")).orElse("").strip();
    switch (services
        .calendarSync()
        .addFeed()
        .execute(new AddFeed.Command(unit.id(), source, url))) {
      case AddFeed.Added added -> redirect(unit, "feed-added");
      case AddFeed.Invalid invalid ->
          invalid(
              ctx,
              unit,
              new IllegalArgumentException(
                  "El calendario no sirve ("
                      + invalid.field()
                      + "): "
                      + invalid.message()
                      + ". Copiá la dirección iCal (https://…ics) que da la otra plataforma."));
      case AddFeed.UnknownUnit unknown -> throw notFound();
      case AddFeed.AlreadyImported duplicate ->
          invalid(
              ctx, unit, new IllegalArgumentException("Esta unidad ya importa ese calendario."));
    }
  }

  private void removeFeed(Context ctx) {
    FeedId id;
    try {
      id = new FeedId(Long.parseLong(ctx.pathParam("id")));
    } catch (IllegalArgumentException e) {
      throw notFound();
    }
    Optional<CalendarFeed> feed = services.calendarSync().feeds().find(id);
    if (feed.isEmpty()) {
      throw notFound();
    }
    switch (services
        .calendarSync()
        .removeFeed()
        .execute(new RemoveFeed.Command(id, Actors.current(ctx)))) {
      case RemoveFeed.Removed removed ->
          throw ConsoleApi.Halt.redirect(
              UNITS + "/" + feed.get().unit().value() + "?notice=feed-removed");
      case RemoveFeed.UnknownFeed unknown -> throw notFound();
    }
  }

  private void sync(Context ctx) {
    Accommodation unit = unit(ctx);
    boolean acceptShrink = "on".equals(ctx.formParam("accept_shrink"));
    for (CalendarFeed feed : services.calendarSync().feeds().ofUnit(unit.id())) {
      SyncCalendar.FeedSynced synced;
      try {
        synced =
            services
                .calendarSync()
                .sync()
                .execute(new SyncCalendar.Command(feed.id(), acceptShrink));
      } catch (RuntimeException e) {
        log.error("Syncing feed {} of unit {} failed", feed.id(), unit.id(), e);
        synced =
            new SyncCalendar.FeedSynced(feed.id(), Optional.of(feed), new SyncCalendar.Crashed(e));
      }
      services.calendarSync().synced().accept(synced);
    }
    redirect(unit, "synced");
  }

  // ---- helpers ----

  private PricingPolicy withSeasonsAndHolidays(
      PricingPolicy p, List<Season> seasons, List<Holiday> holidays) {
    return new PricingPolicy(
        p.baseNightlyRate(),
        p.weekendNights(),
        p.weekendMultiplier(),
        seasons,
        holidays,
        p.minNights(),
        p.cleaningFee(),
        p.depositPercentage());
  }

  private void update(Accommodation unit, PricingPolicy pricing) {
    services.accommodations().update(unit.withPricing(pricing));
  }

  private static void redirect(Accommodation unit, String notice) {
    throw ConsoleApi.Halt.redirect(UNITS + "/" + unit.id().value() + "?notice=" + notice);
  }

  private void invalid(Context ctx, Accommodation unit, IllegalArgumentException e) {
    ctx.status(400);
    show(ctx, unit, ConsoleApi.frame(ctx, unit.name(), "units", null, message(e)));
  }

  /** Our own messages are Spanish sentences; the domain's English ones get a Spanish lead. */
  private static String message(IllegalArgumentException e) {
    String text = e.getMessage() == null ? "" : e.getMessage();
    return e instanceof Invalid || text.startsWith("El ") || text.startsWith("Esta ")
        ? text
        : "No se pudo guardar: " + text;
  }

  /** A form value that is wrong, with a Spanish message. */
  private static final class Invalid extends IllegalArgumentException {
    Invalid(String message) {
      super(message);
    }
  }

  private static String required(Context ctx, String field, String what) {
    String value = ctx.formParam(field);
    if (value == null || value.isBlank()) {
      throw new Invalid("Falta " + what + ".");
    }
    return value.strip();
  }

  private static String text(Context ctx, String field, String what, int max) {
    String value = required(ctx, field, what);
    if (value.length() > max) {
      throw new Invalid("Acortá " + what + ": como mucho " + max + " caracteres.");
    }
    return value;
  }

  private static int integer(Context ctx, String field, String what, int min, int max) {
    String value = required(ctx, field, what);
    try {
      int n = Integer.parseInt(value);
      if (n < min || n > max) {
        throw new Invalid("Revisá " + what + ": tiene que estar entre " + min + " y " + max + ".");
      }
      return n;
    } catch (NumberFormatException e) {
      throw new Invalid("Revisá " + what + ": tiene que ser un número entero.");
    }
  }

  private static BigDecimal decimal(Context ctx, String field, String what) {
    String value = required(ctx, field, what).replace(',', '.');
    try {
      BigDecimal n = new BigDecimal(value);
      if (n.signum() <= 0) {
        throw new Invalid("Revisá " + what + ": tiene que ser mayor que cero.");
      }
      return n;
    } catch (NumberFormatException e) {
      throw new Invalid("Revisá " + what + ": tiene que ser un número, como 1,2.");
    }
  }

  private static BigDecimal decimalOrZero(Context ctx, String field, String what) {
    String value = Optional.ofNullable(ctx.formParam(field)).orElse("").strip();
    if (value.isEmpty()) {
      return BigDecimal.ZERO;
    }
    return StayPages.amount(value)
        .orElseThrow(() -> new Invalid("Revisá " + what + ": un monto, como 5000."));
  }

  private Money money(Context ctx, String field, String what) {
    String value = required(ctx, field, what);
    return new Money(
        StayPages.amount(value)
            .orElseThrow(
                () -> new Invalid("Revisá " + what + ": un monto mayor que cero, como 15000.")),
        Money.ARS);
  }

  private static LocalDate date(Context ctx, String field, String what) {
    String value = required(ctx, field, what);
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new Invalid("Revisá " + what + ": una fecha como 2026-12-24.");
    }
  }

  private static int index(Context ctx, int size) {
    try {
      int index = Integer.parseInt(ctx.pathParam("index"));
      return index >= 0 && index < size ? index : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static String type(AccommodationType type) {
    return switch (type) {
      case CABIN -> "Cabaña";
      case APARTMENT -> "Departamento";
      case HOUSE -> "Casa";
      case ROOM -> "Habitación";
      case OTHER -> "Otro";
    };
  }

  private Accommodation unit(Context ctx) {
    try {
      return services
          .accommodations()
          .find(new AccommodationId(Long.parseLong(ctx.pathParam("id"))))
          .orElseThrow(this::notFound);
    } catch (NumberFormatException e) {
      throw notFound();
    }
  }

  private ConsoleApi.Halt notFound() {
    return ConsoleApi.Halt.page(
        404,
        pages.render(
            "message.jte",
            new Views.MessageView(
                new Views.Frame("No existe", "units", null, "", null, null),
                "No existe",
                "Volvé a la lista de unidades.")));
  }
}
