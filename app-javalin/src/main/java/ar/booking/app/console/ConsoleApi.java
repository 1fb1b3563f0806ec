package ar.booking.app.console;

import ar.booking.app.auth.RateLimiter;
import ar.booking.app.config.SecretRules;
import ar.booking.app.http.Actors;
import ar.booking.app.http.RouteGroup;
import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.calendarsync.CalendarFeed;
import ar.booking.core.calendarsync.FeedConflict;
import ar.booking.core.calendarsync.FeedHealth;
import ar.booking.core.owner.OwnerAccount;
import ar.booking.core.shared.AccommodationId;
import ar.booking.core.usecase.ListBusyPeriods;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The owner's console at {@code /admin}: login and logout, password change, the month grid, and the
 * pages of {@link StayPages} and {@link UnitPages}. Every page but the login needs the session
 * cookie (else a redirect to the login); every POST needs the session's CSRF token (else 403).
 * Every answer forbids framing.
 */
public final class ConsoleApi implements RouteGroup {

  private static final Logger log = LoggerFactory.getLogger(ConsoleApi.class);

  public static final String ROOT = "/admin";
  static final String LOGIN = ROOT + "/login";
  static final String LOGOUT = ROOT + "/logout";
  static final String PASSWORD = ROOT + "/password";
  static final String BLOCK = ROOT + "/block";
  static final String STAYS = ROOT + "/stays";
  static final String UNITS = ROOT + "/units";
  static final String FEEDS = ROOT + "/feeds";
  static final String INBOX = ROOT + "/inbox";
  static final String PAYMENTS = ROOT + "/payments";
  static final String STATIC = ROOT + "/static";

  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

  private static final String SESSION = "console.session";

  /** Static files: name → content type, resource path. */
  private static final Map<String, String[]> ASSETS =
      Map.of(
          "console.css",
          new String[] {"text/css; charset=utf-8", "/console/console.css"},
          "console.js",
          new String[] {"text/javascript; charset=utf-8", "/console/console.js"},
          "sandbox.js",
          new String[] {"text/javascript; charset=utf-8", "/console/sandbox.js"},
          "htmx.min.js",
          new String[] {
            "text/javascript; charset=utf-8",
            "/META-INF/resources/webjars/htmx.org/%s/dist/htmx.min.js"
          });

  /** Notices shown after an action (the redirect names one by code; never echoes input). */
  static final Map<String, String> NOTICES =
      Map.ofEntries(
          Map.entry("blocked", "Listo: bloqueaste las noches elegidas."),
          Map.entry("none-selected", "No elegiste ninguna noche libre."),
          Map.entry(
              "block-taken",
              "Alguna de esas noches ya está ocupada: no se bloqueó nada de ese tramo."),
          Map.entry("paid", "Pago en efectivo registrado."),
          Map.entry(
              "paid-nights-taken",
              "Se registró el pago, pero las noches ya estaban tomadas: devolvé el dinero o mové al huésped."),
          Map.entry("cancelled", "Reserva cancelada."),
          Map.entry("unblocked", "Noches desbloqueadas."),
          Map.entry(
              "unblocked-rest-taken",
              "Noches desbloqueadas, pero parte de las que querías dejar bloqueadas se ocupó"
                  + " mientras tanto: revisá el calendario."),
          Map.entry("password", "Cambiaste tu clave. Las sesiones anteriores quedaron cerradas."),
          Map.entry("unit-added", "Unidad agregada."),
          Map.entry("unit-saved", "Cambios guardados."),
          Map.entry("season-added", "Temporada agregada."),
          Map.entry("season-removed", "Temporada quitada."),
          Map.entry("holiday-added", "Feriado agregado."),
          Map.entry("holiday-removed", "Feriado quitado."),
          Map.entry("feed-added", "Calendario agregado. Sincronizalo para traer sus reservas."),
          Map.entry("feed-removed", "Calendario quitado; sus reservas importadas se liberaron."),
          Map.entry("conflict-resolved", "Conflicto marcado como resuelto."),
          Map.entry("replied", "Respuesta en camino."),
          Map.entry("released", "Listo: el bot vuelve a atender a este huésped."),
          Map.entry("link-issued", "Link de pago listo: copialo y mandalo."),
          Map.entry("synced", "Sincronización terminada: mirá el estado de cada calendario."));

  private final ConsoleServices services;
  private final ConsoleSessions sessions;
  private final Pages pages = new Pages();
  private final StayPages stays;
  private final UnitPages units;
  private final String htmxVersion;

  public ConsoleApi(ConsoleServices services) {
    this.services = services;
    this.sessions =
        new ConsoleSessions(
            services.tokens(),
            services.versions(),
            services.jwtSecret(),
            services.production(),
            services.sessionLifetime());
    this.stays = new StayPages(services, pages);
    this.units = new UnitPages(services, pages);
    this.htmxVersion = htmxVersion();
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.exception(Halt.class, (e, ctx) -> e.answer(ctx));
    routes.before(ROOT, this::guard);
    routes.before(ROOT + "/*", this::guard);
    routes.get(STATIC + "/{file}", this::asset);
    routes.get(LOGIN, this::loginPage);
    routes.post(LOGIN, this::login);
    routes.post(LOGOUT, this::logout);
    routes.get(
        PASSWORD,
        ctx ->
            html(
                ctx,
                "password.jte",
                new Views.PasswordView(frame(ctx, "Cambiar clave", "password"))));
    routes.post(PASSWORD, this::changePassword);
    routes.get(ROOT, this::grid);
    routes.post(BLOCK, this::block);
    routes.get(INBOX, this::inbox);
    routes.get(INBOX + "/{wa_id}", this::conversation);
    routes.post(INBOX + "/{wa_id}/reply", this::reply);
    routes.post(INBOX + "/{wa_id}/release", this::release);
    routes.get(PAYMENTS, this::payments);
    stays.addTo(routes);
    units.addTo(routes);
  }

  // ---- the gate ----

  private void guard(Context ctx) {
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "same-origin");
    String path = ctx.path();
    if (path.startsWith(STATIC + "/")) {
      return;
    }
    ctx.header("Cache-Control", "no-store");
    if (path.equals(LOGIN) || path.equals(LOGIN + "/")) {
      return;
    }
    Optional<ConsoleSessions.Session> session = sessions.current(ctx);
    if (session.isEmpty()) {
      throw Halt.redirect(LOGIN);
    }
    ctx.attribute(SESSION, session.get());
    ctx.attribute(Actors.ATTRIBUTE, "admin:" + session.get().email());
    if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD) {
      if (!sessions.csrfMatches(ctx, session.get())) {
        log.warn("Console {} {} refused: missing or wrong CSRF token", ctx.method(), path);
        throw Halt.page(
            403,
            pages.render(
                "message.jte",
                new Views.MessageView(
                    frame(ctx, "Acción rechazada", ""),
                    "Acción rechazada",
                    "El formulario no traía el código de seguridad de tu sesión (o venció)."
                        + " Volvé a la página y probá de nuevo.")));
      }
    }
  }

  private void asset(Context ctx) throws IOException {
    String[] asset = ASSETS.get(ctx.pathParam("file"));
    if (asset == null) {
      throw Halt.page(404, "");
    }
    String resource = asset[1].formatted(htmxVersion);
    try (InputStream in = ConsoleApi.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw Halt.page(404, "");
      }
      ctx.header("Cache-Control", "public, max-age=3600");
      ctx.contentType(asset[0]).result(in.readAllBytes());
    }
  }

  private static String htmxVersion() {
    try (InputStream in =
        ConsoleApi.class.getResourceAsStream(
            "/META-INF/maven/org.webjars.npm/htmx.org/pom.properties")) {
      if (in == null) {
        return "missing";
      }
      java.util.Properties properties = new java.util.Properties();
      properties.load(in);
      return properties.getProperty("version", "missing");
    } catch (IOException e) {
      return "missing";
    }
  }

  // ---- login, logout, password ----

  private void loginPage(Context ctx) {
    if (sessions.current(ctx).isPresent()) {
      throw Halt.redirect(ROOT);
    }
    html(ctx, "login.jte", new Views.LoginView(sessions.loginCsrf(ctx), "", null));
  }

  private void login(Context ctx) {
    RateLimiter limiter = services.loginLimiter();
    if (limiter != null) {
      RateLimiter.Decision decision = limiter.hit(services.clients().of(ctx));
      if (!decision.allowed()) {
        ctx.header("Retry-After", Long.toString(decision.retryAfterSeconds()));
        ctx.status(429);
        html(
            ctx,
            "login.jte",
            new Views.LoginView(
                sessions.loginCsrf(ctx),
                Optional.ofNullable(ctx.formParam("email")).orElse(""),
                "Demasiados intentos. Esperá "
                    + decision.retryAfterSeconds()
                    + " segundos y probá de nuevo."));
        return;
      }
    }
    if (!sessions.loginCsrfMatches(ctx)) {
      ctx.status(403);
      html(
          ctx,
          "login.jte",
          new Views.LoginView(
              sessions.loginCsrf(ctx),
              "",
              "El formulario venció. Escribí de nuevo tu e-mail y tu clave."));
      return;
    }
    String email = Optional.ofNullable(ctx.formParam("email")).orElse("").strip();
    String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
    Optional<OwnerAccount> account =
        email.isEmpty() ? Optional.empty() : services.accounts().findByEmail(email);
    boolean ok;
    if (account.isPresent() && !password.isEmpty()) {
      ok = services.hasher().matches(password, account.get().passwordHash());
    } else {
      services.hasher().burn(password);
      ok = false;
    }
    if (!ok) {
      ctx.status(401);
      html(
          ctx,
          "login.jte",
          new Views.LoginView(sessions.loginCsrf(ctx), email, "E-mail o clave incorrectos."));
      return;
    }
    sessions.start(ctx, account.get());
    log.info("Console login of {}", account.get().email());
    throw Halt.redirect(ROOT);
  }

  private void logout(Context ctx) {
    sessions.end(ctx);
    throw Halt.redirect(LOGIN);
  }

  private void changePassword(Context ctx) {
    ConsoleSessions.Session session = session(ctx);
    String current = Optional.ofNullable(ctx.formParam("current")).orElse("");
    String fresh = Optional.ofNullable(ctx.formParam("new")).orElse("");
    String repeated = Optional.ofNullable(ctx.formParam("repeat")).orElse("");
    OwnerAccount account =
        services.accounts().findByEmail(session.email()).orElseThrow(() -> Halt.redirect(LOGIN));
    String problem = null;
    if (!services.hasher().matches(current, account.passwordHash())) {
      problem = "La clave actual no es correcta.";
    } else if (!fresh.equals(repeated)) {
      problem = "Las dos claves nuevas no coinciden.";
    } else if (fresh.equals(current)) {
      problem = "La clave nueva tiene que ser distinta de la actual.";
    } else if (SecretRules.passwordProblem(fresh).isPresent()) {
      problem =
          "La clave nueva no sirve: usá al menos "
              + SecretRules.MIN_PASSWORD_CHARS
              + " caracteres (hasta "
              + SecretRules.MAX_PASSWORD_BYTES
              + " bytes), con al menos "
              + SecretRules.MIN_PASSWORD_DISTINCT_CHARS
              + " distintos, y que no sea una clave conocida.";
    }
    if (problem != null) {
      ctx.status(400);
      html(
          ctx,
          "password.jte",
          new Views.PasswordView(frame(ctx, "Cambiar clave", "password", null, problem)));
      return;
    }
    Optional<OwnerAccount> changed =
        services
            .accounts()
            .changePassword(
                account.email(), account.passwordVersion(), services.hasher().hash(fresh));
    if (changed.isEmpty()) {
      ctx.status(409);
      html(
          ctx,
          "password.jte",
          new Views.PasswordView(
              frame(
                  ctx,
                  "Cambiar clave",
                  "password",
                  null,
                  "La clave cambió en otra sesión mientras tanto. Volvé a ingresar.")));
      return;
    }
    services.versions().changed(changed.get());
    sessions.start(ctx, changed.get());
    log.info("Console password change of {}; older sessions and tokens end", account.email());
    throw Halt.redirect(ROOT + "?notice=password");
  }

  // ---- the month grid and blocking nights ----

  private void grid(Context ctx) {
    LocalDate today = LocalDate.ofInstant(services.clock().instant(), services.zone());
    YearMonth month = month(ctx.queryParam("month")).orElse(YearMonth.from(today));
    LocalDate first = month.atDay(1);
    LocalDate end = month.atEndOfMonth().plusDays(1);
    List<Accommodation> all = services.accommodations().findAll();
    var busy =
        services
            .engine()
            .listBusyPeriods()
            .execute(new ListBusyPeriods.Query(Optional.empty(), first, end));
    List<FeedConflict> conflicts =
        services.calendarSync().feeds().conflicts(Optional.empty(), true);
    var rows =
        MonthGrid.rows(
            month,
            today,
            all,
            MonthGrid.byUnit(busy, services.reservations()::find),
            conflicts,
            services.zone());
    html(
        ctx,
        "grid.jte",
        new Views.GridView(
            frame(ctx, "Calendario", "grid"),
            Labels.month(month),
            month.toString(),
            month.minusMonths(1).toString(),
            month.plusMonths(1).toString(),
            Labels.date(today),
            MonthGrid.days(month, today),
            rows,
            conflictLines(conflicts, all)));
  }

  private void block(Context ctx) {
    String actor = Actors.current(ctx);
    String back = month(ctx.formParam("month")).map(m -> "?month=" + m + "&").orElse("?");
    String note = Optional.ofNullable(ctx.formParam("note")).orElse("").strip();
    if (note.length() > 2000) {
      note = note.substring(0, 2000);
    }
    Map<Long, List<LocalDate>> nights = new java.util.TreeMap<>();
    for (String value : ctx.formParams("night")) {
      int colon = value.indexOf(':');
      if (colon < 1) {
        continue;
      }
      try {
        nights
            .computeIfAbsent(Long.parseLong(value.substring(0, colon)), k -> new ArrayList<>())
            .add(LocalDate.parse(value.substring(colon + 1)));
      } catch (NumberFormatException | DateTimeParseException e) {
        // not a night of the grid: ignored
      }
    }
    if (nights.isEmpty()) {
      throw Halt.redirect(ROOT + back + "notice=none-selected");
    }
    boolean refused = false;
    for (var entry : nights.entrySet()) {
      for (var period : BlockRanges.of(entry.getValue())) {
        var command =
            new ar.booking.core.usecase.BlockDates.Command(
                new AccommodationId(entry.getKey()), period, note, actor);
        switch (services.engine().blockDates().execute(command)) {
          case ar.booking.core.usecase.BlockDates.Blocked blocked ->
              log.info("Console block {} by {}", blocked.block().code(), actor);
          default -> refused = true;
        }
      }
    }
    throw Halt.redirect(ROOT + back + "notice=" + (refused ? "block-taken" : "blocked"));
  }

  // ---- inbox, payments and alerts ----

  private void inbox(Context ctx) {
    var source = services.data().inbox();
    html(
        ctx,
        "inbox.jte",
        new Views.InboxView(
            frame(ctx, "Mensajes", "inbox"),
            source.isPresent(),
            source.map(s -> s.latest(100)).orElse(List.of())));
  }

  private ConversationDesk desk() {
    if (services.data().inbox().orElse(null) instanceof ConversationDesk desk) {
      return desk;
    }
    throw Halt.page(404, "");
  }

  private static String guest(Context ctx) {
    String id = ctx.pathParam("wa_id").strip();
    if (!id.matches("[0-9A-Za-z._+-]{3,64}")) {
      throw Halt.page(404, "");
    }
    return id;
  }

  private void conversation(Context ctx) {
    conversationPage(ctx, null);
  }

  private void conversationPage(Context ctx, String problem) {
    String guest = guest(ctx);
    ConversationDesk.Transcript transcript =
        desk().transcript(guest).orElseThrow(() -> Halt.page(404, ""));
    String name =
        transcript
            .conversation()
            .map(c -> c.guestName())
            .filter(n -> n != null && !n.isBlank())
            .orElse(guest);
    List<Views.MessageRow> rows =
        transcript.lines().stream()
            .map(
                l ->
                    new Views.MessageRow(
                        l.fromGuest(),
                        Labels.shortDateTime(l.at(), services.zone()),
                        l.text(),
                        l.transcript(),
                        Labels.messageStatus(l.status())))
            .toList();
    String until =
        transcript
            .conversation()
            .filter(c -> transcript.waiting())
            .map(c -> Labels.shortDateTime(c.handoffUntil(), services.zone()))
            .orElse("");
    String notice = ctx.queryParam("notice");
    html(
        ctx,
        "conversation.jte",
        new Views.TranscriptView(
            frame(ctx, name, "inbox", notice == null ? null : NOTICES.get(notice), problem),
            guest,
            name,
            transcript.waiting(),
            until,
            rows,
            INBOX + "/" + guest + "/reply",
            INBOX + "/" + guest + "/release"));
  }

  private void reply(Context ctx) {
    String guest = guest(ctx);
    String text = Optional.ofNullable(ctx.formParam("text")).orElse("").strip();
    Optional<String> problem =
        text.isEmpty() ? Optional.of("Escribí una respuesta.") : desk().reply(guest, text);
    if (problem.isPresent()) {
      ctx.status(400);
      conversationPage(ctx, problem.get());
      return;
    }
    log.info("Console reply to {} by {}", guest, Actors.current(ctx));
    throw Halt.redirect(INBOX + "/" + guest + "?notice=replied");
  }

  private void release(Context ctx) {
    String guest = guest(ctx);
    if (!desk().release(guest, Actors.current(ctx))) {
      throw Halt.page(404, "");
    }
    throw Halt.redirect(INBOX + "/" + guest + "?notice=released");
  }

  private void payments(Context ctx) {
    var payments = services.data().payments();
    var alerts = services.data().alerts();
    Instant now = services.clock().instant();
    List<Accommodation> all = services.accommodations().findAll();
    Map<Long, String> names =
        all.stream().collect(Collectors.toMap(u -> u.id().value(), Accommodation::name));
    List<Views.FeedAlert> feeds = new ArrayList<>();
    for (CalendarFeed feed : services.calendarSync().feeds().all()) {
      FeedHealth.Status status = FeedHealth.status(feed, now, services.calendarSync().syncMaxAge());
      if (status == FeedHealth.Status.FAILING
          || status == FeedHealth.Status.STALE
          || status == FeedHealth.Status.SUSPICIOUS) {
        feeds.add(
            new Views.FeedAlert(
                names.getOrDefault(feed.unit().value(), "unidad " + feed.unit().value()),
                Labels.source(feed.source().channel()),
                Labels.feed(status),
                Optional.ofNullable(feed.sync().lastError()).orElse(""),
                UNITS + "/" + feed.unit().value()));
      }
    }
    html(
        ctx,
        "payments.jte",
        new Views.PaymentsView(
            frame(ctx, "Pagos y alertas", "payments"),
            payments.isPresent(),
            payments.map(s -> s.latest(50)).orElse(List.of()),
            alerts.isPresent(),
            alerts.map(ConsoleData.AlertSource::current).orElse(List.of()),
            feeds,
            conflictLines(services.calendarSync().feeds().conflicts(Optional.empty(), true), all)));
  }

  // ---- helpers shared by the pages ----

  static List<Views.ConflictLine> conflictLines(
      List<FeedConflict> conflicts, List<Accommodation> units) {
    Map<Long, String> names =
        units.stream().collect(Collectors.toMap(u -> u.id().value(), Accommodation::name));
    return conflicts.stream()
        .sorted(Comparator.comparing((FeedConflict c) -> c.period().checkIn()))
        .map(
            c ->
                new Views.ConflictLine(
                    names.getOrDefault(c.unit().value(), "unidad " + c.unit().value()),
                    Labels.source(c.source().channel())
                        + " trae una estadía del "
                        + Labels.date(c.period().checkIn())
                        + " al "
                        + Labels.date(c.period().checkOut())
                        + (c.ours().size() == 1
                            ? " que se superpone con una reserva tuya"
                            : " que se superpone con " + c.ours().size() + " reservas tuyas"),
                    c.ours().isEmpty()
                        ? UNITS + "/" + c.unit().value()
                        : STAYS + "/" + c.ours().getFirst().value()))
        .toList();
  }

  static Optional<YearMonth> month(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      YearMonth month = YearMonth.parse(text.strip());
      return month.getYear() < 2000 || month.getYear() > 2200
          ? Optional.empty()
          : Optional.of(month);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  static ConsoleSessions.Session session(Context ctx) {
    ConsoleSessions.Session session = ctx.attribute(SESSION);
    if (session == null) {
      throw Halt.redirect(LOGIN);
    }
    return session;
  }

  static Views.Frame frame(Context ctx, String title, String nav) {
    String notice = ctx.queryParam("notice");
    return frame(ctx, title, nav, notice == null ? null : NOTICES.get(notice), null);
  }

  static Views.Frame frame(Context ctx, String title, String nav, String notice, String error) {
    ConsoleSessions.Session session = ctx.attribute(SESSION);
    return new Views.Frame(
        title,
        nav,
        session == null ? null : session.email(),
        session == null ? "" : session.csrf(),
        notice,
        error);
  }

  void html(Context ctx, String template, Object view) {
    html(ctx, pages, template, view);
  }

  static void html(Context ctx, Pages pages, String template, Object view) {
    ctx.contentType("text/html; charset=utf-8").result(pages.render(template, view));
  }

  /**
   * Ends a console request early: a redirect (303, so the browser follows with a GET) or a page
   * with a status.
   */
  static final class Halt extends RuntimeException {
    private final int status;
    private final String location;
    private final String html;

    private Halt(int status, String location, String html) {
      super(null, null, false, false);
      this.status = status;
      this.location = location;
      this.html = html;
    }

    static Halt redirect(String location) {
      return new Halt(303, location, null);
    }

    static Halt page(int status, String html) {
      return new Halt(status, null, html);
    }

    void answer(Context ctx) {
      ctx.status(status);
      if (location != null) {
        ctx.header("Location", location).result("");
      } else {
        ctx.contentType("text/html; charset=utf-8").result(html);
      }
    }
  }
}
