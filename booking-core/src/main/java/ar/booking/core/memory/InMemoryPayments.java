package ar.booking.core.memory;

import ar.booking.core.payment.Payment;
import ar.booking.core.payment.PaymentEvents;
import ar.booking.core.payment.PaymentProvider;
import ar.booking.core.payment.Payments;
import ar.booking.core.reservation.ReservationCode;
import java.util.List;
import java.util.Optional;

/** {@link Payments} kept in an {@link InMemoryStores}, keyed by provider and provider id. */
final class InMemoryPayments implements Payments {

  private final InMemoryStores db;
  private final InMemoryEventLog events;

  InMemoryPayments(InMemoryStores db, InMemoryEventLog events) {
    this.db = db;
    this.events = events;
  }

  private static String key(PaymentProvider provider, String providerPaymentId) {
    return provider.name() + ":" + providerPaymentId.strip();
  }

  @Override
  public RecordOutcome record(Payment payment, String actor) {
    String key = key(payment.provider(), payment.providerPaymentId());
    Payment[] previous = new Payment[1];
    boolean[] written = new boolean[1];
    return db.write(
        () -> {
          Payment stored = db.payments.get(key);
          if (stored == null) {
            Payment created = payment.withId(++db.lastPaymentId);
            db.payments.put(key, created);
            written[0] = true;
            events.append(PaymentEvents.changed(null, created, actor, payment.updatedAt()));
            return new Created(created);
          }
          if (!stored.differsFrom(payment)) {
            return new Unchanged(stored);
          }
          Payment changed = stored.updatedBy(payment, payment.updatedAt());
          previous[0] = stored;
          db.payments.put(key, changed);
          written[0] = true;
          events.append(PaymentEvents.changed(stored, changed, actor, payment.updatedAt()));
          return new Changed(stored, changed);
        },
        () -> {
          if (!written[0]) {
            return;
          }
          if (previous[0] == null) {
            db.payments.remove(key);
          } else {
            db.payments.put(key, previous[0]);
          }
        });
  }

  @Override
  public Optional<Payment> find(PaymentProvider provider, String providerPaymentId) {
    return db.read(() -> Optional.ofNullable(db.payments.get(key(provider, providerPaymentId))));
  }

  @Override
  public List<Payment> ofReservation(ReservationCode code) {
    return db.read(
        () ->
            db.payments.values().stream()
                .filter(p -> code.equals(p.reservationCode()))
                .sorted(java.util.Comparator.comparingLong(Payment::id))
                .toList());
  }

  @Override
  public List<Payment> latest(int limit) {
    return db.read(
        () ->
            db.payments.values().stream()
                .sorted(java.util.Comparator.comparingLong(Payment::id).reversed())
                .limit(Math.max(0, limit))
                .toList());
  }
}
