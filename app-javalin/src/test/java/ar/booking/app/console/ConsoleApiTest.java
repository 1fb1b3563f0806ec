package ar.booking.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.app.console.ConsoleServer.Browser;
import ar.booking.app.console.ConsoleServer.Page;
import ar.booking.core.payment.PaymentProvider;
import ar.booking.core.reservation.OccupancyKind;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationStatus;
import ar.booking.core.shared.Money;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The console over HTTP, on the real app: the gate, CSRF, escaping and every action. */
class ConsoleApiTest {

  final ConsoleServer server = new ConsoleServer();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void everyPageAndActionWithoutASessionRedirectsToTheLogin() {
    ConsoleServer.World world = server.world();
    Browser anonymous = server.browser();
    for (String path :
        List.of(
            "/admin",
            "/admin/",
            "/admin?month=2026-12",
            "/admin/units",
            "/admin/units/" + world.lake().id().value(),
            "/admin/stays/" + world.hold().code().value(),
            "/admin/inbox",
            "/admin/payments",
            "/admin/password")) {
      Page page = anonymous.get(path);
      assertThat(page.status()).as(path).isEqualTo(303);
      assertThat(page.header("Location")).as(path).isEqualTo("/admin/login");
    }
    Page block = anonymous.post("/admin/block", "night", world.lake().id().value() + ":2026-11-12");
    assertThat(block.status()).isEqualTo(303);
    assertThat(block.header("Location")).isEqualTo("/admin/login");
    Page cancel = anonymous.post("/admin/stays/" + world.hold().code().value() + "/cancel");
    assertThat(cancel.status()).isEqualTo(303);
    assertThat(server.stores.reservations().find(world.hold().code()).orElseThrow().status())
        .isEqualTo(ReservationStatus.PRE_RESERVED);
    // A forged cookie is no session either.
    anonymous.cookies.put(ConsoleSessions.COOKIE, "eyJhbGciOiJIUzI1NiJ9.e30.forged");
    assertThat(anonymous.get("/admin").status()).isEqualTo(303);
  }

  @Test
  void theLoginSetsAnHttpOnlyLaxSessionCookieAndLogoutEndsIt() {
    Browser browser = server.browser();
    Page form = browser.get("/admin/login");
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.body()).contains("Ingresá con el e-mail y la clave");

    Page wrong =
        browser.post(
            "/admin/login", "_csrf", form.csrf(), "email", ConsoleServer.EMAIL, "password", "nope");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.body()).contains("E-mail o clave incorrectos.");
    assertThat(browser.cookies).doesNotContainKey(ConsoleSessions.COOKIE);

    Page ok =
        browser.post(
            "/admin/login",
            "_csrf",
            form.csrf(),
            "email",
            ConsoleServer.EMAIL,
            "password",
            ConsoleServer.PASSWORD);
    assertThat(ok.status()).isEqualTo(303);
    assertThat(ok.header("Location")).isEqualTo("/admin");
    String cookie =
        ok.headers("Set-Cookie").stream()
            .filter(c -> c.startsWith(ConsoleSessions.COOKIE + "="))
            .findFirst()
            .orElseThrow();
    assertThat(cookie).contains("HttpOnly", "SameSite=Lax", "Path=/admin").doesNotContain("Secure");
    assertThat(browser.get("/admin").status()).isEqualTo(200);

    Page out = browser.post("/admin/logout", "_csrf", browser.csrf());
    assertThat(out.status()).isEqualTo(303);
    assertThat(out.header("Location")).isEqualTo("/admin/login");
    assertThat(browser.get("/admin").status()).isEqualTo(303);
  }

  @Test
  void aLoginFormWithoutItsCsrfTokenIsRefused() {
    Browser browser = server.browser();
    browser.get("/admin/login");
    Page refused =
        browser.post(
            "/admin/login", "email", ConsoleServer.EMAIL, "password", ConsoleServer.PASSWORD);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(browser.cookies).doesNotContainKey(ConsoleSessions.COOKIE);
  }

  @Test
  void aFormWithoutTheSessionsCsrfTokenIsRefusedAndChangesNothing() {
    ConsoleServer.World world = server.world();
    Browser browser = server.browser().logIn();
    String night = world.lake().id().value() + ":2026-11-12";

    Page missing = browser.post("/admin/block", "night", night);
    Page wrong = browser.post("/admin/block", "_csrf", "not-the-token", "night", night);
    server.clock.advance(Duration.ofSeconds(1)); // another login, another token
    Page otherSession =
        browser.post("/admin/block", "_csrf", server.browser().logIn().csrf(), "night", night);
    Page cancel =
        browser.post("/admin/stays/" + world.hold().code().value() + "/cancel", "reason", "x");

    for (Page refused : List.of(missing, wrong, otherSession, cancel)) {
      assertThat(refused.status()).isEqualTo(403);
      assertThat(refused.body()).contains("Acción rechazada");
    }
    assertThat(blocksOf(world)).hasSize(1); // only the arranged one
    assertThat(server.stores.reservations().find(world.hold().code()).orElseThrow().status())
        .isEqualTo(ReservationStatus.PRE_RESERVED);

    Page accepted = browser.post("/admin/block", "_csrf", browser.csrf(), "night", night);
    assertThat(accepted.status()).isEqualTo(303);
    assertThat(blocksOf(world)).hasSize(2);
  }

  @Test
  void everyAnswerForbidsFraming() {
    Browser browser = server.browser();
    for (Page page : List.of(browser.get("/admin/login"), browser.logIn().get("/admin"))) {
      assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
      assertThat(page.header("Content-Security-Policy"))
          .contains("frame-ancestors 'none'", "script-src 'self'");
      assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }
  }

  @Test
  void aGuestNameWithMarkupIsShownAsText() {
    var unit = server.unit("Cabaña <b>1</b>");
    Reservation hold =
        server.hold(unit.id(), LocalDate.of(2026, 11, 12), 2, "<script>alert(1)</script>");
    Browser browser = server.browser().logIn();

    for (String path : List.of("/admin", "/admin/stays/" + hold.code().value(), "/admin/units")) {
      String body = browser.get(path).body();
      assertThat(body).as(path).doesNotContain("<script>alert(1)").doesNotContain("<b>1</b>");
      assertThat(body).as(path).contains("Cabaña &lt;b&gt;1&lt;/b&gt;");
    }
    assertThat(browser.get("/admin").body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(browser.get("/admin/stays/" + hold.code().value()).body())
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
  }

  @Test
  void theMonthGridShowsEveryKindOfStayTodayAndTheConflict() {
    ConsoleServer.World world = server.world();
    Browser browser = server.browser().logIn();
    Page sync =
        browser.post(
            "/admin/units/" + world.lake().id().value() + "/sync", "_csrf", browser.csrf());
    assertThat(sync.status()).isEqualTo(303);

    String grid = browser.get("/admin").body();

    assertThat(grid).contains("Noviembre de 2026", "Hoy es 09/11/2026");
    assertThat(grid).contains("href=\"/admin?month=2026-10\"", "href=\"/admin?month=2026-12\"");
    assertThat(grid)
        .containsPattern("<th scope=\"col\" class=\"day today[^\"]*\" data-date=\"2026-11-09\"");
    assertThat(grid)
        .contains("Retenida, vence 09/11 10:30: Ana Pérez")
        .contains("Confirmada: Carlos Gómez · CONFLICTO")
        .contains("Bloqueo: Pintura")
        .contains("Importada de Airbnb");
    assertThat(grid).containsPattern("colspan=\"2\" class=\"stay stay-hold\"");
    assertThat(grid).containsPattern("colspan=\"4\" class=\"stay stay-confirmed stay-conflict\"");
    assertThat(grid).containsPattern("colspan=\"3\" class=\"stay stay-imported stay-airbnb\"");
    assertThat(grid).containsPattern("colspan=\"3\" class=\"stay stay-block\"");
    assertThat(grid).contains("Conflictos para decidir", "Airbnb trae una estadía del 24/11/2026");
    // Past nights cannot be selected; free future ones can.
    assertThat(grid).doesNotContain("value=\"" + world.lake().id().value() + ":2026-11-08\"");
    assertThat(grid).contains("value=\"" + world.lake().id().value() + ":2026-11-12\"");

    String december = browser.get("/admin?month=2026-12").body();
    assertThat(december).contains("Diciembre de 2026").doesNotContain("Carlos Gómez");

    // The owner decides and marks the conflict resolved from the stay's page.
    String stay = "/admin/stays/" + world.confirmed().code().value();
    Page page = browser.get(stay);
    assertThat(page.body())
        .contains("Conflicto para decidir", "Airbnb trae una estadía del 24/11/2026");
    java.util.regex.Matcher action =
        java.util.regex.Pattern.compile("action=\"(" + stay + "/conflicts/\\d+/resolve)\"")
            .matcher(page.body());
    assertThat(action.find()).isTrue();
    Page resolved =
        browser.post(action.group(1), "_csrf", browser.csrf(), "note", "Lo movimos al Bosque");
    assertThat(resolved.header("Location")).isEqualTo(stay + "?notice=conflict-resolved");
    assertThat(server.stores.calendarFeeds().conflicts(java.util.Optional.empty(), true)).isEmpty();
    assertThat(browser.get("/admin").body())
        .doesNotContain("CONFLICTO")
        .doesNotContain("Conflictos para decidir");
  }

  @Test
  void selectedNightsBecomeBlocksAndABlockCanBeLifted() {
    ConsoleServer.World world = server.world();
    Browser browser = server.browser().logIn();
    long lake = world.lake().id().value();
    Page blocked =
        browser.post(
            "/admin/block",
            "_csrf",
            browser.csrf(),
            "month",
            "2026-11",
            "note",
            "Arreglos",
            "night",
            lake + ":2026-11-13",
            "night",
            lake + ":2026-11-12",
            "night",
            lake + ":2026-11-18");
    assertThat(blocked.status()).isEqualTo(303);
    assertThat(blocked.header("Location")).isEqualTo("/admin?month=2026-11&notice=blocked");
    List<Reservation> lakeBlocks =
        blocksOf(world).stream()
            .filter(r -> r.accommodationId().equals(world.lake().id()))
            .toList();
    assertThat(lakeBlocks)
        .extracting(r -> r.period().toString())
        .containsExactlyInAnyOrder(
            new ar.booking.core.stay.StayPeriod(
                    LocalDate.of(2026, 11, 12), LocalDate.of(2026, 11, 14))
                .toString(),
            new ar.booking.core.stay.StayPeriod(
                    LocalDate.of(2026, 11, 18), LocalDate.of(2026, 11, 19))
                .toString());
    assertThat(browser.get("/admin?month=2026-11&notice=blocked").body())
        .contains("Listo: bloqueaste las noches elegidas.", "Bloqueo: Arreglos");

    Page taken =
        browser.post("/admin/block", "_csrf", browser.csrf(), "night", lake + ":2026-11-10");
    assertThat(taken.header("Location")).endsWith("notice=block-taken");

    // Lift only the middle night of the Bosque's 17–20 block: 17 and 19 stay blocked.
    Page partly =
        browser.post(
            "/admin/stays/" + world.block().code().value() + "/unblock",
            "_csrf",
            browser.csrf(),
            "first",
            "2026-11-18",
            "last",
            "2026-11-18");
    assertThat(partly.header("Location")).isEqualTo("/admin?month=2026-11&notice=unblocked");
    assertThat(
            blocksOf(world).stream()
                .filter(r -> r.accommodationId().equals(world.forest().id()))
                .map(r -> r.period().checkIn() + "/" + r.period().checkOut() + "/" + r.note()))
        .containsExactlyInAnyOrder(
            "2026-11-17/2026-11-18/Pintura", "2026-11-19/2026-11-20/Pintura");
    Page outside =
        browser.post(
            "/admin/stays/" + lakeBlocks.getFirst().code().value() + "/unblock",
            "_csrf",
            browser.csrf(),
            "first",
            "2026-11-01",
            "last",
            "2026-11-12");
    assertThat(outside.status()).isEqualTo(400);
    assertThat(outside.body()).contains("Elegí noches dentro del bloqueo");

    Reservation first = lakeBlocks.getFirst();
    Page lifted =
        browser.post("/admin/stays/" + first.code().value() + "/unblock", "_csrf", browser.csrf());
    assertThat(lifted.status()).isEqualTo(303);
    assertThat(server.stores.reservations().find(first.code()).orElseThrow().status())
        .isEqualTo(ReservationStatus.CANCELLED);
  }

  @Test
  void aCashPaymentIsRecordedAsManualAndConfirmsTheHold() {
    ConsoleServer.World world = server.world();
    Browser browser = server.browser().logIn();
    String path = "/admin/stays/" + world.hold().code().value();
    Page page = browser.get(path);
    assertThat(page.body())
        .contains("Registrar un pago en efectivo", "Retenida hasta", "Ana Pérez");

    Page bad = browser.post(path + "/pay", "_csrf", browser.csrf(), "amount", "cero");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("Escribí el monto recibido");

    Page paid =
        browser.post(
            path + "/pay", "_csrf", browser.csrf(), "amount", "15.000,50", "reference", "recibo 7");
    assertThat(paid.status()).isEqualTo(303);
    assertThat(paid.header("Location")).isEqualTo(path + "?notice=paid");
    Reservation after = server.stores.reservations().find(world.hold().code()).orElseThrow();
    assertThat(after.status()).isEqualTo(ReservationStatus.CONFIRMED);
    assertThat(after.amountPaid()).isEqualTo(Money.ars("15000.50"));
    var payments = server.stores.payments().ofReservation(world.hold().code());
    assertThat(payments)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.provider()).isEqualTo(PaymentProvider.MANUAL);
              assertThat(p.providerPaymentId()).isEqualTo("recibo 7");
            });
    assertThat(browser.get(path + "?notice=paid").body())
        .contains("Pago en efectivo registrado.", "Confirmada", "recibo 7");
  }

  @Test
  void aBookingIsCancelledWithItsReason() {
    ConsoleServer.World world = server.world();
    Browser browser = server.browser().logIn();
    String path = "/admin/stays/" + world.confirmed().code().value();
    Page cancelled =
        browser.post(path + "/cancel", "_csrf", browser.csrf(), "reason", "Se enfermó");
    assertThat(cancelled.status()).isEqualTo(303);
    Reservation after = server.stores.reservations().find(world.confirmed().code()).orElseThrow();
    assertThat(after.status()).isEqualTo(ReservationStatus.CANCELLED);
    assertThat(browser.get(path).body()).contains("Cancelada").doesNotContain("Cancelar reserva");
  }

  @Test
  void unitsArAddedAndPricedWithSeasonsAndHolidays() {
    Browser browser = server.browser().logIn();
    Page refused =
        browser.post(
            "/admin/units",
            "_csrf",
            browser.csrf(),
            "name",
            "Sin precio",
            "type",
            "CABIN",
            "capacity",
            "4",
            "base_price",
            "");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("Falta el precio por noche.");

    Page added =
        browser.post(
            "/admin/units",
            "_csrf",
            browser.csrf(),
            "name",
            "Domo",
            "type",
            "HOUSE",
            "capacity",
            "3",
            "base_price",
            "30000");
    assertThat(added.status()).isEqualTo(303);
    String unitPath = added.header("Location").replaceAll("\\?.*", "");
    var unit = server.stores.accommodations().findAll().getLast();
    assertThat(unit.name()).isEqualTo("Domo");

    Page saved =
        browser.post(
            unitPath,
            "_csrf",
            browser.csrf(),
            "name",
            "Domo grande",
            "capacity",
            "5",
            "base_price",
            "32000",
            "weekend_multiplier",
            "1,25",
            "min_nights",
            "2",
            "cleaning_fee",
            "5000",
            "deposit_percentage",
            "50",
            "active",
            "on");
    assertThat(saved.status()).isEqualTo(303);
    browser.post(
        unitPath + "/seasons",
        "_csrf",
        browser.csrf(),
        "name",
        "Verano",
        "first_night",
        "2026-12-20",
        "last_night",
        "2027-02-28",
        "rate",
        "45000",
        "min_nights",
        "3");
    browser.post(
        unitPath + "/holidays",
        "_csrf",
        browser.csrf(),
        "date",
        "2026-12-24",
        "name",
        "Nochebuena",
        "rate",
        "");
    var changed = server.stores.accommodations().find(unit.id()).orElseThrow();
    assertThat(changed.name()).isEqualTo("Domo grande");
    assertThat(changed.capacity()).isEqualTo(5);
    assertThat(changed.pricing().baseNightlyRate()).isEqualTo(Money.ars(32000));
    assertThat(changed.pricing().weekendMultiplier()).isEqualByComparingTo("1.25");
    assertThat(changed.pricing().minNights()).isEqualTo(2);
    assertThat(changed.pricing().depositPercentage()).isEqualTo(50);
    assertThat(changed.pricing().seasons())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.name()).isEqualTo("Verano");
              assertThat(s.minNights()).isEqualTo(3);
            });
    assertThat(changed.pricing().holidays())
        .singleElement()
        .satisfies(h -> assertThat(h.ownRate()).isEmpty());
    String page = browser.get(unitPath).body();
    assertThat(page).contains("Verano", "20/12/2026", "Nochebuena", "como fin de semana");

    Page backwards =
        browser.post(
            unitPath + "/seasons",
            "_csrf",
            browser.csrf(),
            "name",
            "Mal",
            "first_night",
            "2027-03-10",
            "last_night",
            "2027-03-01",
            "rate",
            "1000");
    assertThat(backwards.status()).isEqualTo(400);
    assertThat(backwards.body()).contains("No se pudo guardar");

    browser.post(unitPath + "/seasons/0/remove", "_csrf", browser.csrf());
    browser.post(unitPath + "/holidays/0/remove", "_csrf", browser.csrf());
    var cleared = server.stores.accommodations().find(unit.id()).orElseThrow();
    assertThat(cleared.pricing().seasons()).isEmpty();
    assertThat(cleared.pricing().holidays()).isEmpty();
  }

  @Test
  void aUnitsFeedsAreAddedSyncedShownAndRemoved() {
    var unit = server.unit("Cabaña del Lago");
    Browser browser = server.browser().logIn();
    String path = "/admin/units/" + unit.id().value();
    assertThat(browser.get(path).body())
        .contains("Esta unidad no importa calendarios.")
        .containsPattern(
            "id=\"export_url\" readonly value=\"http[^\"]*/api/v1/ical/export/"
                + unit.id().value()
                + "/");

    Page invalid =
        browser.post(
            path + "/feeds", "_csrf", browser.csrf(), "source", "airbnb", "url", "ftp://x");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.body()).contains("El calendario no sirve");

    Page added =
        browser.post(
            path + "/feeds", "_csrf", browser.csrf(), "source", "airbnb", "url", server.feedUrl);
    assertThat(added.status()).isEqualTo(303);
    assertThat(browser.get(path).body()).contains("Sin sincronizar todavía", server.feedUrl);

    Page synced = browser.post(path + "/sync", "_csrf", browser.csrf());
    assertThat(synced.header("Location")).isEqualTo(path + "?notice=synced");
    assertThat(browser.get(path).body()).contains("Al día");
    assertThat(
            server
                .stores
                .reservations()
                .search(ar.booking.core.ports.ReservationQuery.all())
                .items()
                .stream()
                .filter(r -> r.kind() == OccupancyKind.IMPORTED_STAY))
        .hasSize(2);

    long feed = server.stores.calendarFeeds().ofUnit(unit.id()).getFirst().id().value();
    Page removed = browser.post("/admin/feeds/" + feed + "/remove", "_csrf", browser.csrf());
    assertThat(removed.header("Location")).isEqualTo(path + "?notice=feed-removed");
    assertThat(server.stores.calendarFeeds().ofUnit(unit.id())).isEmpty();
  }

  @Test
  void thePasswordChangeEndsOlderSessions() {
    Browser browser = server.browser().logIn();
    Browser other = server.browser().logIn();
    String fresh = "otra clave bien larga 2026";

    Page mismatch =
        browser.post(
            "/admin/password",
            "_csrf",
            browser.csrf(),
            "current",
            ConsoleServer.PASSWORD,
            "new",
            fresh,
            "repeat",
            fresh + "x");
    assertThat(mismatch.status()).isEqualTo(400);
    assertThat(mismatch.body()).contains("Las dos claves nuevas no coinciden.");

    Page weak =
        browser.post(
            "/admin/password",
            "_csrf",
            browser.csrf(),
            "current",
            ConsoleServer.PASSWORD,
            "new",
            "aaaaaaaaaaaaaa",
            "repeat",
            "aaaaaaaaaaaaaa");
    assertThat(weak.status()).isEqualTo(400);

    Page changed =
        browser.post(
            "/admin/password",
            "_csrf",
            browser.csrf(),
            "current",
            ConsoleServer.PASSWORD,
            "new",
            fresh,
            "repeat",
            fresh);
    assertThat(changed.status()).isEqualTo(303);
    assertThat(browser.get("/admin").status()).isEqualTo(200); // got a new cookie
    assertThat(other.get("/admin").status()).isEqualTo(303); // the old one is dead
    server.browser().logIn(ConsoleServer.EMAIL, ConsoleServer.PASSWORD, 401);
    server.browser().logIn(ConsoleServer.EMAIL, fresh, 303);
  }

  @Test
  void anEmptyInboxAndPaymentsPageSaySo() {
    Browser browser = server.browser().logIn();
    assertThat(browser.get("/admin/inbox").body()).contains("Sin datos.");
    assertThat(browser.get("/admin/payments").body()).contains("Sin alertas.");
  }

  @Test
  void staticAssetsAreServedWithoutASessionIncludingHtmxFromItsWebJar() {
    Browser anonymous = server.browser();
    Page htmx = anonymous.get("/admin/static/htmx.min.js");
    assertThat(htmx.status()).isEqualTo(200);
    assertThat(htmx.header("Content-Type")).startsWith("text/javascript");
    assertThat(htmx.body()).contains("htmx");
    assertThat(anonymous.get("/admin/static/console.css").status()).isEqualTo(200);
    assertThat(anonymous.get("/admin/static/other.js").status()).isEqualTo(404);
  }

  @Test
  void loginAttemptsAreRateLimited() {
    try (ConsoleServer limited =
        new ConsoleServer(Map.of("RATE_LIMIT_ENABLED", "true", "LOGIN_RATE_LIMIT_REQUESTS", "3"))) {
      Browser browser = limited.browser();
      for (int i = 0; i < 3; i++) {
        browser.logIn(ConsoleServer.EMAIL, "wrong password " + i, 401);
      }
      Page form = browser.get("/admin/login");
      Page limitedAnswer =
          browser.post(
              "/admin/login",
              "_csrf",
              form.csrf(),
              "email",
              ConsoleServer.EMAIL,
              "password",
              ConsoleServer.PASSWORD);
      assertThat(limitedAnswer.status()).isEqualTo(429);
      assertThat(limitedAnswer.header("Retry-After")).isNotBlank();
      assertThat(limitedAnswer.body()).contains("Demasiados intentos");
      assertThat(browser.cookies).doesNotContainKey(ConsoleSessions.COOKIE);
    }
  }

  private List<Reservation> blocksOf(ConsoleServer.World world) {
    return server
        .stores
        .reservations()
        .search(ar.booking.core.ports.ReservationQuery.all())
        .items()
        .stream()
        .filter(r -> r.kind() == OccupancyKind.OWNER_BLOCK)
        .filter(r -> r.status() == ReservationStatus.BLOCKED)
        .toList();
  }
}
