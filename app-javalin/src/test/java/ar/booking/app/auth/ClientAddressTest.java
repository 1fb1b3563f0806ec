package ar.booking.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

  @Test
  void forwardedForIsIgnoredUnlessTheProxyIsTrusted() {
    assertThat(ClientAddress.resolve("10.0.0.5", "203.0.113.7", false)).isEqualTo("10.0.0.5");
  }

  @Test
  void behindATrustedProxyTheLastHopIsTheClient() {
    assertThat(ClientAddress.resolve("10.0.0.5", "1.2.3.4, 203.0.113.7", true))
        .as("the first entry is whatever the client sent")
        .isEqualTo("203.0.113.7");
    assertThat(ClientAddress.resolve("10.0.0.5", null, true)).isEqualTo("10.0.0.5");
    assertThat(ClientAddress.resolve("10.0.0.5", " ", true)).isEqualTo("10.0.0.5");
  }
}
