package ar.booking.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.app.console.ConsoleServer.Browser;
import ar.booking.app.console.ConsoleServer.Page;
import ar.booking.core.messaging.MessageChannel;
import ar.booking.core.messaging.MessageContent;
import ar.booking.core.messaging.OutboundMessage;
import ar.booking.core.messaging.OutboxStatus;
import ar.booking.core.reservation.Reservation;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Payment links from a hold's page, the alerts, a unit's arrival fields: over HTTP. */
class ConsolePaymentsTest {

  final ConsoleServer server = new ConsoleServer();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aHoldsPageIssuesAPaymentLinkToCopy() {
    var unit = server.unit("Cabaña Lago");
    Reservation hold = server.hold(unit.id(), LocalDate.of(2026, 11, 20), 2, "Ana Pérez");
    Browser browser = server.browser().logIn();
    String stay = "/admin/stays/" + hold.code().value();
    assertThat(browser.get(stay).body()).contains("Crear link de pago");

    Page refused = browser.post(stay + "/link");
    assertThat(refused.status()).isEqualTo(403);

    Page issued = browser.post(stay + "/link", "_csrf", browser.csrf());
    assertThat(issued.status()).isEqualTo(200);
    assertThat(issued.body())
        .contains("Link de pago listo", "/sandbox/pay/" + hold.code().value(), "Copiar");
  }

  @Test
  void theLatestPaymentsAreListedWithTheirBooking() {
    var unit = server.unit("Cabaña Lago");
    Reservation hold = server.hold(unit.id(), LocalDate.of(2026, 11, 20), 2, "Ana Pérez");
    Browser browser = server.browser().logIn();
    String stay = "/admin/stays/" + hold.code().value();
    assertThat(browser.post(stay + "/pay", "_csrf", browser.csrf(), "amount", "12000").status())
        .isEqualTo(303);

    String body = browser.get("/admin/payments").body();

    assertThat(body)
        .contains("href=\"" + stay + "\"", "Efectivo / a mano", "$ 12.000")
        .doesNotContain("Sin datos.");
  }

  @Test
  void deadMessagesAreAlerts() {
    var at = server.clock.instant();
    server
        .stores
        .outbox()
        .enqueue(
            new OutboundMessage(
                "k-1",
                MessageChannel.WHATSAPP,
                "5491100000007",
                new MessageContent.Text("<b>tu reserva</b>"),
                "confirmation",
                at));
    long id = server.stores.outbox().toRecipient("5491100000007", 1).getFirst().id();
    server.stores.outbox().dead(id, "131026 undeliverable", at);
    assertThat(server.stores.outbox().inStatus(OutboxStatus.DEAD, 5)).hasSize(1);
    Browser browser = server.browser().logIn();

    String body = browser.get("/admin/payments").body();

    assertThat(body)
        .contains("Mensaje no entregado", "5491100000007", "131026 undeliverable")
        .contains("&lt;b&gt;tu reserva&lt;/b&gt;")
        .doesNotContain("<b>tu reserva");
  }

  @Test
  void aUnitKeepsItsAddressAndArrivalInstructions() {
    var unit = server.unit("Domo");
    Browser browser = server.browser().logIn();
    String path = "/admin/units/" + unit.id().value();

    Page saved =
        browser.post(
            path,
            "_csrf",
            browser.csrf(),
            "name",
            "Domo",
            "capacity",
            "3",
            "base_price",
            "30000",
            "weekend_multiplier",
            "1",
            "min_nights",
            "1",
            "cleaning_fee",
            "5000",
            "deposit_percentage",
            "30",
            "active",
            "on",
            "address",
            "Ruta 40 km 2010, El Bolsón",
            "arrival_instructions",
            "La llave está en la caja <junto> a la puerta.");

    assertThat(saved.status()).as(saved.body()).isEqualTo(303);
    var changed = server.stores.accommodations().find(unit.id()).orElseThrow();
    assertThat(changed.address()).isEqualTo("Ruta 40 km 2010, El Bolsón");
    assertThat(changed.arrivalInstructions())
        .isEqualTo("La llave está en la caja <junto> a la puerta.");
    assertThat(browser.get(path).body())
        .contains("Ruta 40 km 2010, El Bolsón", "caja &lt;junto&gt; a la puerta");
  }
}
