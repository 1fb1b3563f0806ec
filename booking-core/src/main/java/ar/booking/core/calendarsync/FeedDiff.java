package ar.booking.core.calendarsync;

import ar.booking.core.stay.StayPeriod;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The diff of a fetched feed against the events we hold of it: a pure function, no I/O.
 *
 * <ol>
 *   <li>Events that ended by {@code today} are ignored; nights before today are never compared (a
 *       window whose start follows the calendar day by day is not a change).
 *   <li>Duplicate UIDs: copies with the same dates are one event (cancelled only if every copy is);
 *       copies with different dates are kept apart as {@code uid#yyyy-mm-dd} (check-in).
 *   <li>{@code STATUS:CANCELLED} releases the held event at once.
 *   <li>Matching, one to one: by UID; then, among what is left, by the same dates (an OTA that
 *       re-created the event under a new UID); then by overlapping nights (a re-created event whose
 *       dates also moved, or a rolling "Not available" window re-keyed daily). A match is an
 *       in-place change of the same stay — never a release and a new stay.
 *   <li>A held event absent from the fetch gains a miss; at {@code releaseAfterMisses} consecutive
 *       misses it is released. A present event forgets its misses.
 * </ol>
 */
public final class FeedDiff {

  private FeedDiff() {}

  /** Why a held event goes. */
  public enum ReleaseReason {
    /** Absent from enough consecutive successful fetches. */
    VANISHED,
    /** The feed marks it {@code STATUS:CANCELLED}. */
    CANCELLED
  }

  /** A held event seen again, perhaps under a new UID or with new dates. */
  public record Change(ImportedEvent held, FeedEvent now, boolean periodChanged) {
    public boolean uidChanged() {
      return !held.uid().equals(now.uid());
    }
  }

  /** A held event to release. */
  public record Release(ImportedEvent held, ReleaseReason reason) {}

  /**
   * What to do.
   *
   * @param added events we do not hold yet
   * @param changed held events seen again with a new UID, new future nights or a new summary
   * @param unchanged held events seen again exactly (nothing to write for them)
   * @param missed held events absent this time, with their miss count already increased
   * @param released held events to release (their stays cancelled, their state dropped)
   * @param forgotten held events that ended by today: their state is dropped, the stay is history
   * @param present events of the fetch that count for the safety rule (future, de-duplicated,
   *     cancelled ones included)
   */
  public record Plan(
      List<FeedEvent> added,
      List<Change> changed,
      List<ImportedEvent> unchanged,
      List<ImportedEvent> missed,
      List<Release> released,
      List<ImportedEvent> forgotten,
      int present,
      int ignoredPast,
      int duplicates) {
    public Plan {
      added = List.copyOf(added);
      changed = List.copyOf(changed);
      unchanged = List.copyOf(unchanged);
      missed = List.copyOf(missed);
      released = List.copyOf(released);
      forgotten = List.copyOf(forgotten);
    }

    /** True when applying the plan writes nothing. */
    public boolean isEmpty() {
      return added.isEmpty()
          && changed.isEmpty()
          && missed.isEmpty()
          && released.isEmpty()
          && forgotten.isEmpty();
    }
  }

  public static Plan plan(
      List<FeedEvent> fetched, List<ImportedEvent> held, LocalDate today, int releaseAfterMisses) {
    Objects.requireNonNull(today, "today");
    if (releaseAfterMisses < 1) {
      throw new IllegalArgumentException("release after at least one miss");
    }
    int ignoredPast = 0;
    List<FeedEvent> future = new ArrayList<>();
    for (FeedEvent event : fetched) {
      if (event.period().checkOut().isAfter(today)) {
        future.add(event);
      } else {
        ignoredPast++;
      }
    }
    Deduplicated dedup = deduplicate(future);
    List<FeedEvent> live = new ArrayList<>();
    Set<String> cancelledUids = new HashSet<>();
    for (FeedEvent event : dedup.events()) {
      if (event.cancelled()) {
        cancelledUids.add(event.uid());
      } else {
        live.add(event);
      }
    }

    List<ImportedEvent> forgotten = new ArrayList<>();
    List<Release> released = new ArrayList<>();
    List<ImportedEvent> open = new ArrayList<>();
    for (ImportedEvent h : held) {
      if (!h.period().checkOut().isAfter(today)) {
        forgotten.add(h);
      } else if (cancelledUids.contains(h.uid())) {
        released.add(new Release(h, ReleaseReason.CANCELLED));
      } else {
        open.add(h);
      }
    }

    Map<ImportedEvent, FeedEvent> matches = new LinkedHashMap<>();
    List<FeedEvent> unmatched = new ArrayList<>();
    Map<String, ImportedEvent> byUid = new HashMap<>();
    open.forEach(h -> byUid.put(h.uid(), h));
    for (FeedEvent event : live) {
      ImportedEvent h = byUid.remove(event.uid());
      if (h != null) {
        matches.put(h, event);
      } else {
        unmatched.add(event);
      }
    }
    List<ImportedEvent> left =
        new ArrayList<>(open.stream().filter(h -> !matches.containsKey(h)).toList());
    left.sort(Comparator.comparing((ImportedEvent h) -> h.period().checkIn()));
    unmatched.sort(Comparator.comparing((FeedEvent e) -> e.period().checkIn()));
    pair(left, unmatched, matches, (h, e) -> h.period().equals(e.period()));
    pair(
        left,
        unmatched,
        matches,
        (h, e) ->
            clip(h.period(), today)
                .flatMap(p -> clip(e.period(), today).filter(p::overlaps))
                .isPresent());

    List<Change> changed = new ArrayList<>();
    List<ImportedEvent> unchanged = new ArrayList<>();
    matches.forEach(
        (h, e) -> {
          boolean periodChanged = !clip(h.period(), today).equals(clip(e.period(), today));
          if (periodChanged
              || !h.uid().equals(e.uid())
              || !h.summary().equals(e.summary())
              || h.misses() > 0) {
            changed.add(new Change(h, e, periodChanged));
          } else {
            unchanged.add(h);
          }
        });
    List<ImportedEvent> missed = new ArrayList<>();
    for (ImportedEvent h : left) {
      ImportedEvent once = h.missed();
      if (once.misses() >= releaseAfterMisses) {
        released.add(new Release(h, ReleaseReason.VANISHED));
      } else {
        missed.add(once);
      }
    }
    return new Plan(
        unmatched,
        changed,
        unchanged,
        missed,
        released,
        forgotten,
        dedup.events().size(),
        ignoredPast,
        dedup.duplicates());
  }

  /**
   * The plan for a fetch answered "not modified": the body is the one we last applied, so an event
   * present in it is present again and an event missing from it ({@code misses > 0}) misses once
   * more — a server answering 304 forever still lets a vanished event go.
   */
  public static Plan notModified(
      List<ImportedEvent> held, LocalDate today, int releaseAfterMisses) {
    if (releaseAfterMisses < 1) {
      throw new IllegalArgumentException("release after at least one miss");
    }
    List<ImportedEvent> unchanged = new ArrayList<>();
    List<ImportedEvent> missed = new ArrayList<>();
    List<Release> released = new ArrayList<>();
    List<ImportedEvent> forgotten = new ArrayList<>();
    int present = 0;
    for (ImportedEvent h : held) {
      if (!h.period().checkOut().isAfter(today)) {
        forgotten.add(h);
      } else if (h.misses() == 0) {
        unchanged.add(h);
        present++;
      } else if (h.misses() + 1 >= releaseAfterMisses) {
        released.add(new Release(h, ReleaseReason.VANISHED));
      } else {
        missed.add(h.missed());
      }
    }
    return new Plan(List.of(), List.of(), unchanged, missed, released, forgotten, present, 0, 0);
  }

  /** The nights of {@code period} from {@code today} on; empty when it ended. */
  static Optional<StayPeriod> clip(StayPeriod period, LocalDate today) {
    if (!period.checkOut().isAfter(today)) {
      return Optional.empty();
    }
    LocalDate from = period.checkIn().isBefore(today) ? today : period.checkIn();
    return Optional.of(new StayPeriod(from, period.checkOut()));
  }

  private static void pair(
      List<ImportedEvent> left,
      List<FeedEvent> unmatched,
      Map<ImportedEvent, FeedEvent> matches,
      java.util.function.BiPredicate<ImportedEvent, FeedEvent> same) {
    var held = left.iterator();
    while (held.hasNext()) {
      ImportedEvent h = held.next();
      for (var fetched = unmatched.iterator(); fetched.hasNext(); ) {
        FeedEvent e = fetched.next();
        if (same.test(h, e)) {
          matches.put(h, e);
          held.remove();
          fetched.remove();
          break;
        }
      }
    }
  }

  private record Deduplicated(List<FeedEvent> events, int duplicates) {}

  private static Deduplicated deduplicate(List<FeedEvent> events) {
    Map<String, List<FeedEvent>> byUid = new LinkedHashMap<>();
    events.forEach(e -> byUid.computeIfAbsent(e.uid(), k -> new ArrayList<>()).add(e));
    List<FeedEvent> out = new ArrayList<>();
    int duplicates = 0;
    for (var entry : byUid.entrySet()) {
      List<FeedEvent> copies = entry.getValue();
      duplicates += copies.size() - 1;
      Map<StayPeriod, List<FeedEvent>> byPeriod = new LinkedHashMap<>();
      copies.forEach(e -> byPeriod.computeIfAbsent(e.period(), k -> new ArrayList<>()).add(e));
      boolean apart = byPeriod.size() > 1;
      byPeriod.forEach(
          (period, same) -> {
            FeedEvent kept =
                same.stream().filter(e -> !e.cancelled()).findFirst().orElse(same.getFirst());
            out.add(apart ? kept.withUid(entry.getKey() + "#" + period.checkIn()) : kept);
          });
    }
    return new Deduplicated(out, duplicates);
  }
}
