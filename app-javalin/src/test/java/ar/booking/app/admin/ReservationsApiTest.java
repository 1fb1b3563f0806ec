package ar.booking.app.admin;

import static ar.booking.app.admin.AdminServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.app.admin.AdminServer.Response;
import ar.booking.core.memory.InMemoryStores;
import ar.booking.core.memory.InProcessBookingLocks;
import ar.booking.core.reservation.Channel;
import ar.booking.core.shared.AccommodationId;
import ar.booking.core.stay.GuestCount;
import ar.booking.core.stay.StayPeriod;
import ar.booking.core.testing.Fixtures;
import ar.booking.core.testing.MutableClock;
import ar.booking.core.usecase.PlaceHold;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReservationsApiTest {

  final InMemoryStores stores = InMemoryStores.create();
  final RecordingReservations reservations = new RecordingReservations(stores.reservations());
  final AdminServer api =
      new AdminServer(
          stores.accommodations(),
          reservations,
          stores.transactions(),
          stores.payments(),
          stores.events(),
          stores.jobSchedule(),
          stores.calendarFeeds(),
          new InProcessBookingLocks(),
          new MutableClock(Fixtures.NOW));
  final long cabin = api.addCabin("Cabaña del Lago", 4);

  @AfterEach
  void stop() {
    api.close();
  }

  Response book(String checkIn, String checkOut, String guestName) {
    return api.post(
        "/reservations",
        json(
            "{'accommodation_id': %d, 'check_in': '%s', 'check_out': '%s', 'guests': 2, 'guest_name': '%s', 'guest_phone': '+54 9 294 400-0000', 'kind': 'booking'}"
                .formatted(cabin, checkIn, checkOut, guestName)));
  }

  Response block(String checkIn, String checkOut) {
    return api.post(
        "/reservations",
        json(
            "{'accommodation_id': %d, 'check_in': '%s', 'check_out': '%s', 'note': 'pintura', 'kind': 'block'}"
                .formatted(cabin, checkIn, checkOut)));
  }

  @Test
  void anOwnerBookingIsConfirmedAt201AndAnOverlappingOneIs409WithTheConflicts() {
    Response created = book("2026-12-10", "2026-12-13", "Ana Pérez");

    assertThat(created.status()).isEqualTo(201);
    JsonNode booking = created.json();
    String code = booking.get("code").asText();
    assertThat(code).matches("[0-9A-Z]{8}");
    assertThat(created.header("Location")).isEqualTo("/api/v1/admin/reservations/" + code);
    assertThat(booking.get("status").asText()).isEqualTo("confirmed");
    assertThat(booking.get("kind").asText()).isEqualTo("booking");
    assertThat(booking.get("channel").asText()).isEqualTo("admin");
    assertThat(booking.get("guest_name").asText()).isEqualTo("Ana Pérez");
    assertThat(booking.get("total").decimalValue()).isEqualByComparingTo("34000");
    assertThat(booking.get("quote").get("deposit").decimalValue()).isEqualByComparingTo("10200");
    assertThat(booking.get("amount_paid").decimalValue()).isEqualByComparingTo("0");
    assertThat(reservations.writes).containsExactly(code + " CONFIRMED " + AdminServer.ACTOR);

    Response overlapping = book("2026-12-12", "2026-12-15", "Bruno");

    assertThat(overlapping.status()).isEqualTo(409);
    JsonNode refused = overlapping.json();
    assertThat(refused.get("error").asText()).isEqualTo("unavailable");
    assertThat(refused.get("message").asText()).contains("2026-12-10 to 2026-12-13");
    JsonNode conflict = refused.get("conflicts").get(0);
    assertThat(conflict.get("code").asText()).isEqualTo(code);
    assertThat(conflict.get("check_in").asText()).isEqualTo("2026-12-10");
    assertThat(conflict.get("check_out").asText()).isEqualTo("2026-12-13");
    assertThat(conflict.get("kind").asText()).isEqualTo("confirmed");
    assertThat(conflict.get("source").asText()).isEqualTo("admin");
    assertThat(book("2026-12-13", "2026-12-15", "Back to back").status()).isEqualTo(201);
  }

  @Test
  void aBlockTakesTheNightsAndCancellingItFreesThem() {
    Response created = block("2026-12-20", "2026-12-23");

    assertThat(created.status()).isEqualTo(201);
    JsonNode body = created.json();
    assertThat(body.get("kind").asText()).isEqualTo("block");
    assertThat(body.get("status").asText()).isEqualTo("blocked");
    assertThat(body.get("note").asText()).isEqualTo("pintura");
    assertThat(body.get("quote").isNull()).isTrue();
    Response refused = book("2026-12-21", "2026-12-22", "Ana");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("conflicts").get(0).get("kind").asText()).isEqualTo("block");

    String code = body.get("code").asText();
    assertThat(api.post("/reservations/" + code + "/cancel", "").status()).isEqualTo(200);
    assertThat(book("2026-12-21", "2026-12-22", "Ana").status()).isEqualTo(201);
  }

  @Test
  void cancellingKeepsTheReasonRecordsTheActorAndIsIdempotent() {
    String code = book("2026-12-10", "2026-12-13", "Ana").json().get("code").asText();

    Response cancelled =
        api.post("/reservations/" + code + "/cancel", json("{'reason': 'se enfermó'}"));

    assertThat(cancelled.status()).isEqualTo(200);
    assertThat(cancelled.json().get("status").asText()).isEqualTo("cancelled");
    assertThat(cancelled.json().get("note").asText()).isEqualTo("se enfermó");
    assertThat(reservations.writes).contains(code + " CANCELLED " + AdminServer.ACTOR);
    Response again = api.post("/reservations/" + code + "/cancel", "{}");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("status").asText()).isEqualTo("cancelled");
    assertThat(api.post("/reservations/ZZZZZZZZ/cancel", "{}").status()).isEqualTo(404);
  }

  @Test
  void confirmingAHoldByHandRecordsTheAmountPaidAndWhoDidIt() {
    String code = hold("2026-12-10", "2026-12-12");

    Response confirmed =
        api.post("/reservations/" + code + "/confirm", json("{'amount_paid': 6600.50}"));

    assertThat(confirmed.status()).isEqualTo(200);
    assertThat(confirmed.json().get("status").asText()).isEqualTo("confirmed");
    assertThat(confirmed.body()).contains("\"amount_paid\":6600.50");
    assertThat(reservations.writes).contains(code + " CONFIRMED " + AdminServer.ACTOR);
    Response again = api.post("/reservations/" + code + "/confirm", "");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("status").asText()).isEqualTo("confirmed");
  }

  @Test
  void aBalancePaidAfterConfirmationIsRecordedNotDroppedAndListedWithItsPayments() {
    String code = hold("2026-12-10", "2026-12-12");
    api.post(
        "/reservations/" + code + "/confirm", json("{'amount_paid': 6600, 'reference': 'T-1'}"));

    Response balance =
        api.post("/reservations/" + code + "/confirm", json("{'amount_paid': 15400.50}"));
    assertThat(balance.status()).isEqualTo(200);
    assertThat(balance.json().get("status").asText()).isEqualTo("confirmed");
    assertThat(balance.json().get("amount_paid").decimalValue()).isEqualByComparingTo("22000.50");

    // The same transfer sent twice is recorded once.
    Response repeated =
        api.post(
            "/reservations/" + code + "/confirm",
            json("{'amount_paid': 6600, 'reference': 'T-1'}"));
    assertThat(repeated.json().get("amount_paid").decimalValue()).isEqualByComparingTo("22000.50");

    JsonNode read = api.get("/reservations/" + code).json();
    assertThat(read.get("amount_paid").decimalValue()).isEqualByComparingTo("22000.50");
    JsonNode payments = read.get("payments");
    assertThat(payments).hasSize(2);
    assertThat(payments.get(0).get("provider").asText()).isEqualTo("manual");
    assertThat(payments.get(0).get("provider_payment_id").asText()).isEqualTo("T-1");
    assertThat(payments.get(0).get("status").asText()).isEqualTo("approved");
    assertThat(payments.get(0).get("amount").decimalValue()).isEqualByComparingTo("6600");
    assertThat(payments.get(1).get("amount").decimalValue()).isEqualByComparingTo("15400.50");
    assertThat(payments.get(1).get("currency").asText()).isEqualTo("ARS");
    // Lists stay light: payments come with one reservation only.
    assertThat(api.get("/reservations").json().get("items").get(0).has("payments")).isFalse();
  }

  @Test
  void moneyIsNotTakenForACancelledBooking() {
    String code = hold("2026-12-10", "2026-12-12");
    api.post("/reservations/" + code + "/cancel", "");

    Response refused =
        api.post("/reservations/" + code + "/confirm", json("{'amount_paid': 1000}"));

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("error").asText()).isEqualTo("not_confirmable");
    assertThat(api.get("/reservations/" + code).json().get("payments")).isEmpty();
  }

  @Test
  void blocksAndCancelledBookingsCannotBeConfirmed() {
    String blockCode = block("2026-12-20", "2026-12-23").json().get("code").asText();
    Response refused = api.post("/reservations/" + blockCode + "/confirm", "");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("error").asText()).isEqualTo("not_confirmable");

    String code = hold("2026-12-10", "2026-12-12");
    api.post("/reservations/" + code + "/cancel", "");
    assertThat(api.post("/reservations/" + code + "/confirm", "").status()).isEqualTo(409);
    assertThat(api.post("/reservations/" + code + "/confirm", json("{'amount_paid': -1}")).status())
        .isEqualTo(400);
  }

  @Test
  void aReservationIsReadByItsCodeInAnyCaseAndUnknownOrMalformedCodesAre404() {
    String code = book("2026-12-10", "2026-12-13", "Ana").json().get("code").asText();

    Response read = api.get("/reservations/" + code.toLowerCase(java.util.Locale.ROOT));
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().get("code").asText()).isEqualTo(code);
    assertThat(read.json().get("quote").get("per_night")).hasSize(3);

    for (String missing : new String[] {"ZZZZZZZZ", "not-a-code", "%20"}) {
      Response response = api.get("/reservations/" + missing);
      assertThat(response.status()).as(missing).isEqualTo(404);
      assertThat(response.json().get("error").asText()).isEqualTo("unknown_reservation");
    }
  }

  @Test
  void refusedStaysAndUnknownUnitsHaveClearCodes() {
    Response crowded =
        api.post(
            "/reservations",
            json(
                "{'accommodation_id': %d, 'check_in': '2026-12-10', 'check_out': '2026-12-12', 'guests': 9, 'guest_name': 'Muchos'}"
                    .formatted(cabin)));
    assertThat(crowded.status()).isEqualTo(422);
    assertThat(crowded.json().get("error").asText()).isEqualTo("too_many_guests");

    Response past = book("2026-11-01", "2026-11-03", "Tarde");
    assertThat(past.status()).isEqualTo(422);
    assertThat(past.json().get("error").asText()).isEqualTo("check_in_in_past");

    Response unknown =
        api.post(
            "/reservations",
            json(
                "{'accommodation_id': 999, 'check_in': '2026-12-10', 'check_out': '2026-12-12', 'guests': 2, 'guest_name': 'X'}"));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("error").asText()).isEqualTo("unknown_accommodation");
  }

  @Test
  void invalidBookingRequestsAre400NamingTheField() {
    assertInvalid(
        "{'check_in': '2026-12-10', 'check_out': '2026-12-12', 'guests': 2, 'guest_name': 'A'}",
        "accommodation_id");
    assertInvalid(
        withUnit(
            "'check_in': '2026-12-10', 'check_out': '2026-12-10', 'guests': 2, 'guest_name': 'A'"),
        "check_out");
    assertInvalid(
        withUnit(
            "'check_in': '10/12/2026', 'check_out': '2026-12-12', 'guests': 2, 'guest_name': 'A'"),
        "check_in");
    assertInvalid(
        withUnit("'check_in': '2026-12-10', 'check_out': '2026-12-12', 'guest_name': 'A'"),
        "guests");
    assertInvalid(
        withUnit("'check_in': '2026-12-10', 'check_out': '2026-12-12', 'guests': 2"), "guest_name");
    assertInvalid(
        withUnit(
            "'check_in': '2026-12-10', 'check_out': '2026-12-12', 'guests': 2, 'guest_name': 'A', 'guest_email': 'nope'"),
        "guest_email");
    assertInvalid(
        withUnit("'check_in': '2026-12-10', 'check_out': '2026-12-12', 'kind': 'party'"), "kind");
    assertThat(reservations.writes).isEmpty();
  }

  private String withUnit(String fields) {
    return "{'accommodation_id': " + cabin + ", " + fields + "}";
  }

  private void assertInvalid(String body, String field) {
    Response response = api.post("/reservations", json(body));
    assertThat(response.status()).as(body).isEqualTo(400);
    assertThat(response.json().get("error").asText()).isEqualTo("invalid_request");
    assertThat(response.json().get("field").asText()).as(body).isEqualTo(field);
  }

  private String hold(String checkIn, String checkOut) {
    var placed =
        (PlaceHold.HoldPlaced)
            api.engine
                .placeHold()
                .execute(
                    new PlaceHold.Command(
                        new AccommodationId(cabin),
                        StayPeriod.parse(checkIn, checkOut),
                        GuestCount.of(2),
                        Fixtures.guest("Huésped"),
                        Channel.WHATSAPP));
    return placed.reservation().code().value();
  }
}
