package ar.booking.app.config;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The WhatsApp channel (issue 10, ADR 0010): the Cloud API connection, the webhook's secrets, the
 * handoff time and the approved templates by purpose. Production refuses to start without the four
 * credentials; elsewhere a missing access token means the sandbox messenger, and (in development
 * only) a missing app secret means unsigned webhooks are accepted.
 *
 * @param templates approved template names by purpose ({@code reply}, {@code hold_reminder}…)
 */
public record WhatsAppConfig(
    String apiBaseUrl,
    Optional<String> phoneNumberId,
    Optional<String> accessToken,
    Optional<String> appSecret,
    Optional<String> verifyToken,
    Duration handoff,
    Map<String, String> templates,
    boolean acceptUnsigned) {

  public WhatsAppConfig {
    templates = Map.copyOf(templates);
  }

  /** Whether outgoing messages go to the sandbox instead of Meta (no access token). */
  public boolean sandbox() {
    return accessToken.isEmpty() || phoneNumberId.isEmpty();
  }

  /** The template for {@code purpose}, else the reply template, if configured. */
  public Optional<String> template(String purpose) {
    String own = templates.get(purpose.toLowerCase(Locale.ROOT));
    return Optional.ofNullable(own != null ? own : templates.get("reply"));
  }

  @Override
  public String toString() {
    return "WhatsAppConfig[apiBaseUrl="
        + apiBaseUrl
        + ", phoneNumberId="
        + phoneNumberId.orElse("unset")
        + ", accessToken="
        + (accessToken.isPresent() ? "set" : "unset (sandbox)")
        + ", appSecret="
        + (appSecret.isPresent() ? "set" : "unset")
        + ", verifyToken="
        + (verifyToken.isPresent() ? "set" : "unset")
        + ", handoff="
        + handoff
        + ", templates="
        + templates
        + "]";
  }

  static WhatsAppConfig read(ConfigReader r, RunMode mode) {
    boolean production = mode == RunMode.PRODUCTION;
    String base =
        r.get(
            Var.WHATSAPP_API_BASE_URL,
            v -> {
              URI uri = URI.create(v.strip());
              if (uri.getHost() == null
                  || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                throw new IllegalArgumentException("must be an http(s) URL");
              }
              if (production && !"https".equals(uri.getScheme())) {
                throw new IllegalArgumentException("must be https in production");
              }
              return v.strip().replaceAll("/+$", "");
            },
            Var.WHATSAPP_API_BASE_URL.defaultValue());
    Optional<String> phone = r.optional(Var.WHATSAPP_PHONE_NUMBER_ID);
    phone.ifPresent(
        p -> {
          if (!p.matches("[0-9]{5,20}")) {
            r.problem(Var.WHATSAPP_PHONE_NUMBER_ID, "must be the numeric phone number id");
          }
        });
    Optional<String> token = r.optional(Var.WHATSAPP_ACCESS_TOKEN);
    Optional<String> secret = r.optional(Var.WHATSAPP_APP_SECRET);
    Optional<String> verify = r.optional(Var.WHATSAPP_VERIFY_TOKEN);
    if (production) {
      for (Var required :
          new Var[] {
            Var.WHATSAPP_APP_SECRET,
            Var.WHATSAPP_VERIFY_TOKEN,
            Var.WHATSAPP_ACCESS_TOKEN,
            Var.WHATSAPP_PHONE_NUMBER_ID
          }) {
        if (r.optional(required).isEmpty()) {
          r.problem(
              required,
              "is required in production (the WhatsApp channel); see README \"Connecting a"
                  + " WhatsApp Business number\"");
        }
      }
    }
    if (token.isPresent() != phone.isPresent() && !production) {
      r.problem(
          token.isPresent() ? Var.WHATSAPP_PHONE_NUMBER_ID : Var.WHATSAPP_ACCESS_TOKEN,
          "must be set together with "
              + (token.isPresent() ? "WHATSAPP_ACCESS_TOKEN" : "WHATSAPP_PHONE_NUMBER_ID"));
    }
    Map<String, String> templates = new LinkedHashMap<>();
    r.optional(Var.WHATSAPP_TEMPLATE_REPLY).ifPresent(t -> templates.put("reply", t));
    r.optional(Var.WHATSAPP_TEMPLATE_HOLD_REMINDER)
        .ifPresent(t -> templates.put("hold_reminder", t));
    r.optional(Var.WHATSAPP_TEMPLATE_BOOKING_CONFIRMED)
        .ifPresent(t -> templates.put("booking_confirmed", t));
    r.optional(Var.WHATSAPP_TEMPLATE_OWNER_ALERT).ifPresent(t -> templates.put("owner_alert", t));
    r.optional(Var.WHATSAPP_TEMPLATE_PRE_ARRIVAL).ifPresent(t -> templates.put("pre_arrival", t));
    return new WhatsAppConfig(
        base,
        phone,
        token,
        secret,
        verify,
        Duration.ofHours(r.integer(Var.WHATSAPP_HANDOFF_HOURS, 1, 24 * 30)),
        templates,
        mode == RunMode.DEVELOPMENT && secret.isEmpty());
  }
}
