package ar.booking.core.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReservationCodeTest {

  @Test
  void codesAreEightCrockfordCharactersAndDoNotRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String code = ReservationCode.random().value();
      assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{8}");
      seen.add(code);
    }
    assertThat(seen).hasSize(10_000);
  }

  @Test
  void typedCodesAreReadForgivingly() {
    assertThat(ReservationCode.parse(" 7k3m-9qz1 ")).isEqualTo(new ReservationCode("7K3M9QZ1"));
    assertThat(ReservationCode.parse("oil0abcd")).isEqualTo(new ReservationCode("0110ABCD"));
  }

  @Test
  void somethingElseIsNotACode() {
    assertThatThrownBy(() -> new ReservationCode("ABC"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReservationCode.parse("UUUUUUUU"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
