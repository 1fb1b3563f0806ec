package ar.booking.persistence;

import ar.booking.core.calendarsync.CalendarFeeds;
import ar.booking.core.conversation.Conversations;
import ar.booking.core.event.EventLog;
import ar.booking.core.messaging.Inbox;
import ar.booking.core.messaging.Outbox;
import ar.booking.core.notification.AlertSettings;
import ar.booking.core.notification.TimelineSteps;
import ar.booking.core.payment.PaymentLinks;
import ar.booking.core.payment.PaymentNotifications;
import ar.booking.core.payment.Payments;
import ar.booking.core.ports.Accommodations;
import ar.booking.core.ports.OwnerAccounts;
import ar.booking.core.ports.Reservations;
import ar.booking.core.ports.StorageFailure;
import ar.booking.core.ports.Transactions;
import ar.booking.core.scheduling.JobSchedule;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;

/**
 * The PostgreSQL storage ports, ready to use: a HikariCP pool, the schema migrated by Flyway, and
 * JDBI repositories sharing one unit of work per thread.
 */
public final class PostgresStores implements AutoCloseable {

  private final HikariDataSource dataSource;
  private final Database database;
  private final Accommodations accommodations;
  private final Reservations reservations;
  private final OwnerAccounts ownerAccounts;
  private final Payments payments;
  private final EventLog events;
  private final JobSchedule jobSchedule;
  private final CalendarFeeds calendarFeeds;
  private final PaymentLinks paymentLinks;
  private final PaymentNotifications paymentNotifications;
  private final AlertSettings alertSettings;
  private final TimelineSteps timelineSteps;
  private final Inbox inbox;
  private final Outbox outbox;
  private final Conversations conversations;

  private PostgresStores(HikariDataSource dataSource) {
    this.dataSource = dataSource;
    this.database = new Database(Jdbi.create(dataSource));
    this.accommodations = new JdbiAccommodations(database);
    this.reservations = new JdbiReservations(database);
    this.ownerAccounts = new JdbiOwnerAccounts(database);
    this.payments = new JdbiPayments(database);
    this.events = new JdbiEventLog(database);
    this.jobSchedule = new JdbiJobSchedule(database);
    this.calendarFeeds = new JdbiCalendarFeeds(database);
    this.paymentLinks = new JdbiPaymentLinks(database);
    this.paymentNotifications = new JdbiPaymentNotifications(database);
    this.alertSettings = new JdbiNotificationStores.Alerts(database);
    this.timelineSteps = new JdbiNotificationStores.Steps(database);
    this.inbox = new JdbiInbox(database);
    this.outbox = new JdbiOutbox(database);
    this.conversations = new JdbiConversations(database);
  }

  /**
   * Connects, migrates the schema and returns the stores.
   *
   * @throws StorageFailure when the database cannot be reached or migrated
   */
  public static PostgresStores start(PostgresSettings settings) {
    HikariDataSource dataSource = pool(settings);
    try {
      // Flyway uses connections of its own (it needs two), so even a pool of one can start.
      Flyway.configure()
          .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
          .locations("classpath:db/migration")
          .load()
          .migrate();
    } catch (FlywayException failure) {
      dataSource.close();
      throw new StorageFailure(
          "PostgreSQL schema migration failed on "
              + settings.jdbcUrl()
              + ": "
              + failure.getMessage(),
          false,
          failure);
    }
    return new PostgresStores(dataSource);
  }

  private static HikariDataSource pool(PostgresSettings settings) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("booking-postgres");
    config.setJdbcUrl(settings.jdbcUrl());
    config.setUsername(settings.user());
    config.setPassword(settings.password());
    config.setMaximumPoolSize(settings.poolSize());
    config.setMinimumIdle(Math.min(2, settings.poolSize()));
    config.setConnectionTimeout(settings.connectionTimeout().toMillis());
    config.setValidationTimeout(Math.min(1000, settings.connectionTimeout().toMillis()));
    config.addDataSourceProperty("connectTimeout", 5);
    config.addDataSourceProperty("tcpKeepAlive", true);
    config.addDataSourceProperty("reWriteBatchedInserts", true);
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException failure) {
      throw new StorageFailure(
          "Cannot connect to PostgreSQL at "
              + settings.jdbcUrl()
              + " as "
              + settings.user()
              + ": "
              + rootMessage(failure),
          true,
          failure);
    }
  }

  public Accommodations accommodations() {
    return accommodations;
  }

  public Reservations reservations() {
    return reservations;
  }

  public Transactions transactions() {
    return database;
  }

  public OwnerAccounts ownerAccounts() {
    return ownerAccounts;
  }

  public Payments payments() {
    return payments;
  }

  public EventLog events() {
    return events;
  }

  public JobSchedule jobSchedule() {
    return jobSchedule;
  }

  public CalendarFeeds calendarFeeds() {
    return calendarFeeds;
  }

  public PaymentLinks paymentLinks() {
    return paymentLinks;
  }

  public PaymentNotifications paymentNotifications() {
    return paymentNotifications;
  }

  public AlertSettings alertSettings() {
    return alertSettings;
  }

  public TimelineSteps timelineSteps() {
    return timelineSteps;
  }

  public Inbox inbox() {
    return inbox;
  }

  public Outbox outbox() {
    return outbox;
  }

  public Conversations conversations() {
    return conversations;
  }

  /** Rows skipped because they could not be read back into valid domain values, since start. */
  public long unreadableRows() {
    return database.unreadableRows();
  }

  /** The HikariCP pool, for metrics binding. */
  public DataSource dataSource() {
    return dataSource;
  }

  /**
   * Round-trip time of {@code SELECT 1} on a pooled connection.
   *
   * @throws StorageFailure when the database does not answer
   */
  public Duration ping() {
    long start = System.nanoTime();
    try (var connection = dataSource.getConnection();
        var statement = connection.createStatement()) {
      statement.setQueryTimeout(5);
      statement.execute("SELECT 1");
    } catch (Exception failure) {
      throw new StorageFailure(
          "PostgreSQL does not answer: " + rootMessage(failure), true, failure);
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  @Override
  public void close() {
    dataSource.close();
  }

  private static String rootMessage(Throwable failure) {
    Throwable t = failure;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
