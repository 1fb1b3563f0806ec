package ar.booking.app;

import ar.booking.app.config.Config;
import ar.booking.app.health.HealthCheck;
import ar.booking.app.health.NamedCheck;
import ar.booking.app.metrics.Metrics;
import ar.booking.core.calendarsync.CalendarFeeds;
import ar.booking.core.conversation.Conversations;
import ar.booking.core.event.EventLog;
import ar.booking.core.memory.InMemoryOwnerAccounts;
import ar.booking.core.memory.InMemoryStores;
import ar.booking.core.memory.InProcessBookingLocks;
import ar.booking.core.messaging.Inbox;
import ar.booking.core.messaging.Outbox;
import ar.booking.core.notification.AlertSettings;
import ar.booking.core.notification.TimelineSteps;
import ar.booking.core.payment.PaymentLinks;
import ar.booking.core.payment.PaymentNotifications;
import ar.booking.core.payment.Payments;
import ar.booking.core.ports.Accommodations;
import ar.booking.core.ports.BookingLocks;
import ar.booking.core.ports.OwnerAccounts;
import ar.booking.core.ports.Reservations;
import ar.booking.core.ports.Transactions;
import ar.booking.core.scheduling.JobSchedule;
import ar.booking.persistence.PostgresStores;
import ar.booking.persistence.RedisBookingLocks;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the app talks to outside itself, assembled: the core's ports, the clock, the health
 * checks and meters those adapters bring, and the resources to close when the app stops. {@link
 * #fromConfig} builds the production set; tests and embedders pass their own (in-memory stores,
 * stand-ins). {@link BookingApp} owns the adapters it is given and closes {@link #resources} on
 * stop, newest first.
 *
 * @param healthChecks checks the adapters bring (database, redis…), beside the app's own
 * @param meterBinders meters the adapters bring (connection pool gauges…)
 * @param resources what to close on stop, in the order opened
 * @param outbox the messages we promised to send, joining the unit of work of {@code transactions}
 * @param inbox what guests sent (WhatsApp), durable
 * @param alertSettings the owner's alert preferences
 * @param timelineSteps the timeline steps done per reservation
 * @param conversations the dialog state per guest
 */
public record Adapters(
    Accommodations accommodations,
    Reservations reservations,
    Transactions transactions,
    Payments payments,
    EventLog events,
    JobSchedule jobSchedule,
    CalendarFeeds calendarFeeds,
    PaymentLinks paymentLinks,
    PaymentNotifications paymentNotifications,
    OwnerAccounts ownerAccounts,
    BookingLocks bookingLocks,
    Clock clock,
    List<NamedCheck> healthChecks,
    List<MeterBinder> meterBinders,
    List<AutoCloseable> resources,
    Outbox outbox,
    Inbox inbox,
    AlertSettings alertSettings,
    TimelineSteps timelineSteps,
    Conversations conversations) {

  private static final Logger log = LoggerFactory.getLogger(Adapters.class);

  public Adapters {
    Objects.requireNonNull(accommodations, "accommodations");
    Objects.requireNonNull(reservations, "reservations");
    Objects.requireNonNull(transactions, "transactions");
    Objects.requireNonNull(payments, "payments");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(jobSchedule, "jobSchedule");
    Objects.requireNonNull(calendarFeeds, "calendarFeeds");
    Objects.requireNonNull(paymentLinks, "paymentLinks");
    Objects.requireNonNull(paymentNotifications, "paymentNotifications");
    Objects.requireNonNull(ownerAccounts, "ownerAccounts");
    Objects.requireNonNull(bookingLocks, "bookingLocks");
    Objects.requireNonNull(clock, "clock");
    healthChecks = List.copyOf(healthChecks);
    meterBinders = List.copyOf(meterBinders);
    resources = List.copyOf(resources);
    Objects.requireNonNull(outbox, "outbox");
    Objects.requireNonNull(inbox, "inbox");
    Objects.requireNonNull(alertSettings, "alertSettings");
    Objects.requireNonNull(timelineSteps, "timelineSteps");
    Objects.requireNonNull(conversations, "conversations");
  }

  /**
   * Without the payment, messaging and notification stores: they are kept in memory, outside {@code
   * transactions} (for embedders and tests that use neither the channels nor notifications).
   */
  public Adapters(
      Accommodations accommodations,
      Reservations reservations,
      Transactions transactions,
      Payments payments,
      EventLog events,
      JobSchedule jobSchedule,
      CalendarFeeds calendarFeeds,
      OwnerAccounts ownerAccounts,
      BookingLocks bookingLocks,
      Clock clock,
      List<NamedCheck> healthChecks,
      List<MeterBinder> meterBinders,
      List<AutoCloseable> resources) {
    this(
        accommodations,
        reservations,
        transactions,
        payments,
        events,
        jobSchedule,
        calendarFeeds,
        ownerAccounts,
        bookingLocks,
        clock,
        healthChecks,
        meterBinders,
        resources,
        InMemoryStores.create());
  }

  private Adapters(
      Accommodations accommodations,
      Reservations reservations,
      Transactions transactions,
      Payments payments,
      EventLog events,
      JobSchedule jobSchedule,
      CalendarFeeds calendarFeeds,
      OwnerAccounts ownerAccounts,
      BookingLocks bookingLocks,
      Clock clock,
      List<NamedCheck> healthChecks,
      List<MeterBinder> meterBinders,
      List<AutoCloseable> resources,
      InMemoryStores inProcess) {
    this(
        accommodations,
        reservations,
        transactions,
        payments,
        events,
        jobSchedule,
        calendarFeeds,
        inProcess.paymentLinks(),
        inProcess.paymentNotifications(),
        ownerAccounts,
        bookingLocks,
        clock,
        healthChecks,
        meterBinders,
        resources,
        inProcess.outbox(),
        inProcess.inbox(),
        inProcess.alertSettings(),
        inProcess.timelineSteps(),
        inProcess.conversations());
  }

  /**
   * In memory: the given stores and owner accounts, the in-process lock, nothing to check or close.
   */
  public static Adapters inMemory(InMemoryStores stores, OwnerAccounts accounts, Clock clock) {
    return new Adapters(
        stores.accommodations(),
        stores.reservations(),
        stores.transactions(),
        stores.payments(),
        stores.events(),
        stores.jobSchedule(),
        stores.calendarFeeds(),
        stores.paymentLinks(),
        stores.paymentNotifications(),
        accounts,
        new InProcessBookingLocks(),
        clock,
        List.of(),
        List.of(),
        List.of(),
        stores.outbox(),
        stores.inbox(),
        stores.alertSettings(),
        stores.timelineSteps(),
        stores.conversations());
  }

  /** In memory, with fresh stores and accounts. */
  public static Adapters inMemory(Clock clock) {
    return inMemory(InMemoryStores.create(), new InMemoryOwnerAccounts(), clock);
  }

  /** The production adapters on the system clock. */
  public static Adapters fromConfig(Config config) {
    return fromConfig(config, Clock.systemUTC());
  }

  /**
   * PostgreSQL at {@code DATABASE_URL} (or the embedded one), migrated; Redis locks when {@code
   * REDIS_URL} is set, in-process locks otherwise.
   *
   * @throws StartupException or {@link ar.booking.core.ports.StorageFailure} when a connection
   *     cannot be made; whatever was opened is closed again
   */
  public static Adapters fromConfig(Config config, Clock clock) {
    List<AutoCloseable> resources = new ArrayList<>();
    try {
      Storage storage = Storage.open(config);
      resources.add(storage);
      PostgresStores stores = storage.stores();
      List<NamedCheck> checks = new ArrayList<>();
      checks.add(NamedCheck.critical("database", () -> databaseCheck(stores)));

      BookingLocks locks;
      if (config.redis().url().isPresent()) {
        RedisBookingLocks redis =
            RedisBookingLocks.connect(
                config.redis().url().get(),
                config.redis().password().orElse(null),
                "booking:",
                Duration.ofSeconds(10));
        resources.add(redis);
        checks.add(
            NamedCheck.degrading(
                "redis",
                () -> {
                  Map<String, Object> details = Map.of("failures", redis.failures());
                  return redis.healthy()
                      ? HealthCheck.Result.up(details)
                      : HealthCheck.Result.down(details);
                }));
        locks = redis;
      } else {
        locks = new InProcessBookingLocks();
      }
      return new Adapters(
          stores.accommodations(),
          stores.reservations(),
          stores.transactions(),
          stores.payments(),
          stores.events(),
          stores.jobSchedule(),
          stores.calendarFeeds(),
          stores.paymentLinks(),
          stores.paymentNotifications(),
          stores.ownerAccounts(),
          locks,
          clock,
          checks,
          List.of(
              Metrics.pool(stores.dataSource()),
              registry ->
                  FunctionCounter.builder(
                          "storage.unreadable.rows", stores, PostgresStores::unreadableRows)
                      .description("Stored rows skipped because they are not valid domain values")
                      .register(registry)),
          resources,
          stores.outbox(),
          stores.inbox(),
          stores.alertSettings(),
          stores.timelineSteps(),
          stores.conversations());
    } catch (RuntimeException e) {
      closeAll(resources);
      throw e;
    }
  }

  /** Closes {@link #resources}, newest first; a failure to close one is logged, not thrown. */
  void close() {
    closeAll(resources);
  }

  private static void closeAll(List<AutoCloseable> resources) {
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        log.warn(
            "Closing {} failed: {}", resources.get(i).getClass().getSimpleName(), e.getMessage());
      }
    }
  }

  private static HealthCheck.Result databaseCheck(PostgresStores stores) {
    long start = System.nanoTime();
    try {
      Duration latency = stores.ping();
      return HealthCheck.Result.up(Map.of("latency_ms", latency.toMillis()));
    } catch (RuntimeException e) {
      return HealthCheck.Result.down(
          Map.of(
              "latency_ms",
              (System.nanoTime() - start) / 1_000_000,
              "error",
              String.valueOf(e.getMessage())));
    }
  }
}
