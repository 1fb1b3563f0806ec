package ar.booking.app.admin;

import static ar.booking.app.admin.AdminServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.app.admin.AdminServer.Response;
import ar.booking.core.memory.InMemoryStores;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Listing, filtering, paging and exporting reservations; and the calendar. */
class ReservationSearchApiTest {

  final InMemoryStores stores = InMemoryStores.create();
  final AdminServer api = AdminServer.inMemory(stores);
  final long lake = api.addCabin("Cabaña del Lago", 4);
  final long forest = api.addCabin("Cabaña del Bosque", 4);

  @AfterEach
  void stop() {
    api.close();
  }

  String book(long unit, String checkIn, String checkOut, String guestName) {
    Response response =
        api.post(
            "/reservations",
            json(
                    "{'accommodation_id': %d, 'check_in': '%s', 'check_out': '%s', 'guests': 2,"
                        .formatted(unit, checkIn, checkOut))
                + " \"guest_name\": "
                + quoted(guestName)
                + "}");
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().get("code").asText();
  }

  String blockForest(String checkIn, String checkOut) {
    return api.post(
            "/reservations",
            json(
                "{'accommodation_id': %d, 'check_in': '%s', 'check_out': '%s', 'kind': 'block', 'note': 'techo'}"
                    .formatted(forest, checkIn, checkOut)))
        .json()
        .get("code")
        .asText();
  }

  @Test
  void theListFiltersByStatusUnitDatesAndTextAndPagesWithTheTotal() {
    String first = book(lake, "2026-12-01", "2026-12-03", "Ana Pérez");
    String second = book(lake, "2026-12-10", "2026-12-12", "Bruno Díaz");
    String third = book(forest, "2026-12-09", "2026-12-12", "Carla Gómez");
    String block = blockForest("2026-12-20", "2026-12-22");
    api.post("/reservations/" + first + "/cancel", "");

    JsonNode all = api.get("/reservations").json();
    assertThat(all.get("total").asLong()).isEqualTo(4);
    assertThat(all.get("offset").asInt()).isZero();
    assertThat(all.get("limit").asInt()).isEqualTo(50);
    assertThat(codes(all)).containsExactly(block, second, third, first); // newest check-in first

    assertThat(codes(api.get("/reservations?status=cancelled").json())).containsExactly(first);
    assertThat(codes(api.get("/reservations?status=BLOCKED").json())).containsExactly(block);
    assertThat(codes(api.get("/reservations?accommodation_id=" + forest).json()))
        .containsExactlyInAnyOrder(third, block);
    assertThat(codes(api.get("/reservations?from=2026-12-11&to=2026-12-21").json()))
        .containsExactlyInAnyOrder(second, third, block);
    assertThat(codes(api.get("/reservations?q=d%C3%ADaz").json())).containsExactly(second);
    assertThat(codes(api.get("/reservations?q=" + third.toLowerCase()).json()))
        .containsExactly(third);

    JsonNode page = api.get("/reservations?offset=1&limit=2").json();
    assertThat(page.get("total").asLong()).isEqualTo(4);
    assertThat(page.get("limit").asInt()).isEqualTo(2);
    assertThat(codes(page)).containsExactly(second, third);
  }

  @Test
  void badListParametersAre400NamingTheParameter() {
    for (String[] bad :
        new String[][] {
          {"status=lost", "status"},
          {"accommodation_id=abc", "accommodation_id"},
          {"from=yesterday", "from"},
          {"from=2026-12-10&to=2026-12-01", "to"},
          {"limit=0", "limit"},
          {"limit=501", "limit"},
          {"offset=-1", "offset"}
        }) {
      Response response = api.get("/reservations?" + bad[0]);
      assertThat(response.status()).as(bad[0]).isEqualTo(400);
      assertThat(response.json().get("field").asText()).as(bad[0]).isEqualTo(bad[1]);
      assertThat(api.get("/reservations/export.csv?" + bad[0]).status()).isEqualTo(400);
    }
  }

  @Test
  void theCsvExportHasAHeaderEscapesEveryCellAndComesAsAnAttachment() {
    String tricky = book(lake, "2026-12-10", "2026-12-12", "Pérez, \"Anita\"\nsegunda línea");
    String formula = book(forest, "2026-12-10", "2026-12-12", "=HYPERLINK(\"http://x\")");
    blockForest("2026-12-20", "2026-12-22");

    Response csv = api.get("/reservations/export.csv?accommodation_id=" + lake);

    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.header("Content-Type")).isEqualTo("text/csv; charset=utf-8");
    assertThat(csv.header("Content-Disposition"))
        .isEqualTo("attachment; filename=\"reservations-2026-11-25.csv\"");
    assertThat(csv.body()).startsWith("\uFEFF" + ReservationCsv.HEADER + "\r\n");
    String row = csv.body().substring(csv.body().indexOf("\r\n") + 2);
    assertThat(row)
        .startsWith(
            tricky + "," + lake + ",Cabaña del Lago,booking,confirmed,2026-12-10,2026-12-12,2,2,")
        .contains(",\"Pérez, \"\"Anita\"\"\nsegunda línea\",,,admin,ARS,22000.00,6600.00,0.00,")
        .endsWith("\r\n");
    assertThat(csv.body().split("\r\n")).hasSize(2);

    Response all = api.get("/reservations/export.csv");
    assertThat(all.body().split("\r\n")).hasSize(4);
    assertThat(all.body()).contains(formula + ",").contains(",\"'=HYPERLINK(\"\"http://x\"\")\",");
  }

  @Test
  void csvCellsAreQuotedOnlyWhenNeededAndFormulasNeutralised() {
    assertThat(ReservationCsv.cell("plain")).isEqualTo("plain");
    assertThat(ReservationCsv.cell("a,b")).isEqualTo("\"a,b\"");
    assertThat(ReservationCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(ReservationCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(ReservationCsv.cell("=1+1")).isEqualTo("'=1+1");
    assertThat(ReservationCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(ReservationCsv.cell("+cmd|' /C calc'!A0")).isEqualTo("'+cmd|' /C calc'!A0");
    assertThat(ReservationCsv.cell("+54 9 294 400-0000")).isEqualTo("+54 9 294 400-0000");
    assertThat(ReservationCsv.cell("")).isEmpty();
  }

  @Test
  void theCalendarShowsEachUnitsTakenNightsWithWhatTakesThem() {
    String booking = book(lake, "2026-12-10", "2026-12-12", "Ana");
    String block = blockForest("2026-12-11", "2026-12-14");
    book(lake, "2027-01-10", "2027-01-12", "Fuera de rango");

    Response response = api.get("/calendar?from=2026-12-01&to=2027-01-01");

    assertThat(response.status()).isEqualTo(200);
    JsonNode units = response.json().get("units");
    assertThat(units).hasSize(2);
    JsonNode lakeBusy = units.get(0).get("busy");
    assertThat(units.get(0).get("accommodation_id").asLong()).isEqualTo(lake);
    assertThat(units.get(0).get("name").asText()).isEqualTo("Cabaña del Lago");
    assertThat(lakeBusy).hasSize(1);
    assertThat(lakeBusy.get(0).get("code").asText()).isEqualTo(booking);
    assertThat(lakeBusy.get(0).get("kind").asText()).isEqualTo("confirmed");
    assertThat(lakeBusy.get(0).get("source").asText()).isEqualTo("admin");
    assertThat(lakeBusy.get(0).get("check_in").asText()).isEqualTo("2026-12-10");
    JsonNode forestBusy = units.get(1).get("busy");
    assertThat(forestBusy.get(0).get("code").asText()).isEqualTo(block);
    assertThat(forestBusy.get(0).get("kind").asText()).isEqualTo("block");
    assertThat(forestBusy.get(0).get("status").asText()).isEqualTo("blocked");

    JsonNode one =
        api.get("/calendar?from=2026-12-01&to=2027-01-01&accommodation_id=" + forest).json();
    assertThat(one.get("units")).hasSize(1);
    assertThat(one.get("units").get(0).get("accommodation_id").asLong()).isEqualTo(forest);

    assertThat(api.get("/calendar?from=2026-12-01").json().get("field").asText()).isEqualTo("to");
    assertThat(api.get("/calendar?from=2026-12-01&to=2026-12-01").status()).isEqualTo(400);
    assertThat(api.get("/calendar?from=2026-01-01&to=2029-01-01").status()).isEqualTo(400);
    assertThat(api.get("/calendar?from=2026-12-01&to=2027-01-01&accommodation_id=99").status())
        .isEqualTo(404);
  }

  private static List<String> codes(JsonNode page) {
    List<String> codes = new ArrayList<>();
    page.get("items").forEach(item -> codes.add(item.get("code").asText()));
    return codes;
  }

  private static String quoted(String text) {
    try {
      return AdminServer.JSON.writeValueAsString(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
