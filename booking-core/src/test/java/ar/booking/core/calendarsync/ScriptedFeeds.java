package ar.booking.core.calendarsync;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fake of the network and of the iCalendar parser for use-case tests: each served body is a token
 * that the parser half turns back into the events it was served with.
 */
final class ScriptedFeeds implements FeedFetcher, FeedParser {

  private final Map<String, List<FeedEvent>> bodies = new HashMap<>();
  private FetchOutcome next = new Failed("nothing served yet");
  final List<Optional<String>> etagsSent = new ArrayList<>();
  int fetches;

  /** The next fetch answers these events (with a new ETag). */
  void serve(FeedEvent... events) {
    String body = "body-" + bodies.size();
    bodies.put(body, List.of(events));
    next = new Fetched(body.getBytes(StandardCharsets.UTF_8), "\"" + body + "\"", null);
  }

  void fail(String reason) {
    next = new Failed(reason);
  }

  void notModified() {
    next = new NotModified();
  }

  /** The next fetch throws, as a bug would. */
  void explode() {
    next = null;
  }

  void serveGarbage() {
    next = new Fetched("garbage".getBytes(StandardCharsets.UTF_8), null, null);
  }

  @Override
  public FetchOutcome fetch(URI url, Optional<String> etag, Optional<String> lastModified) {
    fetches++;
    etagsSent.add(etag);
    if (next == null) {
      throw new IllegalStateException("the fetcher blew up");
    }
    return next;
  }

  @Override
  public ParseOutcome parse(byte[] body, ZoneId zone) {
    List<FeedEvent> events = bodies.get(new String(body, StandardCharsets.UTF_8));
    return events == null ? new Unreadable("no VCALENDAR") : new Parsed(events, 0);
  }
}
