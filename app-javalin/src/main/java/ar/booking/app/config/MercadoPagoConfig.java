package ar.booking.app.config;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Mercado Pago (issue 11, ADR 0011). Without an access token outside production the sandbox gateway
 * stands in (local payment pages); production refuses to start without the token and the webhook
 * secret.
 *
 * @param webhookMaxAge the replay window of signed notifications; empty: none
 * @param latePolicy {@code refund} or {@code owner}
 * @param reconcileInterval how often holds with a link and no approved payment are searched
 */
public record MercadoPagoConfig(
    URI apiBaseUrl,
    Optional<String> accessToken,
    Optional<String> webhookSecret,
    Optional<Duration> webhookMaxAge,
    String latePolicy,
    Duration pendingExtension,
    Duration reconcileInterval) {

  /** Whether the local sandbox stands in for Mercado Pago. */
  public boolean sandbox() {
    return accessToken.isEmpty();
  }

  @Override
  public String toString() {
    return "MercadoPagoConfig[apiBaseUrl="
        + apiBaseUrl
        + ", accessToken="
        + (accessToken.isPresent() ? "set" : "sandbox")
        + ", webhookSecret="
        + (webhookSecret.isPresent() ? "set" : "none")
        + ", latePolicy="
        + latePolicy
        + "]";
  }

  static MercadoPagoConfig read(ConfigReader r, RunMode mode) {
    URI base =
        r.get(
            Var.MERCADOPAGO_API_BASE_URL,
            v -> {
              URI uri = URI.create(v.strip().replaceAll("/+$", ""));
              if (uri.getScheme() == null
                  || !uri.getScheme().matches("(?i)https?")
                  || uri.getHost() == null) {
                throw new IllegalArgumentException("must be an absolute http(s) URL");
              }
              return uri;
            },
            URI.create(Var.MERCADOPAGO_API_BASE_URL.defaultValue()));
    Optional<String> token = r.optional(Var.MERCADOPAGO_ACCESS_TOKEN);
    Optional<String> secret = r.optional(Var.MERCADOPAGO_WEBHOOK_SECRET);
    if (mode == RunMode.PRODUCTION) {
      if (token.isEmpty()) {
        r.problem(
            Var.MERCADOPAGO_ACCESS_TOKEN,
            "is required in production (the sandbox gateway takes no real money)");
      }
      if (secret.isEmpty()) {
        r.problem(
            Var.MERCADOPAGO_WEBHOOK_SECRET,
            "is required in production (unsigned payment notifications are refused)");
      }
    }
    int maxAge = r.integer(Var.MERCADOPAGO_WEBHOOK_MAX_AGE_SECONDS, 0, 30 * 86_400);
    String policy =
        r.get(
            Var.PAYMENT_LATE_POLICY,
            v -> {
              String p = v.strip().toLowerCase(Locale.ROOT);
              if (!p.equals("refund") && !p.equals("owner")) {
                throw new IllegalArgumentException("must be refund or owner");
              }
              return p;
            },
            Var.PAYMENT_LATE_POLICY.defaultValue());
    return new MercadoPagoConfig(
        base,
        token,
        secret,
        maxAge == 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(maxAge)),
        policy,
        Duration.ofMinutes(r.integer(Var.PAYMENT_PENDING_EXTENSION_MINUTES, 0, 7 * 1_440)),
        Duration.ofSeconds(r.integer(Var.JOB_PAYMENT_RECONCILE_INTERVAL_SECONDS, 30, 86_400)));
  }
}
