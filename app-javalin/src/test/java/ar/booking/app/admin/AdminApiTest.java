package ar.booking.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.memory.InMemoryStores;
import ar.booking.core.memory.InProcessBookingLocks;
import ar.booking.core.testing.Fixtures;
import ar.booking.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

class AdminApiTest {

  @Test
  void everyEndpointRefusesARequestWithoutAToken() {
    InMemoryStores stores = InMemoryStores.create();
    try (AdminServer api =
        new AdminServer(
            stores.accommodations(),
            stores.reservations(),
            stores.transactions(),
            stores.payments(),
            stores.events(),
            stores.jobSchedule(),
            stores.calendarFeeds(),
            new InProcessBookingLocks(),
            new MutableClock(Fixtures.NOW),
            false)) {
      String[] reads = {
        "/accommodations",
        "/accommodations/1",
        "/availability?check_in=2026-12-10&check_out=2026-12-13&guests=2",
        "/quote?accommodation_id=1&check_in=2026-12-10&check_out=2026-12-13&guests=2",
        "/calendar?from=2026-12-01&to=2027-01-01",
        "/reservations",
        "/reservations/export.csv",
        "/reservations/ABCDEFGH",
        "/accommodations/1/ical",
        "/conflicts"
      };
      for (String path : reads) {
        var response = api.get(path);
        assertThat(response.status()).as(path).isEqualTo(401);
        assertThat(response.json().get("error").asText()).isEqualTo("unauthorized");
      }
      String[] writes = {
        "/accommodations",
        "/reservations",
        "/reservations/ABCDEFGH/cancel",
        "/reservations/ABCDEFGH/confirm",
        "/accommodations/1/ical/feeds",
        "/accommodations/1/ical/sync",
        "/accommodations/1/ical/rotate",
        "/conflicts/1/resolve"
      };
      for (String path : writes) {
        assertThat(api.post(path, "{}").status()).as(path).isEqualTo(401);
      }
      assertThat(api.put("/accommodations/1", "{}").status()).isEqualTo(401);
      assertThat(api.delete("/ical/feeds/1").status()).isEqualTo(401);
      assertThat(stores.accommodations().findAll()).isEmpty();
    }
  }

  @Test
  void theAdminApiIsServedByTheRealAppWithRequestIdsAndTheOwnersToken() {
    try (AdminServer api = AdminServer.inMemory(InMemoryStores.create())) {
      var response = api.get("/me");
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.json().get("email").asText()).isEqualTo(AdminServer.ADMIN_EMAIL);
      assertThat(response.header("X-Request-ID")).isNotBlank();
    }
  }
}
