package ar.booking.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.event.Delivery;
import ar.booking.core.event.DomainEvent;
import ar.booking.core.event.EventType;
import ar.booking.core.memory.InMemoryStores;
import ar.booking.core.testing.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The owner sees dead deliveries with their last error and can put one back in line. */
class EventsApiTest {

  @Test
  void deadDeliveriesAreListedAndCanBeRetried() {
    InMemoryStores stores = InMemoryStores.create();
    try (AdminServer api = AdminServer.inMemory(stores)) {
      stores.events().register("mailer");
      stores
          .events()
          .append(
              DomainEvent.of(
                  EventType.CONFIRMED, "ABCD1234", Map.of("code", "ABCD1234"), Fixtures.NOW));
      Delivery claimed =
          stores
              .events()
              .claim("mailer", Fixtures.NOW, Fixtures.NOW.plusSeconds(60), 10)
              .getFirst();
      stores.events().dead(claimed.event().id(), "mailer", "SMTP refused: 550", Fixtures.NOW);

      var listed = api.get("/events?status=dead");
      assertThat(listed.status()).isEqualTo(200);
      assertThat(listed.json().get("total").asLong()).isEqualTo(1);
      var item = listed.json().get("items").get(0);
      assertThat(item.get("subscriber").asText()).isEqualTo("mailer");
      assertThat(item.get("type").asText()).isEqualTo("confirmed");
      assertThat(item.get("stream").asText()).isEqualTo("ABCD1234");
      assertThat(item.get("last_error").asText()).isEqualTo("SMTP refused: 550");
      assertThat(item.get("attempts").asInt()).isEqualTo(1);

      long id = claimed.event().id();
      var retried = api.post("/events/" + id + "/retry", "{\"subscriber\": \"mailer\"}");
      assertThat(retried.status()).isEqualTo(200);
      assertThat(retried.json().get("status").asText()).isEqualTo("pending");
      assertThat(api.get("/events").json().get("total").asLong()).isZero();
      assertThat(api.post("/events/" + id + "/retry", "{\"subscriber\": \"mailer\"}").status())
          .isEqualTo(404);
      assertThat(api.post("/events/x/retry", "{\"subscriber\": \"mailer\"}").status())
          .isEqualTo(400);
      assertThat(api.post("/events/" + id + "/retry", "{}").status()).isEqualTo(400);
      assertThat(api.get("/events?status=lost").status()).isEqualTo(400);
    }
  }
}
