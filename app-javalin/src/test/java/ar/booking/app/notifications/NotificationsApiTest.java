package ar.booking.app.notifications;

import static ar.booking.app.notifications.NotificationApps.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ar.booking.app.BookingApp;
import ar.booking.core.memory.InMemoryOwnerAccounts;
import ar.booking.core.memory.InMemoryStores;
import ar.booking.core.testing.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The owner's notification settings and log, and the unit's arrival fields, over HTTP. */
class NotificationsApiTest {

  private final InMemoryStores stores = InMemoryStores.create();
  private BookingApp app;
  private NotificationApps.Client api;

  @BeforeEach
  void start() throws Exception {
    Map<String, String> env = NotificationApps.env();
    env.put("OWNER_WHATSAPP", "+54 9 294 4999999");
    env.put("OWNER_ALERTS_MUTED", "feed_failed");
    app =
        NotificationApps.start(
            stores, new InMemoryOwnerAccounts(), new ShiftableClock(Fixtures.NOW), env);
    api = NotificationApps.Client.of(app);
  }

  @AfterEach
  void stop() {
    app.stop();
  }

  @Test
  void alertSettingsShowTheDefaultsUntilTheOwnerOverridesThem() throws Exception {
    JsonNode defaults = api.json("GET", "/settings/alerts", null);
    assertThat(defaults.get("whatsapp").get(0).asText()).isEqualTo("5492944999999");
    assertThat(defaults.get("muted").get(0).asText()).isEqualTo("feed_failed");
    assertThat(defaults.get("overridden").asBoolean()).isFalse();
    assertThat(defaults.get("kinds").size()).isEqualTo(10);

    JsonNode saved =
        api.json(
            "PUT",
            "/settings/alerts",
            json(
                "{'whatsapp': ['5491155550000'], 'emails': ['duenio@cabanas.test'],"
                    + " 'muted': ['hold_placed', 'handoff']}"));
    assertThat(saved.get("overridden").asBoolean()).isTrue();
    assertThat(saved.get("emails").get(0).asText()).isEqualTo("duenio@cabanas.test");
    assertThat(saved.get("muted").toString()).isEqualTo("[\"hold_placed\",\"handoff\"]");
    assertThat(saved.get("defaults").get("whatsapp").get(0).asText()).isEqualTo("5492944999999");
    assertThat(api.json("GET", "/settings/alerts", null).get("whatsapp").get(0).asText())
        .isEqualTo("5491155550000");
  }

  @Test
  void invalidAlertSettingsAreRefusedAndNothingChanges() throws Exception {
    HttpResponse<String> unknownKind =
        api.call("PUT", "/settings/alerts", json("{'muted': ['everything']}"));
    assertThat(unknownKind.statusCode()).isEqualTo(400);
    assertThat(unknownKind.body()).contains("\"error\":\"invalid_field\"", "everything");

    HttpResponse<String> badNumber =
        api.call("PUT", "/settings/alerts", json("{'whatsapp': ['12']}"));
    assertThat(badNumber.statusCode()).isEqualTo(400);
    assertThat(badNumber.body()).contains("WhatsApp");

    HttpResponse<String> badMail = api.call("PUT", "/settings/alerts", json("{'emails': ['x']}"));
    assertThat(badMail.statusCode()).isEqualTo(400);
    assertThat(api.json("GET", "/settings/alerts", null).get("overridden").asBoolean()).isFalse();

    assertThat(
            NotificationApps.send(app, "GET", "/api/v1/admin/settings/alerts", null, null)
                .statusCode())
        .isEqualTo(401);
    assertThat(
            NotificationApps.send(app, "GET", "/api/v1/admin/notifications", null, null)
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void theNotificationLogShowsQueuedAlertsAndAUnitCarriesItsArrivalDetails() throws Exception {
    JsonNode unit =
        api.json(
            "POST",
            "/accommodations",
            json(
                "{'name': 'Cabaña del Bosque', 'capacity': 4, 'base_price': 10000,"
                    + " 'address': 'Los Coihues 55, Bariloche',"
                    + " 'arrival_instructions': 'La llave está en la maceta.'}"));
    long id = unit.get("id").asLong();
    assertThat(unit.get("address").asText()).isEqualTo("Los Coihues 55, Bariloche");
    assertThat(unit.get("arrival_instructions").asText()).isEqualTo("La llave está en la maceta.");
    JsonNode cleared = api.json("PUT", "/accommodations/" + id, json("{'address': ''}"));
    assertThat(cleared.get("address").isNull()).isTrue();
    assertThat(cleared.get("arrival_instructions").asText())
        .isEqualTo("La llave está en la maceta.");

    api.json(
        "POST",
        "/reservations",
        json(
            "{'accommodation_id': %d, 'check_in': '2026-12-10', 'check_out': '2026-12-13',"
                    .formatted(id)
                + " 'guests': 2, 'guest_name': 'Ana', 'guest_phone': '+54 9 294 400-0000',"
                + " 'kind': 'hold'}"));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> api.json("GET", "/notifications", null).get("items").size() == 1);
    JsonNode alert = api.json("GET", "/notifications", null).get("items").get(0);
    assertThat(alert.get("channel").asText()).isEqualTo("whatsapp");
    assertThat(alert.get("recipient").asText()).isEqualTo("5492944999999");
    assertThat(alert.get("purpose").asText()).isEqualTo("owner_alert");
    assertThat(alert.get("status").asText()).isEqualTo("pending");
    assertThat(alert.get("text").asText())
        .contains("Nueva prerreserva", "Cabaña del Bosque", "Ana");
    assertThat(api.call("GET", "/notifications?status=lost", null).statusCode()).isEqualTo(400);
    assertThat(
            api.call("POST", "/notifications/" + alert.get("id").asLong() + "/resend", null)
                .statusCode())
        .isEqualTo(404); // only a dead one can be sent again
  }
}
