package ar.booking.app.config;

import ar.booking.core.notification.AlertKind;
import ar.booking.core.notification.AlertPreferences;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Notifications (issue 13, ADR 0012): where owner alerts go by default (the owner can override it
 * with {@code PUT /api/v1/admin/settings/alerts}), the guest timeline and e-mail over SMTP. Without
 * {@code SMTP_HOST} e-mails are kept in the outbox by a sandbox (refused in production when an
 * {@code OWNER_EMAIL} is set).
 *
 * @param alerts the default alert preferences ({@code OWNER_WHATSAPP}, {@code OWNER_EMAIL}, {@code
 *     OWNER_ALERTS_MUTED})
 * @param holdReminder how long before a hold expires its reminder goes
 * @param preArrivalHour local hour, the day before check-in, of the pre-arrival message
 * @param retention inbox, outbox and delivered events older than this are pruned
 * @param timelineInterval how often the timeline jobs run
 * @param mailInterval how often queued e-mails are sent
 * @param smtp the mail server; empty for the development sandbox
 */
public record NotificationConfig(
    AlertPreferences alerts,
    Duration holdReminder,
    int preArrivalHour,
    Duration retention,
    Duration timelineInterval,
    Duration mailInterval,
    Optional<Smtp> smtp) {

  /** The SMTP server. */
  public record Smtp(
      String host, int port, String user, String password, String from, boolean startTls) {
    @Override
    public String toString() {
      return "Smtp[host="
          + host
          + ", port="
          + port
          + ", user="
          + (user == null ? "none" : "set")
          + ", from="
          + from
          + ", startTls="
          + startTls
          + "]";
    }
  }

  static NotificationConfig read(ConfigReader r, RunMode mode) {
    List<String> whatsapp =
        r.get(
            Var.OWNER_WHATSAPP,
            v -> list(v).stream().map(n -> n.replaceAll("[+\\s-]", "")).toList(),
            List.of());
    List<String> emails = r.get(Var.OWNER_EMAIL, NotificationConfig::list, List.of());
    Set<AlertKind> muted =
        r.get(
            Var.OWNER_ALERTS_MUTED,
            v -> {
              Set<AlertKind> kinds = EnumSet.noneOf(AlertKind.class);
              for (String code : list(v)) {
                kinds.add(
                    AlertKind.parse(code)
                        .orElseThrow(
                            () ->
                                new IllegalArgumentException(
                                    "unknown kind '"
                                        + code
                                        + "' (known: "
                                        + Arrays.stream(AlertKind.values())
                                            .map(AlertKind::code)
                                            .toList()
                                        + ")")));
              }
              return kinds;
            },
            Set.of());
    AlertPreferences alerts = AlertPreferences.NONE;
    try {
      alerts = new AlertPreferences(whatsapp, emails, muted);
    } catch (IllegalArgumentException e) {
      r.problem(
          whatsappProblem(e) ? Var.OWNER_WHATSAPP : Var.OWNER_EMAIL,
          "is invalid: " + e.getMessage());
    }
    Optional<Smtp> smtp = Optional.empty();
    Optional<String> host = r.optional(Var.SMTP_HOST);
    if (host.isPresent()) {
      Optional<String> from = r.optional(Var.SMTP_FROM);
      if (from.isEmpty()) {
        r.problem(Var.SMTP_FROM, "is required with SMTP_HOST (the sender address)");
      }
      smtp =
          Optional.of(
              new Smtp(
                  host.get(),
                  r.integer(Var.SMTP_PORT, 1, 65_535),
                  r.optional(Var.SMTP_USER).orElse(null),
                  r.optional(Var.SMTP_PASSWORD).orElse(null),
                  from.orElse("reservas@localhost"),
                  r.bool(Var.SMTP_STARTTLS)));
    } else if (mode == RunMode.PRODUCTION && !alerts.emails().isEmpty()) {
      r.problem(Var.SMTP_HOST, "is required in production when OWNER_EMAIL is set");
    }
    return new NotificationConfig(
        alerts,
        Duration.ofMinutes(r.integer(Var.HOLD_REMINDER_MINUTES, 1, 1_440)),
        r.integer(Var.PRE_ARRIVAL_HOUR, 0, 23),
        Duration.ofDays(r.integer(Var.RETENTION_DAYS, 1, 3_650)),
        Duration.ofSeconds(r.integer(Var.JOB_TIMELINE_INTERVAL_SECONDS, 1, 3_600)),
        Duration.ofSeconds(r.integer(Var.JOB_MAIL_INTERVAL_SECONDS, 1, 3_600)),
        smtp);
  }

  private static boolean whatsappProblem(IllegalArgumentException e) {
    return String.valueOf(e.getMessage()).contains("WhatsApp");
  }

  private static List<String> list(String value) {
    List<String> items = new ArrayList<>();
    for (String item : value.split(",")) {
      if (!item.isBlank()) {
        items.add(item.strip());
      }
    }
    return items;
  }
}
