package ar.booking.core.memory;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.calendarsync.CalendarFeeds;
import ar.booking.core.conversation.Conversations;
import ar.booking.core.event.EventLog;
import ar.booking.core.messaging.Inbox;
import ar.booking.core.messaging.Outbox;
import ar.booking.core.notification.AlertSettings;
import ar.booking.core.notification.TimelineSteps;
import ar.booking.core.payment.Payment;
import ar.booking.core.payment.PaymentLinks;
import ar.booking.core.payment.PaymentNotifications;
import ar.booking.core.payment.Payments;
import ar.booking.core.ports.Accommodations;
import ar.booking.core.ports.Reservations;
import ar.booking.core.ports.StorageFailure;
import ar.booking.core.ports.Transactions;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.scheduling.JobSchedule;
import ar.booking.core.shared.AccommodationId;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * An in-process database for the storage ports, with the semantics of the PostgreSQL adapters:
 * units of work are atomic (an exception undoes every write), run concurrently, and serialise their
 * writes to one unit's occupancy the way PostgreSQL's row and advisory locks do — a writer holds
 * the unit until its unit of work ends, so a concurrent writer waits, then sees the outcome. Each
 * single operation is atomic, the no-overlap rule above all. Events appended in a unit of work
 * become visible when it commits, never for one that rolls back. Unlike PostgreSQL, a reader may
 * see another unit of work's writes before it commits. Meant for embedding, demos and tests — it
 * keeps nothing on disk.
 */
public final class InMemoryStores {

  /** How long a write waits for a unit another unit of work holds (PostgreSQL's lock_timeout). */
  static final Duration LOCK_TIMEOUT = Duration.ofSeconds(10);

  private final ReentrantLock mutex = new ReentrantLock();
  private final Map<AccommodationId, ReentrantLock> unitLocks = new ConcurrentHashMap<>();
  private final ThreadLocal<UnitOfWork> current = new ThreadLocal<>();

  final Map<AccommodationId, Accommodation> units =
      new TreeMap<>((a, b) -> Long.compare(a.value(), b.value()));
  final Map<ReservationCode, Reservation> reservations = new LinkedHashMap<>();
  final Map<String, Payment> payments = new LinkedHashMap<>();
  long lastUnitId;
  long lastPaymentId;

  private final InMemoryAccommodations accommodationsPort = new InMemoryAccommodations(this);
  private final InMemoryEventLog eventsPort = new InMemoryEventLog(this);
  private final InMemoryReservations reservationsPort = new InMemoryReservations(this, eventsPort);
  private final InMemoryPayments paymentsPort = new InMemoryPayments(this, eventsPort);
  private final InMemoryJobSchedule jobsPort = new InMemoryJobSchedule();
  private final InMemoryCalendarFeeds calendarFeedsPort = new InMemoryCalendarFeeds(this);
  private final InMemoryOutbox outboxPort = new InMemoryOutbox(this);
  private final InMemoryInbox inboxPort = new InMemoryInbox(this);
  private final InMemoryConversations conversationsPort = new InMemoryConversations(this);
  private final InMemoryPaymentLinks paymentLinksPort = new InMemoryPaymentLinks(this);
  private final InMemoryPaymentNotifications paymentNotificationsPort =
      new InMemoryPaymentNotifications(this);
  private final InMemoryAlertSettings alertSettingsPort = new InMemoryAlertSettings(this);
  private final InMemoryTimelineSteps timelineStepsPort = new InMemoryTimelineSteps(this);
  private final Transactions transactionsPort = this::inTransaction;

  public static InMemoryStores create() {
    return new InMemoryStores();
  }

  public Accommodations accommodations() {
    return accommodationsPort;
  }

  public Reservations reservations() {
    return reservationsPort;
  }

  public Transactions transactions() {
    return transactionsPort;
  }

  public Payments payments() {
    return paymentsPort;
  }

  public EventLog events() {
    return eventsPort;
  }

  public JobSchedule jobSchedule() {
    return jobsPort;
  }

  public CalendarFeeds calendarFeeds() {
    return calendarFeedsPort;
  }

  public Outbox outbox() {
    return outboxPort;
  }

  public Inbox inbox() {
    return inboxPort;
  }

  public Conversations conversations() {
    return conversationsPort;
  }

  public PaymentLinks paymentLinks() {
    return paymentLinksPort;
  }

  public PaymentNotifications paymentNotifications() {
    return paymentNotificationsPort;
  }

  public AlertSettings alertSettings() {
    return alertSettingsPort;
  }

  public TimelineSteps timelineSteps() {
    return timelineStepsPort;
  }

  /** What a unit of work did so far: how to undo it, what to publish, which units it holds. */
  private static final class UnitOfWork {
    final Deque<Runnable> undo = new ArrayDeque<>();
    final List<Runnable> onCommit = new ArrayList<>();
    final List<ReentrantLock> held = new ArrayList<>();
  }

  <T> T read(Supplier<T> query) {
    mutex.lock();
    try {
      return query.get();
    } finally {
      mutex.unlock();
    }
  }

  /** Applies a write atomically; inside a unit of work its undo is remembered for a rollback. */
  <T> T write(Supplier<T> apply, Runnable undo) {
    mutex.lock();
    try {
      T result = apply.get();
      UnitOfWork work = current.get();
      if (work != null) {
        work.undo.push(undo);
      }
      return result;
    } finally {
      mutex.unlock();
    }
  }

  /**
   * A write to the occupancy of {@code unit}: first takes the unit, held until the unit of work
   * ends (or just for this write outside one), then applies the write atomically.
   */
  <T> T writeUnit(AccommodationId unit, Supplier<T> apply, Runnable undo) {
    ReentrantLock lock = unitLocks.computeIfAbsent(unit, id -> new ReentrantLock());
    UnitOfWork work = current.get();
    boolean alreadyHeld = lock.isHeldByCurrentThread();
    if (!alreadyHeld) {
      acquire(lock, unit);
      if (work != null) {
        work.held.add(lock);
      }
    }
    try {
      return write(apply, undo);
    } finally {
      if (work == null && !alreadyHeld) {
        lock.unlock();
      }
    }
  }

  private static void acquire(ReentrantLock lock, AccommodationId unit) {
    try {
      if (!lock.tryLock(LOCK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new StorageFailure(
            "unit " + unit + " is held by another unit of work (lock timeout)", true, null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageFailure("interrupted while waiting for unit " + unit, true, e);
    }
  }

  /** Runs {@code publish} (under the store's mutex) when the unit of work commits, or now. */
  void onCommit(Runnable publish) {
    UnitOfWork work = current.get();
    if (work == null) {
      read(
          () -> {
            publish.run();
            return null;
          });
    } else {
      work.onCommit.add(publish);
    }
  }

  private <T> T inTransaction(Supplier<T> work) {
    if (current.get() != null) {
      return work.get(); // nested: join the outer unit of work
    }
    UnitOfWork unit = new UnitOfWork();
    current.set(unit);
    try {
      T result = work.get();
      read(
          () -> {
            unit.onCommit.forEach(Runnable::run);
            return null;
          });
      return result;
    } catch (RuntimeException | Error failure) {
      read(
          () -> {
            unit.undo.forEach(Runnable::run); // newest first
            return null;
          });
      throw failure;
    } finally {
      current.remove();
      for (int i = unit.held.size() - 1; i >= 0; i--) {
        unit.held.get(i).unlock();
      }
    }
  }
}
