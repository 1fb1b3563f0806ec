package ar.booking.core.calendarsync;

import ar.booking.core.shared.AccommodationId;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The imported feeds of every unit, what we hold of each feed's events, and the conflicts they
 * raised. Thread-safe; every method joins the caller's unit of work when there is one (so a sync
 * writes its stays, its event state, its conflicts and its sync state all or nothing).
 *
 * <p>Guarantees: a unit imports a URL once ({@link DuplicateUrl}); a feed holds one event per UID
 * ({@link DuplicateUid}, enforced by the store even against concurrent syncs); {@link #lock}
 * serialises syncs of one feed across processes until the unit of work ends; removing a feed
 * removes its event state (the caller releases the stays first).
 */
public interface CalendarFeeds {

  /** Stores a new feed of {@code unit}, never synced yet. */
  AddOutcome add(AccommodationId unit, FeedSource source, URI url, Instant now);

  Optional<CalendarFeed> find(FeedId id);

  /** Feeds of one unit, oldest first. */
  List<CalendarFeed> ofUnit(AccommodationId unit);

  /** Every feed, by unit then id. */
  List<CalendarFeed> all();

  /**
   * The feed, locked against other syncs of it until the caller's unit of work ends (call it inside
   * one); empty when it was removed.
   */
  Optional<CalendarFeed> lock(FeedId id);

  /** Replaces the sync state of a feed; false when the feed is gone. */
  boolean recordSync(FeedId id, FeedSyncState state);

  /** Removes a feed with its event state; its conflicts are kept (resolved). False when gone. */
  boolean remove(FeedId id, Instant now);

  /** What we hold of the feed's events, by check-in. */
  List<ImportedEvent> imported(FeedId id);

  /** Starts holding an event of the feed. */
  SaveOutcome insertImported(FeedId id, ImportedEvent event);

  /**
   * Replaces the held event {@code uid} (which may be re-keyed to {@code event.uid()}); false when
   * there is no such event.
   */
  boolean updateImported(FeedId id, String uid, ImportedEvent event);

  /** Stops holding the event {@code uid}; false when there was none. */
  boolean removeImported(FeedId id, String uid);

  /** Stores a new open conflict and returns it with its id. */
  FeedConflict addConflict(FeedConflict conflict);

  /** The newest conflict (open or resolved) of the feed's event {@code uid}, if any. */
  Optional<FeedConflict> latestConflict(FeedId id, String uid);

  Optional<FeedConflict> findConflict(long conflictId);

  /** Conflicts of one unit or (empty) of all, newest first; only the open ones when asked. */
  List<FeedConflict> conflicts(Optional<AccommodationId> unit, boolean openOnly);

  /** Resolves an open conflict; false when there is none open with that id. */
  boolean resolveConflict(long conflictId, String resolution, Instant at);

  /** Result of {@link #add}. */
  sealed interface AddOutcome permits Added, DuplicateUrl {}

  record Added(CalendarFeed feed) implements AddOutcome {}

  /** The unit already imports this URL. */
  record DuplicateUrl(AccommodationId unit, URI url) implements AddOutcome {}

  /** Result of {@link #insertImported}. */
  sealed interface SaveOutcome permits Saved, DuplicateUid {}

  record Saved(ImportedEvent event) implements SaveOutcome {}

  /** The feed already holds an event with this UID (a concurrent sync stored it first). */
  record DuplicateUid(FeedId feed, String uid) implements SaveOutcome {}
}
