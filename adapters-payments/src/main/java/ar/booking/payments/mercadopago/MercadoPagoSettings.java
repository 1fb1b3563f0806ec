package ar.booking.payments.mercadopago;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach Mercado Pago.
 *
 * @param apiBaseUrl {@code https://api.mercadopago.com}, or a stand-in
 * @param notificationUrl where Mercado Pago posts notifications (our webhook)
 * @param backUrlBase where the guest returns after paying; empty unless our site is public https
 * @param attempts tries per call on a timeout, a 5xx or a 429 (1 = no retry)
 * @param backoff the first pause between tries; doubled each time
 * @param breakerThreshold consecutive failed calls that open the circuit
 * @param breakerOpen how long an open circuit refuses calls before letting one through
 */
public record MercadoPagoSettings(
    URI apiBaseUrl,
    String accessToken,
    String notificationUrl,
    Optional<String> backUrlBase,
    Duration connectTimeout,
    Duration requestTimeout,
    int attempts,
    Duration backoff,
    int breakerThreshold,
    Duration breakerOpen,
    ZoneOffset offset) {

  /** Argentina's offset, used in preference expiry dates. */
  public static final ZoneOffset ARGENTINA = ZoneOffset.ofHours(-3);

  public MercadoPagoSettings {
    Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(notificationUrl, "notificationUrl");
    Objects.requireNonNull(backUrlBase, "backUrlBase");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(breakerOpen, "breakerOpen");
    Objects.requireNonNull(offset, "offset");
    if (attempts < 1 || breakerThreshold < 1) {
      throw new IllegalArgumentException("attempts and breakerThreshold must be at least 1");
    }
    String base = apiBaseUrl.toString();
    if (base.endsWith("/")) {
      apiBaseUrl = URI.create(base.substring(0, base.length() - 1));
    }
  }

  /**
   * Production defaults: 3 s to connect, 10 s per call, 3 tries 300 ms apart (doubling), the
   * circuit opening after 5 failed calls for 30 s.
   */
  public static MercadoPagoSettings of(
      URI apiBaseUrl, String accessToken, String notificationUrl, Optional<String> backUrlBase) {
    return new MercadoPagoSettings(
        apiBaseUrl,
        accessToken,
        notificationUrl,
        backUrlBase,
        Duration.ofSeconds(3),
        Duration.ofSeconds(10),
        3,
        Duration.ofMillis(300),
        5,
        Duration.ofSeconds(30),
        ARGENTINA);
  }

  public MercadoPagoSettings withTimeouts(Duration request, Duration firstBackoff) {
    return new MercadoPagoSettings(
        apiBaseUrl,
        accessToken,
        notificationUrl,
        backUrlBase,
        connectTimeout,
        request,
        attempts,
        firstBackoff,
        breakerThreshold,
        breakerOpen,
        offset);
  }

  public MercadoPagoSettings withBreaker(int threshold, Duration open) {
    return new MercadoPagoSettings(
        apiBaseUrl,
        accessToken,
        notificationUrl,
        backUrlBase,
        connectTimeout,
        requestTimeout,
        attempts,
        backoff,
        threshold,
        open,
        offset);
  }
}
