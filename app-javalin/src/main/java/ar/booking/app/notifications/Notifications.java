package ar.booking.app.notifications;

import ar.booking.app.Adapters;
import ar.booking.app.config.NotificationConfig;
import ar.booking.core.event.Delivery;
import ar.booking.core.event.EventDispatcher;
import ar.booking.core.event.EventSubscriber;
import ar.booking.core.messaging.EmailSender;
import ar.booking.core.notification.AlertPolicy;
import ar.booking.core.notification.CompleteStays;
import ar.booking.core.notification.GuestNotices;
import ar.booking.core.notification.HoldReminders;
import ar.booking.core.notification.NotificationTexts;
import ar.booking.core.notification.OwnerAlerts;
import ar.booking.core.notification.PreArrivalMessages;
import ar.booking.core.notification.PruneHistory;
import ar.booking.core.payment.IssuePaymentLink;
import ar.booking.core.scheduling.ScheduledJob;
import ar.booking.messaging.mail.SandboxEmailSender;
import ar.booking.messaging.mail.SmtpEmailSender;
import ar.booking.messaging.mail.SmtpSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notifications wired on the assembled adapters: the subscribers to register with the event
 * dispatcher, the jobs ({@code dispatch_mail}, {@code hold_reminders}, {@code pre_arrival}, {@code
 * complete_stays}, {@code prune_history}), the owner's routes, and the dispatch listener that
 * alerts the owner about dead event deliveries.
 */
public final class Notifications {

  public static final String DISPATCH_MAIL = "dispatch_mail";
  public static final String HOLD_REMINDERS = "hold_reminders";
  public static final String PRE_ARRIVAL = "pre_arrival";
  public static final String COMPLETE_STAYS = "complete_stays";
  public static final String PRUNE_HISTORY = "prune_history";

  /** Pruning runs this often; old rows wait at most this long past their retention. */
  static final Duration PRUNE_INTERVAL = Duration.ofHours(6);

  private static final Logger log = LoggerFactory.getLogger(Notifications.class);

  private final NotificationConfig config;
  private final Adapters adapters;
  private final AlertPolicy policy;
  private final OwnerAlerts ownerAlerts;
  private final GuestNotices guestNotices;
  private final EmailSender emailSender;
  private final MailDispatcher mailDispatcher;
  private final HoldReminders holdReminders;
  private final PreArrivalMessages preArrival;
  private final CompleteStays completeStays;
  private final PruneHistory pruneHistory;

  /**
   * @param baseUrl the app's public URL (its host makes the {@code .ics} UIDs unique)
   * @param paymentLinks issues payment links for reminders and failed payments; empty without a
   *     payment gateway (the texts then point to the link sent before)
   */
  public Notifications(
      NotificationConfig config,
      Adapters adapters,
      String baseUrl,
      Optional<IssuePaymentLink> paymentLinks,
      MeterRegistry registry) {
    this.config = config;
    this.adapters = adapters;
    var clock = adapters.clock();
    NotificationTexts texts = NotificationTexts.spanish();
    this.policy = new AlertPolicy(adapters.alertSettings(), config.alerts());
    this.ownerAlerts =
        new OwnerAlerts(
            adapters.outbox(),
            adapters.transactions(),
            policy,
            adapters.reservations(),
            adapters.accommodations(),
            texts,
            clock);
    String host = URI.create(baseUrl).getHost();
    this.guestNotices =
        new GuestNotices(
            adapters.outbox(),
            adapters.transactions(),
            adapters.reservations(),
            adapters.accommodations(),
            paymentLinks,
            texts,
            host == null ? "localhost" : host,
            clock);
    this.emailSender = sender(config);
    this.mailDispatcher =
        new MailDispatcher(
            adapters.outbox(),
            this.emailSender,
            adapters.events(),
            adapters.transactions(),
            clock,
            MailDispatcher.Settings.DEFAULT,
            registry);
    this.holdReminders =
        new HoldReminders(
            adapters.reservations(),
            adapters.accommodations(),
            adapters.outbox(),
            adapters.timelineSteps(),
            adapters.transactions(),
            paymentLinks,
            texts,
            config.holdReminder(),
            clock);
    this.preArrival =
        new PreArrivalMessages(
            adapters.reservations(),
            adapters.accommodations(),
            adapters.outbox(),
            adapters.timelineSteps(),
            adapters.transactions(),
            texts,
            config.preArrivalHour(),
            clock);
    this.completeStays =
        new CompleteStays(
            adapters.reservations(), adapters.accommodations(), adapters.transactions(), clock);
    this.pruneHistory =
        new PruneHistory(
            adapters.inbox(),
            adapters.outbox(),
            adapters.events(),
            adapters.timelineSteps(),
            config.retention(),
            clock);
  }

  private static EmailSender sender(NotificationConfig config) {
    if (config.smtp().isEmpty()) {
      log.info("E-mail: no SMTP_HOST, e-mails are kept in the outbox (sandbox)");
      return new SandboxEmailSender();
    }
    NotificationConfig.Smtp smtp = config.smtp().get();
    log.info("E-mail: SMTP at {}:{}", smtp.host(), smtp.port());
    return new SmtpEmailSender(
        new SmtpSettings(
            smtp.host(),
            smtp.port(),
            smtp.user(),
            smtp.password(),
            smtp.from(),
            smtp.startTls(),
            Duration.ofSeconds(20)));
  }

  /** The subscribers to register with the event dispatcher. */
  public List<EventSubscriber> subscribers() {
    return List.of(ownerAlerts, guestNotices);
  }

  /** The notification jobs, for the job runner. */
  public List<ScheduledJob> jobs() {
    Duration timeline = config.timelineInterval();
    return List.of(
        ScheduledJob.every(config.mailInterval(), DISPATCH_MAIL, mailDispatcher::dispatch),
        ScheduledJob.every(timeline, HOLD_REMINDERS, holdReminders::execute),
        ScheduledJob.every(timeline, PRE_ARRIVAL, preArrival::execute),
        ScheduledJob.every(
            timeline,
            COMPLETE_STAYS,
            () -> {
              int completed = completeStays.execute();
              if (completed > 0) {
                log.info("Completed {} stays after check-out", completed);
              }
            }),
        ScheduledJob.every(
            PRUNE_INTERVAL,
            PRUNE_HISTORY,
            () -> {
              PruneHistory.Pruned pruned = pruneHistory.execute();
              if (pruned.total() > 0) {
                log.info("Pruned old rows: {}", pruned);
              }
            }));
  }

  /** The owner's routes. */
  public NotificationsApi routes() {
    return new NotificationsApi(adapters.outbox(), policy, adapters.clock());
  }

  /**
   * {@code delegate}, plus an owner alert when a delivery goes dead (never throws: a failure to
   * queue the alert is logged).
   */
  public EventDispatcher.Listener alertingOnDead(EventDispatcher.Listener delegate) {
    return new EventDispatcher.Listener() {
      @Override
      public void failed(Delivery delivery, Exception error, boolean dead) {
        delegate.failed(delivery, error, dead);
        if (dead) {
          try {
            ownerAlerts.eventDead(delivery, error.toString());
          } catch (RuntimeException e) {
            log.error(
                "Could not queue the owner alert for dead event {}", delivery.event().id(), e);
          }
        }
      }

      @Override
      public void delivered(Delivery delivery, Duration lag) {
        delegate.delivered(delivery, lag);
      }
    };
  }

  public MailDispatcher mailDispatcher() {
    return mailDispatcher;
  }

  public EmailSender emailSender() {
    return emailSender;
  }
}
