package ar.booking.core.memory;

import ar.booking.core.payment.PaymentLink;
import ar.booking.core.payment.PaymentLinks;
import ar.booking.core.reservation.ReservationCode;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link PaymentLinks} kept in memory; writes join the caller's unit of work. */
final class InMemoryPaymentLinks implements PaymentLinks {

  private final InMemoryStores db;
  private final Map<ReservationCode, PaymentLink> links = new LinkedHashMap<>();
  private final Set<ReservationCode> extended = new HashSet<>();
  private final Map<ReservationCode, Set<String>> flags = new HashMap<>();

  InMemoryPaymentLinks(InMemoryStores db) {
    this.db = db;
  }

  @Override
  public Optional<PaymentLink> find(ReservationCode code) {
    return db.read(() -> Optional.ofNullable(links.get(code)));
  }

  @Override
  public void save(PaymentLink link, Instant at) {
    PaymentLink[] before = new PaymentLink[1];
    db.write(
        () -> before[0] = links.put(link.code(), link),
        () -> {
          if (before[0] == null) {
            links.remove(link.code());
          } else {
            links.put(link.code(), before[0]);
          }
        });
  }

  @Override
  public List<PaymentLink> expiringAfter(Instant after, int limit) {
    return db.read(
        () ->
            links.values().stream()
                .filter(l -> l.expiresAt().isAfter(after))
                .sorted(Comparator.comparing(PaymentLink::expiresAt))
                .limit(limit)
                .toList());
  }

  @Override
  public boolean useHoldExtension(ReservationCode code, Instant at) {
    boolean[] added = new boolean[1];
    return db.write(
        () -> added[0] = extended.add(code),
        () -> {
          if (added[0]) {
            extended.remove(code);
          }
        });
  }

  @Override
  public boolean flag(ReservationCode code, String reason, Instant at) {
    boolean[] added = new boolean[1];
    return db.write(
        () ->
            added[0] =
                flags.computeIfAbsent(code, c -> new java.util.LinkedHashSet<>()).add(reason),
        () -> {
          if (added[0]) {
            flags.get(code).remove(reason);
          }
        });
  }

  @Override
  public Optional<String> flag(ReservationCode code) {
    return db.read(
        () -> {
          Set<String> reasons = flags.get(code);
          return reasons == null || reasons.isEmpty()
              ? Optional.<String>empty()
              : Optional.of(String.join(",", reasons));
        });
  }
}
