package ar.booking.core.memory;

import ar.booking.core.calendarsync.CalendarFeed;
import ar.booking.core.calendarsync.CalendarFeeds;
import ar.booking.core.calendarsync.FeedConflict;
import ar.booking.core.calendarsync.FeedId;
import ar.booking.core.calendarsync.FeedSource;
import ar.booking.core.calendarsync.FeedSyncState;
import ar.booking.core.calendarsync.ImportedEvent;
import ar.booking.core.shared.AccommodationId;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link CalendarFeeds} kept in an {@link InMemoryStores}. Every write is atomic and undone with
 * its unit of work; {@link #lock} holds the feed's unit until the unit of work ends, as the row
 * lock does in PostgreSQL.
 */
final class InMemoryCalendarFeeds implements CalendarFeeds {

  private final InMemoryStores db;
  private final Map<Long, CalendarFeed> feeds = new TreeMap<>();
  private final Map<Long, Map<String, ImportedEvent>> events = new LinkedHashMap<>();
  private final Map<Long, FeedConflict> conflicts = new TreeMap<>();
  private long lastFeedId;
  private long lastConflictId;

  InMemoryCalendarFeeds(InMemoryStores db) {
    this.db = db;
  }

  @Override
  public AddOutcome add(AccommodationId unit, FeedSource source, URI url, Instant now) {
    URI checked = CalendarFeed.checkedUrl(url);
    long[] added = new long[1];
    return db.write(
        () -> {
          boolean taken =
              feeds.values().stream()
                  .anyMatch(f -> f.unit().equals(unit) && f.url().equals(checked));
          if (taken) {
            return new DuplicateUrl(unit, checked);
          }
          CalendarFeed feed =
              new CalendarFeed(
                  new FeedId(++lastFeedId), unit, source, checked, now, FeedSyncState.NEVER);
          feeds.put(feed.id().value(), feed);
          added[0] = feed.id().value();
          return new Added(feed);
        },
        () -> {
          if (added[0] != 0) {
            feeds.remove(added[0]);
          }
        });
  }

  @Override
  public Optional<CalendarFeed> find(FeedId id) {
    return db.read(() -> Optional.ofNullable(feeds.get(id.value())));
  }

  @Override
  public List<CalendarFeed> ofUnit(AccommodationId unit) {
    return db.read(() -> feeds.values().stream().filter(f -> f.unit().equals(unit)).toList());
  }

  @Override
  public List<CalendarFeed> all() {
    return db.read(
        () ->
            feeds.values().stream()
                .sorted(
                    Comparator.comparingLong((CalendarFeed f) -> f.unit().value())
                        .thenComparingLong(f -> f.id().value()))
                .toList());
  }

  @Override
  public Optional<CalendarFeed> lock(FeedId id) {
    Optional<CalendarFeed> feed = find(id);
    if (feed.isEmpty()) {
      return feed;
    }
    db.writeUnit(feed.get().unit(), () -> null, () -> {});
    return find(id); // read again now that no other sync of it runs
  }

  @Override
  public boolean recordSync(FeedId id, FeedSyncState state) {
    CalendarFeed[] before = new CalendarFeed[1];
    return db.write(
        () -> {
          CalendarFeed feed = feeds.get(id.value());
          if (feed == null) {
            return false;
          }
          before[0] = feed;
          feeds.put(id.value(), feed.withSync(state));
          return true;
        },
        () -> {
          if (before[0] != null) {
            feeds.put(id.value(), before[0]);
          }
        });
  }

  @Override
  public boolean remove(FeedId id, Instant now) {
    CalendarFeed[] removed = new CalendarFeed[1];
    Map<String, ImportedEvent> removedEvents = new LinkedHashMap<>();
    Map<Long, FeedConflict> resolved = new LinkedHashMap<>();
    return db.write(
        () -> {
          removed[0] = feeds.remove(id.value());
          if (removed[0] == null) {
            return false;
          }
          Map<String, ImportedEvent> held = events.remove(id.value());
          if (held != null) {
            removedEvents.putAll(held);
          }
          for (FeedConflict c : List.copyOf(conflicts.values())) {
            if (c.feed().equals(id) && c.isOpen()) {
              resolved.put(c.id(), c);
              conflicts.put(c.id(), c.resolve("feed removed", now));
            }
          }
          return true;
        },
        () -> {
          if (removed[0] != null) {
            feeds.put(id.value(), removed[0]);
            if (!removedEvents.isEmpty()) {
              events.put(id.value(), new LinkedHashMap<>(removedEvents));
            }
            conflicts.putAll(resolved);
          }
        });
  }

  @Override
  public List<ImportedEvent> imported(FeedId id) {
    return db.read(
        () ->
            events.getOrDefault(id.value(), Map.of()).values().stream()
                .sorted(
                    Comparator.comparing((ImportedEvent e) -> e.period().checkIn())
                        .thenComparing(ImportedEvent::uid))
                .toList());
  }

  @Override
  public SaveOutcome insertImported(FeedId id, ImportedEvent event) {
    boolean[] stored = new boolean[1];
    return db.write(
        () -> {
          if (!feeds.containsKey(id.value())) {
            throw new IllegalArgumentException("no feed " + id);
          }
          Map<String, ImportedEvent> held =
              events.computeIfAbsent(id.value(), k -> new LinkedHashMap<>());
          if (held.containsKey(event.uid())) {
            return new DuplicateUid(id, event.uid());
          }
          held.put(event.uid(), event);
          stored[0] = true;
          return new Saved(event);
        },
        () -> {
          if (stored[0]) {
            events.get(id.value()).remove(event.uid());
          }
        });
  }

  @Override
  public boolean updateImported(FeedId id, String uid, ImportedEvent event) {
    ImportedEvent[] before = new ImportedEvent[1];
    return db.write(
        () -> {
          Map<String, ImportedEvent> held = events.get(id.value());
          if (held == null || !held.containsKey(uid)) {
            return false;
          }
          if (!uid.equals(event.uid()) && held.containsKey(event.uid())) {
            throw new IllegalStateException("feed " + id + " already holds " + event.uid());
          }
          before[0] = held.remove(uid);
          held.put(event.uid(), event);
          return true;
        },
        () -> {
          if (before[0] != null) {
            Map<String, ImportedEvent> held = events.get(id.value());
            held.remove(event.uid());
            held.put(uid, before[0]);
          }
        });
  }

  @Override
  public boolean removeImported(FeedId id, String uid) {
    ImportedEvent[] before = new ImportedEvent[1];
    return db.write(
        () -> {
          Map<String, ImportedEvent> held = events.get(id.value());
          before[0] = held == null ? null : held.remove(uid);
          return before[0] != null;
        },
        () -> {
          if (before[0] != null) {
            events.get(id.value()).put(uid, before[0]);
          }
        });
  }

  @Override
  public FeedConflict addConflict(FeedConflict conflict) {
    long[] added = new long[1];
    return db.write(
        () -> {
          FeedConflict stored = conflict.withId(++lastConflictId);
          conflicts.put(stored.id(), stored);
          added[0] = stored.id();
          return stored;
        },
        () -> conflicts.remove(added[0]));
  }

  @Override
  public Optional<FeedConflict> latestConflict(FeedId id, String uid) {
    return db.read(
        () ->
            conflicts.values().stream()
                .filter(c -> c.feed().equals(id) && c.uid().equals(uid))
                .max(Comparator.comparingLong(FeedConflict::id)));
  }

  @Override
  public Optional<FeedConflict> findConflict(long conflictId) {
    return db.read(() -> Optional.ofNullable(conflicts.get(conflictId)));
  }

  @Override
  public List<FeedConflict> conflicts(Optional<AccommodationId> unit, boolean openOnly) {
    return db.read(
        () -> {
          List<FeedConflict> found = new ArrayList<>();
          for (FeedConflict c : conflicts.values()) {
            if (unit.map(u -> u.equals(c.unit())).orElse(true) && (!openOnly || c.isOpen())) {
              found.add(c);
            }
          }
          found.sort(Comparator.comparingLong(FeedConflict::id).reversed());
          return found;
        });
  }

  @Override
  public boolean resolveConflict(long conflictId, String resolution, Instant at) {
    FeedConflict[] before = new FeedConflict[1];
    return db.write(
        () -> {
          FeedConflict c = conflicts.get(conflictId);
          if (c == null || !c.isOpen()) {
            return false;
          }
          before[0] = c;
          conflicts.put(conflictId, c.resolve(resolution, at));
          return true;
        },
        () -> {
          if (before[0] != null) {
            conflicts.put(conflictId, before[0]);
          }
        });
  }
}
