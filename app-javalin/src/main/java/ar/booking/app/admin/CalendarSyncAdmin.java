package ar.booking.app.admin;

import ar.booking.core.calendarsync.AddFeed;
import ar.booking.core.calendarsync.CalendarFeeds;
import ar.booking.core.calendarsync.ExportTokens;
import ar.booking.core.calendarsync.RemoveFeed;
import ar.booking.core.calendarsync.ResolveConflict;
import ar.booking.core.calendarsync.RotateExportToken;
import ar.booking.core.calendarsync.SyncCalendar;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What the owner's calendar-sync routes need: the feeds, the use cases, the export tokens and where
 * the export is served.
 *
 * @param baseUrl the public URL of the app ({@code BASE_URL}), prefix of every export URL
 * @param syncMaxAge a feed synced longer ago shows as {@code stale} ({@code
 *     ICAL_SYNC_MAX_AGE_MINUTES})
 * @param synced told of every feed the owner syncs by hand (the sync metrics)
 */
public record CalendarSyncAdmin(
    CalendarFeeds feeds,
    SyncCalendar sync,
    AddFeed addFeed,
    RemoveFeed removeFeed,
    ResolveConflict resolveConflict,
    RotateExportToken rotate,
    ExportTokens tokens,
    String baseUrl,
    Duration syncMaxAge,
    Consumer<SyncCalendar.FeedSynced> synced) {

  public CalendarSyncAdmin {
    Objects.requireNonNull(feeds, "feeds");
    Objects.requireNonNull(sync, "sync");
    Objects.requireNonNull(addFeed, "addFeed");
    Objects.requireNonNull(removeFeed, "removeFeed");
    Objects.requireNonNull(resolveConflict, "resolveConflict");
    Objects.requireNonNull(rotate, "rotate");
    Objects.requireNonNull(tokens, "tokens");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(syncMaxAge, "syncMaxAge");
    Objects.requireNonNull(synced, "synced");
  }
}
