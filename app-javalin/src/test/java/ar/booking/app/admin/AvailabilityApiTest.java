package ar.booking.app.admin;

import static ar.booking.app.admin.AdminServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.memory.InMemoryStores;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AvailabilityApiTest {

  final InMemoryStores stores = InMemoryStores.create();
  final AdminServer api = AdminServer.inMemory(stores);

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void thursdayToSundayAtTenThousandWithWeekendTimesOnePointTwoIs34000WithA10200Deposit() {
    long cabin = api.addCabin("Cabaña del Lago", 4);

    var response = api.get("/availability?check_in=2026-12-10&check_out=2026-12-13&guests=2");

    assertThat(response.status()).isEqualTo(200);
    JsonNode body = response.json();
    assertThat(body.get("check_in").asText()).isEqualTo("2026-12-10");
    assertThat(body.get("check_out").asText()).isEqualTo("2026-12-13");
    assertThat(body.get("guests").asInt()).isEqualTo(2);
    JsonNode option = body.get("options").get(0);
    assertThat(option.get("accommodation_id").asLong()).isEqualTo(cabin);
    assertThat(option.get("name").asText()).isEqualTo("Cabaña del Lago");
    assertThat(option.get("available").asBoolean()).isTrue();
    assertThat(option.get("reason").isNull()).isTrue();
    JsonNode quote = option.get("quote");
    assertThat(quote.get("nights").asInt()).isEqualTo(3);
    assertThat(quote.get("currency").asText()).isEqualTo("ARS");
    assertThat(quote.get("total").decimalValue()).isEqualByComparingTo("34000");
    assertThat(quote.get("deposit").decimalValue()).isEqualByComparingTo("10200");
    assertThat(quote.get("balance").decimalValue()).isEqualByComparingTo("23800");
    assertThat(quote.get("subtotal").decimalValue()).isEqualByComparingTo("34000");
    assertThat(quote.get("cleaning_fee").decimalValue()).isEqualByComparingTo("0");
    assertThat(quote.get("per_night")).hasSize(3);
    assertThat(quote.get("per_night").get(0).get("date").asText()).isEqualTo("2026-12-10");
    assertThat(quote.get("per_night").get(0).get("kind").asText()).isEqualTo("weekday");
    assertThat(quote.get("per_night").get(1).get("kind").asText()).isEqualTo("weekend");
    assertThat(response.body())
        .contains("\"total\":34000.00")
        .contains("\"deposit\":10200.00")
        .contains("{\"date\":\"2026-12-11\",\"price\":12000.00,\"kind\":\"weekend\"");
  }

  @Test
  void everyActiveUnitIsListedWithTheReasonWhenItCannotTakeTheStay() {
    long free = api.addCabin("Libre", 4);
    long small = api.addCabin("Chica", 2);
    long taken = api.addCabin("Ocupada", 4);
    long strict = api.addCabin("Exigente", 4);
    long off = api.addCabin("Cerrada", 4);
    api.put("/accommodations/" + strict, json("{'min_nights': 5}"));
    api.put("/accommodations/" + off, json("{'active': false}"));
    api.post(
        "/reservations",
        json(
            "{'accommodation_id': %d, 'check_in': '2026-12-11', 'check_out': '2026-12-12', 'kind': 'block'}"
                .formatted(taken)));

    JsonNode options =
        api.get("/availability?check_in=2026-12-10&check_out=2026-12-13&guests=3")
            .json()
            .get("options");

    assertThat(options).hasSize(4);
    assertThat(option(options, free).get("available").asBoolean()).isTrue();
    assertReason(option(options, small), "too_many_guests", "at most 2");
    assertReason(option(options, taken), "unavailable", "2026-12-11 to 2026-12-12 (block");
    assertThat(option(options, taken).get("conflicts").get(0).get("kind").asText())
        .isEqualTo("block");
    assertReason(option(options, strict), "below_minimum_stay", "minimum stay");
  }

  @Test
  void pastAndOverlongStaysAreExplained() {
    api.addCabin("Cabaña", 4);

    assertReason(
        api.get("/availability?check_in=2026-11-20&check_out=2026-11-22&guests=2")
            .json()
            .get("options")
            .get(0),
        "check_in_in_past",
        "past");
    assertReason(
        api.get("/availability?check_in=2026-12-01&check_out=2027-03-01&guests=2")
            .json()
            .get("options")
            .get(0),
        "stay_too_long",
        "longer");
  }

  @Test
  void missingOrBadParametersAre400NamingTheParameter() {
    assertBadParam("/availability?check_out=2026-12-13&guests=2", "check_in");
    assertBadParam("/availability?check_in=2026-12-10&check_out=13/12/2026&guests=2", "check_out");
    assertBadParam("/availability?check_in=2026-12-10&check_out=2026-12-10&guests=2", "check_out");
    assertBadParam("/availability?check_in=2026-12-10&check_out=9999-12-31&guests=2", "check_out");
    assertBadParam("/availability?check_in=2026-12-10&check_out=2026-12-13", "guests");
    assertBadParam("/availability?check_in=2026-12-10&check_out=2026-12-13&guests=0", "guests");
    assertBadParam("/availability?check_in=2026-12-10&check_out=2026-12-13&guests=two", "guests");
    assertBadParam("/quote?check_in=2026-12-10&check_out=2026-12-13&guests=2", "accommodation_id");
    assertBadParam(
        "/quote?accommodation_id=x&check_in=2026-12-10&check_out=2026-12-13&guests=2",
        "accommodation_id");
  }

  @Test
  void aQuoteForOneUnitPricesTheStay() {
    long cabin = api.addCabin("Cabaña", 4);

    var response =
        api.get(
            "/quote?accommodation_id=%d&check_in=2026-12-10&check_out=2026-12-13&guests=2"
                .formatted(cabin));

    assertThat(response.status()).isEqualTo(200);
    JsonNode body = response.json();
    assertThat(body.get("accommodation_id").asLong()).isEqualTo(cabin);
    assertThat(body.get("available").asBoolean()).isTrue();
    assertThat(body.get("quote").get("total").decimalValue()).isEqualByComparingTo("34000");
    assertThat(body.get("quote").get("deposit").decimalValue()).isEqualByComparingTo("10200");
    assertThat(body.get("conflicts")).isEmpty();
  }

  @Test
  void aQuoteOnTakenNightsSaysSoWithTheConflicts() {
    long cabin = api.addCabin("Cabaña", 4);
    String code =
        api.post(
                "/reservations",
                json(
                    "{'accommodation_id': %d, 'check_in': '2026-12-12', 'check_out': '2026-12-14', 'guests': 2, 'guest_name': 'Ana'}"
                        .formatted(cabin)))
            .json()
            .get("code")
            .asText();

    JsonNode body =
        api.get(
                "/quote?accommodation_id=%d&check_in=2026-12-10&check_out=2026-12-13&guests=2"
                    .formatted(cabin))
            .json();

    assertThat(body.get("available").asBoolean()).isFalse();
    assertThat(body.get("conflicts").get(0).get("code").asText()).isEqualTo(code);
    assertThat(body.get("conflicts").get(0).get("kind").asText()).isEqualTo("confirmed");
  }

  @Test
  void quotesForUnknownUnitsAre404AndRefusedStaysAre422() {
    long cabin = api.addCabin("Cabaña", 2);

    var unknown =
        api.get("/quote?accommodation_id=99&check_in=2026-12-10&check_out=2026-12-13&guests=2");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("error").asText()).isEqualTo("unknown_accommodation");

    var crowded =
        api.get(
            "/quote?accommodation_id=%d&check_in=2026-12-10&check_out=2026-12-13&guests=3"
                .formatted(cabin));
    assertThat(crowded.status()).isEqualTo(422);
    assertThat(crowded.json().get("error").asText()).isEqualTo("too_many_guests");

    var past =
        api.get(
            "/quote?accommodation_id=%d&check_in=2026-11-01&check_out=2026-11-03&guests=2"
                .formatted(cabin));
    assertThat(past.status()).isEqualTo(422);
    assertThat(past.json().get("error").asText()).isEqualTo("check_in_in_past");

    api.put("/accommodations/" + cabin, json("{'active': false}"));
    var inactive =
        api.get(
            "/quote?accommodation_id=%d&check_in=2026-12-10&check_out=2026-12-13&guests=2"
                .formatted(cabin));
    assertThat(inactive.status()).isEqualTo(422);
    assertThat(inactive.json().get("error").asText()).isEqualTo("unit_inactive");
  }

  @Test
  void seasonsAndHolidaysSetThroughTheApiPriceTheNights() {
    long cabin = api.addCabin("Cabaña de temporada", 4);
    var updated =
        api.put(
            "/accommodations/" + cabin,
            json(
                """
                {'cleaning_fee': 1000,
                 'seasons': [{'name': 'Navidad', 'from': '2026-12-20', 'to': '2026-12-21',
                              'nightly_rate': 15000, 'min_nights': 3}],
                 'holidays': [{'date': '2026-12-22', 'name': 'Propio', 'rate': 25000.50},
                              {'date': '2026-12-23', 'name': 'Como finde'}]}
                """));
    assertThat(updated.status()).as(updated.body()).isEqualTo(200);

    JsonNode quote =
        api.get(
                "/quote?accommodation_id=%d&check_in=2026-12-20&check_out=2026-12-24&guests=2"
                    .formatted(cabin))
            .json()
            .get("quote");

    JsonNode nights = quote.get("per_night");
    assertThat(nights.get(0).get("price").decimalValue()).isEqualByComparingTo("15000");
    assertThat(nights.get(0).get("season").asText()).isEqualTo("Navidad");
    assertThat(nights.get(1).get("price").decimalValue())
        .isEqualByComparingTo("15000"); // to is included
    assertThat(nights.get(2).get("price").decimalValue()).isEqualByComparingTo("25000.50");
    assertThat(nights.get(2).get("kind").asText()).isEqualTo("holiday");
    assertThat(nights.get(3).get("price").decimalValue()).isEqualByComparingTo("12000");
    assertThat(nights.get(3).get("kind").asText()).isEqualTo("holiday");
    assertThat(quote.get("cleaning_fee").decimalValue()).isEqualByComparingTo("1000");
    assertThat(quote.get("total").decimalValue()).isEqualByComparingTo("68000.50");
    assertThat(quote.get("deposit").decimalValue()).isEqualByComparingTo("20400.15");
    assertThat(quote.get("balance").decimalValue()).isEqualByComparingTo("47600.35");

    var tooShort =
        api.get(
            "/quote?accommodation_id=%d&check_in=2026-12-20&check_out=2026-12-22&guests=2"
                .formatted(cabin));
    assertThat(tooShort.status()).isEqualTo(422);
    assertThat(tooShort.json().get("error").asText()).isEqualTo("below_minimum_stay");
    assertThat(tooShort.json().get("message").asText()).contains("3 nights");
  }

  private static JsonNode option(JsonNode options, long unit) {
    for (JsonNode option : options) {
      if (option.get("accommodation_id").asLong() == unit) {
        return option;
      }
    }
    throw new AssertionError("no option for unit " + unit + " in " + options);
  }

  private static void assertReason(JsonNode option, String reason, String messagePart) {
    assertThat(option.get("available").asBoolean()).isFalse();
    assertThat(option.get("reason").asText()).isEqualTo(reason);
    assertThat(option.get("reason_message").asText()).contains(messagePart);
    assertThat(option.get("quote").isNull()).isTrue();
  }

  private void assertBadParam(String path, String param) {
    var response = api.get(path);
    assertThat(response.status()).as(path).isEqualTo(400);
    assertThat(response.json().get("error").asText()).isEqualTo("invalid_request");
    assertThat(response.json().get("field").asText()).as(path).isEqualTo(param);
    assertThat(response.json().get("message").asText()).startsWith(param);
  }
}
