package ar.booking.persistence;

import ar.booking.core.calendarsync.CalendarFeed;
import ar.booking.core.calendarsync.CalendarFeeds;
import ar.booking.core.calendarsync.FeedConflict;
import ar.booking.core.calendarsync.FeedId;
import ar.booking.core.calendarsync.FeedSource;
import ar.booking.core.calendarsync.FeedSyncState;
import ar.booking.core.calendarsync.ImportedEvent;
import ar.booking.core.calendarsync.SyncStatus;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.shared.AccommodationId;
import ar.booking.core.stay.StayPeriod;
import java.net.URI;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link CalendarFeeds} on PostgreSQL. A unit imports a URL once ({@value #FEED_URL_UNIQUE}); a
 * feed holds an event once per UID ({@value #EVENT_UID_UNIQUE}, a unique index of its own): both
 * refusals are mapped by name. {@link #lock} is {@code SELECT … FOR UPDATE} on the feed's row.
 */
final class JdbiCalendarFeeds implements CalendarFeeds {

  static final String FEED_URL_UNIQUE = "calendar_feed_unit_url_unique";
  static final String EVENT_UID_UNIQUE = "calendar_imported_event_feed_uid_unique";

  private static final String FEED_COLUMNS =
      "f.id, f.accommodation_id, f.source, f.url, f.created_at, s.last_status, s.last_attempt_at,"
          + " s.last_success_at, s.last_error, s.etag, s.last_modified,"
          + " coalesce(s.consecutive_failures, 0) AS consecutive_failures,"
          + " coalesce(s.event_count, 0) AS event_count";
  private static final String FEEDS =
      "SELECT "
          + FEED_COLUMNS
          + " FROM calendar_feed f LEFT JOIN calendar_feed_sync s ON s.feed_id = f.id";
  private static final String EVENT_COLUMNS =
      "uid, check_in, check_out, summary, reservation_code, partial_codes, misses, first_seen_at,"
          + " changed_at";
  private static final String CONFLICT_COLUMNS =
      "id, feed_id, accommodation_id, source, uid, check_in, check_out, summary, our_codes,"
          + " detected_at, resolved_at, resolution";

  private final Database db;

  JdbiCalendarFeeds(Database db) {
    this.db = db;
  }

  @Override
  public AddOutcome add(AccommodationId unit, FeedSource source, URI url, Instant now) {
    URI checked = CalendarFeed.checkedUrl(url);
    Optional<Long> id =
        db.withHandle(
            handle ->
                handle
                    .createQuery(
                        "WITH f AS (INSERT INTO calendar_feed (accommodation_id, source, url,"
                            + " created_at) VALUES (:unit, :source, :url, :now) ON CONFLICT ON"
                            + " CONSTRAINT "
                            + FEED_URL_UNIQUE
                            + " DO NOTHING RETURNING id),"
                            + " s AS (INSERT INTO calendar_feed_sync (feed_id, last_status)"
                            + " SELECT id, 'NEVER' FROM f)"
                            + " SELECT id FROM f")
                    .bind("unit", unit.value())
                    .bind("source", source.name())
                    .bind("url", checked.toString())
                    .bindByType("now", ReservationRows.utc(now), OffsetDateTime.class)
                    .mapTo(Long.class)
                    .findOne());
    if (id.isEmpty()) {
      return new DuplicateUrl(unit, checked);
    }
    return new Added(
        new CalendarFeed(new FeedId(id.get()), unit, source, checked, now, FeedSyncState.NEVER));
  }

  @Override
  public Optional<CalendarFeed> find(FeedId id) {
    return db.withHandle(
        handle ->
            handle
                .createQuery(FEEDS + " WHERE f.id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> feed(rs))
                .findOne());
  }

  @Override
  public List<CalendarFeed> ofUnit(AccommodationId unit) {
    return db.withHandle(
        handle ->
            handle
                .createQuery(FEEDS + " WHERE f.accommodation_id = :unit ORDER BY f.id")
                .bind("unit", unit.value())
                .map((rs, ctx) -> feed(rs))
                .list());
  }

  @Override
  public List<CalendarFeed> all() {
    return db.withHandle(
        handle ->
            handle
                .createQuery(FEEDS + " ORDER BY f.accommodation_id, f.id")
                .map((rs, ctx) -> feed(rs))
                .list());
  }

  @Override
  public Optional<CalendarFeed> lock(FeedId id) {
    return db.withHandle(
        handle ->
            handle
                .createQuery(FEEDS + " WHERE f.id = :id FOR UPDATE OF f")
                .bind("id", id.value())
                .map((rs, ctx) -> feed(rs))
                .findOne());
  }

  @Override
  public boolean recordSync(FeedId id, FeedSyncState state) {
    return db.withHandle(
            handle ->
                handle
                    .createUpdate(
                        "INSERT INTO calendar_feed_sync (feed_id, last_status, last_attempt_at,"
                            + " last_success_at, last_error, etag, last_modified,"
                            + " consecutive_failures, event_count)"
                            + " SELECT id, :status, :attempt, :success, :error, :etag,"
                            + " :last_modified, :failures, :events FROM calendar_feed WHERE id = :id"
                            + " ON CONFLICT (feed_id) DO UPDATE SET last_status = excluded.last_status,"
                            + " last_attempt_at = excluded.last_attempt_at,"
                            + " last_success_at = excluded.last_success_at,"
                            + " last_error = excluded.last_error, etag = excluded.etag,"
                            + " last_modified = excluded.last_modified,"
                            + " consecutive_failures = excluded.consecutive_failures,"
                            + " event_count = excluded.event_count")
                    .bind("id", id.value())
                    .bind("status", state.status().name())
                    .bindByType(
                        "attempt", ReservationRows.utc(state.lastAttemptAt()), OffsetDateTime.class)
                    .bindByType(
                        "success", ReservationRows.utc(state.lastSuccessAt()), OffsetDateTime.class)
                    .bind("error", state.lastError())
                    .bind("etag", state.etag())
                    .bind("last_modified", state.lastModified())
                    .bind("failures", state.consecutiveFailures())
                    .bind("events", state.eventCount())
                    .execute())
        == 1;
  }

  @Override
  public boolean remove(FeedId id, Instant now) {
    return db.atomically(
        handle -> {
          handle
              .createUpdate(
                  "UPDATE calendar_conflict SET resolved_at = :now, resolution = 'feed removed'"
                      + " WHERE feed_id = :id AND resolved_at IS NULL")
              .bind("id", id.value())
              .bindByType("now", ReservationRows.utc(now), OffsetDateTime.class)
              .execute();
          return handle
                  .createUpdate("DELETE FROM calendar_feed WHERE id = :id")
                  .bind("id", id.value())
                  .execute()
              == 1;
        });
  }

  @Override
  public List<ImportedEvent> imported(FeedId id) {
    return db.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + EVENT_COLUMNS
                        + " FROM calendar_imported_event WHERE feed_id = :id"
                        + " ORDER BY check_in, uid")
                .bind("id", id.value())
                .map((rs, ctx) -> event(rs))
                .list());
  }

  @Override
  public SaveOutcome insertImported(FeedId id, ImportedEvent event) {
    try {
      db.statement(
          handle ->
              bindEvent(
                      handle.createUpdate(
                          "INSERT INTO calendar_imported_event (feed_id, uid, check_in, check_out,"
                              + " summary, reservation_code, partial_codes, misses, first_seen_at,"
                              + " changed_at) VALUES (:feed, :uid, :check_in, :check_out, :summary,"
                              + " :stay, :partials, :misses, :first_seen_at, :changed_at)"),
                      id,
                      event)
                  .execute());
      return new Saved(event);
    } catch (Database.Refused refused) {
      if (refused.isDuplicate(EVENT_UID_UNIQUE)) {
        return new DuplicateUid(id, event.uid());
      }
      throw refused.unexpected("imported event " + event.uid() + " of feed " + id);
    }
  }

  @Override
  public boolean updateImported(FeedId id, String uid, ImportedEvent event) {
    try {
      return db.statement(
              handle ->
                  bindEvent(
                          handle.createUpdate(
                              "UPDATE calendar_imported_event SET uid = :uid, check_in = :check_in,"
                                  + " check_out = :check_out, summary = :summary,"
                                  + " reservation_code = :stay, partial_codes = :partials,"
                                  + " misses = :misses,"
                                  + " first_seen_at = :first_seen_at, changed_at = :changed_at"
                                  + " WHERE feed_id = :feed AND uid = :old_uid"),
                          id,
                          event)
                      .bind("old_uid", uid)
                      .execute())
          == 1;
    } catch (Database.Refused refused) {
      if (refused.isDuplicate(EVENT_UID_UNIQUE)) {
        throw new IllegalStateException("feed " + id + " already holds " + event.uid(), refused);
      }
      throw refused.unexpected("imported event " + uid + " of feed " + id);
    }
  }

  private static org.jdbi.v3.core.statement.Update bindEvent(
      org.jdbi.v3.core.statement.Update update, FeedId id, ImportedEvent e) {
    return update
        .bind("feed", id.value())
        .bind("uid", e.uid())
        .bind("check_in", e.period().checkIn())
        .bind("check_out", e.period().checkOut())
        .bind("summary", e.summary())
        .bind("stay", e.stay().map(ReservationCode::value).orElse(null))
        .bindArray(
            "partials", String.class, e.partials().stream().map(ReservationCode::value).toList())
        .bind("misses", e.misses())
        .bindByType("first_seen_at", ReservationRows.utc(e.firstSeenAt()), OffsetDateTime.class)
        .bindByType("changed_at", ReservationRows.utc(e.changedAt()), OffsetDateTime.class);
  }

  @Override
  public boolean removeImported(FeedId id, String uid) {
    return db.withHandle(
            handle ->
                handle
                    .createUpdate(
                        "DELETE FROM calendar_imported_event WHERE feed_id = :feed AND uid = :uid")
                    .bind("feed", id.value())
                    .bind("uid", uid)
                    .execute())
        == 1;
  }

  @Override
  public FeedConflict addConflict(FeedConflict c) {
    long id =
        db.withHandle(
            handle ->
                handle
                    .createQuery(
                        "INSERT INTO calendar_conflict (feed_id, accommodation_id, source, uid,"
                            + " check_in, check_out, summary, our_codes, detected_at, resolved_at,"
                            + " resolution) VALUES (:feed, :unit, :source, :uid, :check_in,"
                            + " :check_out, :summary, :ours, :detected_at, :resolved_at,"
                            + " :resolution) RETURNING id")
                    .bind("feed", c.feed().value())
                    .bind("unit", c.unit().value())
                    .bind("source", c.source().name())
                    .bind("uid", c.uid())
                    .bind("check_in", c.period().checkIn())
                    .bind("check_out", c.period().checkOut())
                    .bind("summary", c.summary())
                    .bindArray(
                        "ours",
                        String.class,
                        c.ours().stream().map(ReservationCode::value).toList())
                    .bindByType(
                        "detected_at", ReservationRows.utc(c.detectedAt()), OffsetDateTime.class)
                    .bindByType(
                        "resolved_at", ReservationRows.utc(c.resolvedAt()), OffsetDateTime.class)
                    .bind("resolution", c.resolution())
                    .mapTo(Long.class)
                    .one());
    return c.withId(id);
  }

  @Override
  public Optional<FeedConflict> latestConflict(FeedId id, String uid) {
    return db.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + CONFLICT_COLUMNS
                        + " FROM calendar_conflict WHERE feed_id = :feed AND uid = :uid"
                        + " ORDER BY id DESC LIMIT 1")
                .bind("feed", id.value())
                .bind("uid", uid)
                .map((rs, ctx) -> conflict(rs))
                .findOne());
  }

  @Override
  public Optional<FeedConflict> findConflict(long conflictId) {
    return db.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT " + CONFLICT_COLUMNS + " FROM calendar_conflict WHERE id = :id")
                .bind("id", conflictId)
                .map((rs, ctx) -> conflict(rs))
                .findOne());
  }

  @Override
  public List<FeedConflict> conflicts(Optional<AccommodationId> unit, boolean openOnly) {
    List<String> where = new ArrayList<>();
    unit.ifPresent(u -> where.add("accommodation_id = :unit"));
    if (openOnly) {
      where.add("resolved_at IS NULL");
    }
    String sql =
        "SELECT "
            + CONFLICT_COLUMNS
            + " FROM calendar_conflict"
            + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
            + " ORDER BY id DESC LIMIT 1000";
    return db.withHandle(
        handle -> {
          var query = handle.createQuery(sql);
          unit.ifPresent(u -> query.bind("unit", u.value()));
          return query.map((rs, ctx) -> conflict(rs)).list();
        });
  }

  @Override
  public boolean resolveConflict(long conflictId, String resolution, Instant at) {
    return db.withHandle(
            handle ->
                handle
                    .createUpdate(
                        "UPDATE calendar_conflict SET resolved_at = :at, resolution = :how"
                            + " WHERE id = :id AND resolved_at IS NULL")
                    .bind("id", conflictId)
                    .bind("how", resolution)
                    .bindByType("at", ReservationRows.utc(at), OffsetDateTime.class)
                    .execute())
        == 1;
  }

  private static CalendarFeed feed(ResultSet rs) throws SQLException {
    String status = rs.getString("last_status");
    FeedSyncState state =
        new FeedSyncState(
            status == null ? SyncStatus.NEVER : SyncStatus.valueOf(status),
            ReservationRows.instant(rs, "last_attempt_at"),
            ReservationRows.instant(rs, "last_success_at"),
            rs.getString("last_error"),
            rs.getString("etag"),
            rs.getString("last_modified"),
            rs.getInt("consecutive_failures"),
            rs.getInt("event_count"));
    return new CalendarFeed(
        new FeedId(rs.getLong("id")),
        new AccommodationId(rs.getLong("accommodation_id")),
        FeedSource.valueOf(rs.getString("source")),
        URI.create(rs.getString("url")),
        ReservationRows.instant(rs, "created_at"),
        state);
  }

  private static ImportedEvent event(ResultSet rs) throws SQLException {
    String stay = rs.getString("reservation_code");
    return new ImportedEvent(
        rs.getString("uid"),
        new StayPeriod(
            rs.getObject("check_in", LocalDate.class), rs.getObject("check_out", LocalDate.class)),
        rs.getString("summary"),
        stay == null ? null : new ReservationCode(stay),
        codes(rs.getArray("partial_codes")),
        rs.getInt("misses"),
        ReservationRows.instant(rs, "first_seen_at"),
        ReservationRows.instant(rs, "changed_at"));
  }

  private static List<ReservationCode> codes(Array array) throws SQLException {
    List<ReservationCode> codes = new ArrayList<>();
    if (array != null) {
      for (Object code : (Object[]) array.getArray()) {
        codes.add(new ReservationCode((String) code));
      }
    }
    return codes;
  }

  private static FeedConflict conflict(ResultSet rs) throws SQLException {
    List<ReservationCode> ours = codes(rs.getArray("our_codes"));
    return new FeedConflict(
        rs.getLong("id"),
        new FeedId(rs.getLong("feed_id")),
        new AccommodationId(rs.getLong("accommodation_id")),
        FeedSource.valueOf(rs.getString("source")),
        rs.getString("uid"),
        new StayPeriod(
            rs.getObject("check_in", LocalDate.class), rs.getObject("check_out", LocalDate.class)),
        rs.getString("summary"),
        ours,
        ReservationRows.instant(rs, "detected_at"),
        ReservationRows.instant(rs, "resolved_at"),
        rs.getString("resolution"));
  }
}
