package ar.booking.app.admin;

import static ar.booking.app.admin.AdminServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.memory.InMemoryStores;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AccommodationsApiTest {

  static final String CABIN =
      json(
          """
          {'name': 'Cabaña del Lago', 'type': 'cabin', 'capacity': 4,
           'description': 'Vista al lago', 'amenities': ['wifi', 'parrilla'],
           'check_in_time': '15:00', 'check_out_time': '10:30',
           'time_zone': 'America/Argentina/Mendoza',
           'base_price': 10000, 'currency': 'ARS', 'weekend_multiplier': 1.2,
           'weekend_nights': ['friday', 'saturday'], 'min_nights': 2,
           'cleaning_fee': 5000.50, 'deposit_percentage': 30,
           'seasons': [{'name': 'Temporada alta', 'from': '2026-12-20', 'to': '2027-02-28',
                        'nightly_rate': 15000, 'min_nights': 3}],
           'holidays': [{'date': '2026-12-08', 'name': 'Inmaculada Concepción'},
                        {'date': '2026-12-31', 'name': 'Fin de año', 'rate': 25000.50}]}
          """);

  final InMemoryStores stores = InMemoryStores.create();
  final AdminServer api = AdminServer.inMemory(stores);

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void aNewUnitIsCreatedWithItsWholePricingPolicyAndReadBack() {
    var created = api.post("/accommodations", CABIN);

    assertThat(created.status()).isEqualTo(201);
    JsonNode unit = created.json();
    long id = unit.get("id").asLong();
    assertThat(created.header("Location")).isEqualTo("/api/v1/admin/accommodations/" + id);
    assertThat(unit.get("name").asText()).isEqualTo("Cabaña del Lago");
    assertThat(unit.get("type").asText()).isEqualTo("cabin");
    assertThat(unit.get("capacity").asInt()).isEqualTo(4);
    assertThat(unit.get("active").asBoolean()).isTrue();
    assertThat(unit.get("check_in_time").asText()).isEqualTo("15:00");
    assertThat(unit.get("time_zone").asText()).isEqualTo("America/Argentina/Mendoza");
    assertThat(unit.get("weekend_nights").toString()).isEqualTo("[\"friday\",\"saturday\"]");
    assertThat(created.body())
        .contains("\"base_price\":10000.00")
        .contains("\"currency\":\"ARS\"")
        .contains("\"weekend_multiplier\":1.2")
        .contains("\"cleaning_fee\":5000.50")
        .contains("\"deposit_percentage\":30")
        .contains("\"min_nights\":2");
    assertThat(created.body())
        .contains(
            "{\"name\":\"Temporada alta\",\"from\":\"2026-12-20\",\"to\":\"2027-02-28\","
                + "\"nightly_rate\":15000.00,\"min_nights\":3}");
    assertThat(unit.get("holidays").get(0).get("priced_as_weekend").asBoolean()).isTrue();
    assertThat(unit.get("holidays").get(0).get("rate").isNull()).isTrue();
    assertThat(unit.get("holidays").get(1).get("rate").decimalValue())
        .isEqualByComparingTo("25000.50");

    var read = api.get("/accommodations/" + id);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.body()).isEqualTo(created.body());
    var list = api.get("/accommodations");
    assertThat(list.json().get("items")).hasSize(1);
    assertThat(list.json().get("items").get(0)).isEqualTo(unit);
  }

  @Test
  void aMinimalUnitGetsTheDefaults() {
    var created =
        api.post("/accommodations", json("{'name': 'Depto', 'capacity': 2, 'base_price': 8000}"));

    assertThat(created.status()).isEqualTo(201);
    JsonNode unit = created.json();
    assertThat(unit.get("type").asText()).isEqualTo("other");
    assertThat(unit.get("currency").asText()).isEqualTo("ARS");
    assertThat(unit.get("deposit_percentage").asInt()).isEqualTo(30);
    assertThat(unit.get("min_nights").asInt()).isEqualTo(1);
    assertThat(unit.get("check_in_time").asText()).isEqualTo("14:00");
    assertThat(unit.get("check_out_time").asText()).isEqualTo("10:00");
    assertThat(unit.get("time_zone").asText()).isEqualTo("America/Argentina/Buenos_Aires");
    assertThat(unit.get("seasons")).isEmpty();
  }

  @Test
  void putReplacesTheGivenFieldsAndKeepsTheRest() {
    long id = api.post("/accommodations", CABIN).json().get("id").asLong();

    var updated =
        api.put(
            "/accommodations/" + id,
            json(
                """
                {'base_price': 12000, 'deposit_percentage': 50,
                 'seasons': [{'name': 'Invierno', 'from': '2027-07-01', 'to': '2027-07-31',
                              'nightly_rate': 14000}],
                 'holidays': []}
                """));

    assertThat(updated.status()).isEqualTo(200);
    JsonNode unit = updated.json();
    assertThat(unit.get("base_price").decimalValue()).isEqualByComparingTo("12000");
    assertThat(unit.get("deposit_percentage").asInt()).isEqualTo(50);
    assertThat(unit.get("seasons")).hasSize(1);
    assertThat(unit.get("seasons").get(0).get("min_nights").isNull()).isTrue();
    assertThat(unit.get("holidays")).isEmpty();
    assertThat(unit.get("name").asText()).isEqualTo("Cabaña del Lago");
    assertThat(unit.get("capacity").asInt()).isEqualTo(4);
    assertThat(api.get("/accommodations/" + id).json()).isEqualTo(unit);
  }

  @Test
  void aUnitReadWithGetCanBeSentBackWithPut() {
    var created = api.post("/accommodations", CABIN);
    long id = created.json().get("id").asLong();

    var updated = api.put("/accommodations/" + id, created.body().replace("Lago", "Bosque"));

    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.json().get("name").asText()).isEqualTo("Cabaña del Bosque");
  }

  @Test
  void putWithActiveFalseDeactivatesTheUnitWithoutDeletingIt() {
    long id = api.post("/accommodations", CABIN).json().get("id").asLong();

    var updated = api.put("/accommodations/" + id, json("{'active': false}"));

    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.json().get("active").asBoolean()).isFalse();
    assertThat(api.get("/accommodations/" + id).json().get("active").asBoolean()).isFalse();
    assertThat(api.get("/accommodations").json().get("items")).hasSize(1);
  }

  @Test
  void invalidFieldsAre400NamingTheFieldAndNothingIsStored() {
    assertInvalid(
        CABIN.replace("\"deposit_percentage\": 30", "\"deposit_percentage\": 130"),
        "deposit_percentage",
        "deposit_percentage must be 0..100");
    assertInvalid(
        CABIN.replace("\"capacity\": 4", "\"capacity\": 0"), "capacity", "capacity must be 1..100");
    assertInvalid(
        CABIN.replace("\"base_price\": 10000", "\"base_price\": 10000.555"),
        "base_price",
        "base_price has at most two decimals");
    assertInvalid(
        CABIN.replace("\"weekend_multiplier\": 1.2", "\"weekend_multiplier\": 0"),
        "weekend_multiplier",
        "weekend_multiplier must be greater than 0");
    assertInvalid(
        CABIN.replace("'2027-02-28'".replace('\'', '"'), "\"2026-12-01\""),
        "seasons[0].to",
        "seasons[0].to must not be before seasons[0].from");
    assertInvalid(
        CABIN.replace("\"2026-12-31\"", "\"2026-12-08\""),
        "holidays[1].date",
        "holidays[1].date is listed twice");
    assertInvalid(CABIN.replace("\"cabin\"", "\"castle\""), "type", "type must be one of cabin");
    assertInvalid(
        CABIN.replace("America/Argentina/Mendoza", "Mars/Olympus"), "time_zone", "time_zone");
    assertInvalid(CABIN.replace("\"15:00\"", "\"3pm\""), "check_in_time", "check_in_time");
    assertInvalid(CABIN.replace("\"ARS\"", "\"XYZ1\""), "currency", "currency");
    assertInvalid(
        json("{'name': 'Sin precio', 'capacity': 2}"), "base_price", "base_price is required");
    assertInvalid(
        json("{'name': ' ', 'capacity': 2, 'base_price': 1}"), "name", "name must not be blank");

    assertThat(api.get("/accommodations").json().get("items")).isEmpty();
  }

  @Test
  void aRefusedUpdateLeavesTheStoredUnitAsItWas() {
    var created = api.post("/accommodations", CABIN);
    long id = created.json().get("id").asLong();

    var refused =
        api.put("/accommodations/" + id, json("{'name': 'Otro nombre', 'deposit_percentage': -1}"));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("message").asText())
        .isEqualTo("deposit_percentage must be 0..100");
    assertThat(api.get("/accommodations/" + id).body()).isEqualTo(created.body());
  }

  @Test
  void unknownFieldsAndMalformedJsonAre400() {
    var typo = api.post("/accommodations", json("{'name': 'X', 'capacty': 2, 'base_price': 1}"));
    assertThat(typo.status()).isEqualTo(400);
    assertThat(typo.body()).contains("capacty");

    var empty = api.post("/accommodations", "");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.json().get("error").asText()).isEqualTo("invalid_json");
  }

  @Test
  void unknownUnitsAre404Json() {
    for (String id : new String[] {"999", "abc", "-1"}) {
      var response = api.get("/accommodations/" + id);
      assertThat(response.status()).isEqualTo(404);
      assertThat(response.json().get("error").asText()).isEqualTo("unknown_accommodation");
    }
    assertThat(api.put("/accommodations/999", "{}").status()).isEqualTo(404);
  }

  private void assertInvalid(String body, String field, String messageStart) {
    var response = api.post("/accommodations", body);
    assertThat(response.status()).as(body).isEqualTo(400);
    assertThat(response.json().get("error").asText()).isEqualTo("invalid_request");
    assertThat(response.json().get("field").asText()).isEqualTo(field);
    assertThat(response.json().get("message").asText()).startsWith(messageStart);
  }
}
