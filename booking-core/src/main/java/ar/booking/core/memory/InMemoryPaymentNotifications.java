package ar.booking.core.memory;

import ar.booking.core.payment.PaymentNotifications;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link PaymentNotifications} kept in memory, with the claiming rules of the PostgreSQL one. */
final class InMemoryPaymentNotifications implements PaymentNotifications {

  private final InMemoryStores db;
  private final Map<String, Long> keys = new HashMap<>();
  private final Map<Long, Row> rows = new LinkedHashMap<>();
  private long lastId;

  private static final class Row {
    final long id;
    final String paymentId;
    final String action;
    Instant dueAt;
    int attempts;
    boolean processed;

    Row(long id, String paymentId, String action, Instant dueAt) {
      this.id = id;
      this.paymentId = paymentId;
      this.action = action;
      this.dueAt = dueAt;
    }
  }

  InMemoryPaymentNotifications(InMemoryStores db) {
    this.db = db;
  }

  @Override
  public boolean record(
      String providerPaymentId, String action, String requestId, String rawBody, Instant at) {
    String key = providerPaymentId + "\u0000" + action;
    long[] created = new long[1];
    return db.write(
        () -> {
          Long known = keys.get(key);
          if (known != null) {
            Row row = rows.get(known);
            if (row.processed) {
              row.processed = false;
              row.dueAt = at;
            }
            return false;
          }
          long id = ++lastId;
          created[0] = id;
          keys.put(key, id);
          rows.put(id, new Row(id, providerPaymentId, action, at));
          return true;
        },
        () -> {
          if (created[0] != 0) {
            keys.remove(key);
            rows.remove(created[0]);
          }
        });
  }

  @Override
  public List<Pending> claim(Instant now, Instant leaseUntil, int limit) {
    return db.read(
        () -> {
          List<Pending> claimed = new ArrayList<>();
          for (Row row : rows.values()) {
            if (claimed.size() >= limit) {
              break;
            }
            if (!row.processed && !row.dueAt.isAfter(now)) {
              row.dueAt = leaseUntil;
              row.attempts++;
              claimed.add(new Pending(row.id, row.paymentId, row.action, row.attempts));
            }
          }
          return claimed;
        });
  }

  @Override
  public void processed(long id, String outcome, Instant at) {
    db.read(
        () -> {
          Row row = rows.get(id);
          if (row != null) {
            row.processed = true;
          }
          return null;
        });
  }

  @Override
  public void failed(long id, String error, Instant retryAt) {
    db.read(
        () -> {
          Row row = rows.get(id);
          if (row != null && !row.processed) {
            row.dueAt = retryAt;
          }
          return null;
        });
  }

  @Override
  public long unprocessed() {
    return db.read(() -> rows.values().stream().filter(r -> !r.processed).count());
  }
}
