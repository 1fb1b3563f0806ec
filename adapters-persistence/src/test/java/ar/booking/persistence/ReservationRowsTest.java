package ar.booking.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import ar.booking.core.reservation.ReservationStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReservationRowsTest {

  private static Set<String> quoted(String sql) {
    return Arrays.stream(sql.substring(sql.indexOf('(') + 1, sql.indexOf(')')).split(","))
        .map(s -> s.strip().replace("'", ""))
        .collect(Collectors.toSet());
  }

  @Test
  void theActivePredicateNamesExactlyTheStatusesThatOccupyNights() {
    Set<String> active =
        ReservationStatus.ACTIVE.stream().map(Enum::name).collect(Collectors.toSet());
    assertThat(quoted(ReservationRows.ACTIVE)).isEqualTo(active);
  }

  @Test
  void theExclusionConstraintUsesTheSamePredicate() throws IOException {
    String migration;
    try (InputStream in =
        getClass().getResourceAsStream("/db/migration/V1__units_and_reservations.sql")) {
      migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(migration)
        .contains("CREATE EXTENSION IF NOT EXISTS btree_gist")
        .contains("daterange(check_in, check_out, '[)') WITH &&")
        .contains(") WHERE (" + ReservationRows.ACTIVE + ")");
  }
}
