package ar.booking.app.whatsapp;

import ar.booking.app.config.WhatsAppConfig;
import ar.booking.app.health.HealthCheck;
import ar.booking.app.http.RouteGroup;
import ar.booking.core.conversation.Conversations;
import ar.booking.core.conversation.GuestMessageHandler;
import ar.booking.core.conversation.dialog.ReleaseConversation;
import ar.booking.core.conversation.dialog.ReplyAsOwner;
import ar.booking.core.event.EventLog;
import ar.booking.core.messaging.Inbox;
import ar.booking.core.messaging.InboxStatus;
import ar.booking.core.messaging.Outbox;
import ar.booking.core.messaging.OutboxStatus;
import ar.booking.core.ports.Transactions;
import ar.booking.messaging.whatsapp.WhatsAppCloudMessenger;
import ar.booking.messaging.whatsapp.WhatsAppMessenger;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WhatsApp channel assembled: the webhook, the inbox worker, the outbox dispatcher (Cloud API
 * or, without an access token outside production, the sandbox), the owner's conversation API, the
 * {@code inbox} and {@code outbox} health checks and the metrics.
 */
public final class WhatsAppChannel implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(WhatsAppChannel.class);

  /** The inbox is degraded when its oldest pending message waits longer. */
  static final Duration MAX_INBOX_LAG = Duration.ofMinutes(5);

  /** The outbox is degraded when its oldest pending message waits longer. */
  static final Duration MAX_OUTBOX_AGE = Duration.ofMinutes(10);

  /** The stores and collaborators the channel works on. */
  public record Ports(
      Inbox inbox,
      Outbox outbox,
      Conversations conversations,
      EventLog events,
      Transactions transactions,
      Clock clock) {}

  private final Ports ports;
  private final WhatsAppMetrics metrics;
  private final InboxWorker worker;
  private final OutboxDispatcher dispatcher;
  private final WhatsAppWebhook webhook;
  private final ConversationsAdminApi admin;
  private final boolean sandbox;

  public WhatsAppChannel(
      WhatsAppConfig config,
      Ports ports,
      GuestMessageHandler handler,
      MeterRegistry registry,
      ObjectMapper json,
      InboxWorker.Settings inboxSettings,
      OutboxDispatcher.Settings outboxSettings) {
    this(config, ports, handler, registry, json, inboxSettings, outboxSettings, messenger(config));
  }

  /** With a given messenger (tests and benchmarks). */
  public WhatsAppChannel(
      WhatsAppConfig config,
      Ports ports,
      GuestMessageHandler handler,
      MeterRegistry registry,
      ObjectMapper json,
      InboxWorker.Settings inboxSettings,
      OutboxDispatcher.Settings outboxSettings,
      WhatsAppMessenger messenger) {
    this.ports = ports;
    this.sandbox = messenger instanceof SandboxMessenger;
    this.metrics = new WhatsAppMetrics(registry);
    ReceivedTimes received = new ReceivedTimes();
    this.dispatcher =
        new OutboxDispatcher(
            ports.outbox(),
            ports.events(),
            ports.transactions(),
            messenger,
            config::template,
            ports.clock(),
            outboxSettings,
            metrics,
            received);
    this.worker =
        new InboxWorker(
            ports.inbox(),
            ports.outbox(),
            ports.events(),
            ports.transactions(),
            handler,
            ports.clock(),
            inboxSettings,
            metrics,
            dispatcher::wake);
    this.webhook =
        new WhatsAppWebhook(
            config.appSecret(),
            config.acceptUnsigned(),
            config.verifyToken(),
            ports.inbox(),
            ports.outbox(),
            ports.transactions(),
            ports.clock(),
            metrics,
            received,
            worker::wake);
    this.admin =
        new ConversationsAdminApi(
            ports.conversations(),
            ports.inbox(),
            ports.outbox(),
            new ReleaseConversation(
                ports.conversations(), ports.events(), ports.transactions(), ports.clock()),
            new ReplyAsOwner(ports.outbox(), ports.clock()),
            ports.clock(),
            json,
            dispatcher::wake);
    if (config.acceptUnsigned()) {
      log.warn(
          "WHATSAPP_APP_SECRET is not set: the webhook accepts unsigned deliveries"
              + " (development only)");
    }
    if (sandbox) {
      log.info("WHATSAPP_ACCESS_TOKEN is not set: outgoing WhatsApp messages go to the sandbox");
    }
  }

  private static WhatsAppMessenger messenger(WhatsAppConfig config) {
    if (config.sandbox()) {
      return new SandboxMessenger();
    }
    return new WhatsAppCloudMessenger(
        new WhatsAppCloudMessenger.Settings(
            config.apiBaseUrl(),
            config.phoneNumberId().orElseThrow(),
            config.accessToken().orElseThrow(),
            Duration.ofSeconds(10)));
  }

  /** The webhook and the owner's API. */
  public List<RouteGroup> routes() {
    return List.of(webhook, admin);
  }

  /** Body limits beyond the default for the webhook's paths. */
  public static Map<String, Long> bodyLimits() {
    return Map.of(
        WhatsAppWebhook.PATH, WhatsAppWebhook.MAX_BYTES,
        WhatsAppWebhook.ALIAS, WhatsAppWebhook.MAX_BYTES);
  }

  public WhatsAppChannel start() {
    dispatcher.start();
    worker.start();
    return this;
  }

  public InboxWorker worker() {
    return worker;
  }

  public OutboxDispatcher dispatcher() {
    return dispatcher;
  }

  public boolean sandbox() {
    return sandbox;
  }

  /** Degraded when received messages died or the oldest pending one waits too long. */
  public HealthCheck inboxHealth() {
    return () -> {
      Instant now = ports.clock().instant();
      long dead = ports.inbox().count(InboxStatus.DEAD);
      Optional<Instant> oldest = ports.inbox().oldestPending();
      long lag = oldest.map(t -> Math.max(0, Duration.between(t, now).toSeconds())).orElse(0L);
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("pending", ports.inbox().count(InboxStatus.PENDING));
      details.put("dead", dead);
      details.put("lag_seconds", lag);
      boolean up = dead == 0 && lag <= MAX_INBOX_LAG.toSeconds();
      return up ? HealthCheck.Result.up(details) : HealthCheck.Result.down(details);
    };
  }

  /** Degraded when messages died or the oldest pending one waits too long. */
  public HealthCheck outboxHealth() {
    return () -> {
      Instant now = ports.clock().instant();
      long dead = ports.outbox().count(OutboxStatus.DEAD);
      Optional<Instant> oldest = ports.outbox().oldestPending();
      long age = oldest.map(t -> Math.max(0, Duration.between(t, now).toSeconds())).orElse(0L);
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("backlog", ports.outbox().count(OutboxStatus.PENDING));
      details.put("dead", dead);
      details.put("oldest_pending_seconds", age);
      details.put("sandbox", sandbox);
      boolean up = dead == 0 && age <= MAX_OUTBOX_AGE.toSeconds();
      return up ? HealthCheck.Result.up(details) : HealthCheck.Result.down(details);
    };
  }

  /** Stops the loops, waiting for a running pass. */
  @Override
  public void close() {
    worker.close();
    dispatcher.close();
  }
}
