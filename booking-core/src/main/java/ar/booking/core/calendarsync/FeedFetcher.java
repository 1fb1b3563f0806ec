package ar.booking.core.calendarsync;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Fetches a feed over the network. Never throws for network trouble: every failure is a {@link
 * Failed} with a reason an owner can read. Thread-safe.
 */
public interface FeedFetcher {

  /**
   * A conditional GET: {@code etag} and {@code lastModified} are the validators of the last applied
   * fetch, when there is one.
   */
  FetchOutcome fetch(URI url, Optional<String> etag, Optional<String> lastModified);

  /** What came of a fetch. */
  sealed interface FetchOutcome permits NotModified, Fetched, Failed {}

  /** The server says nothing changed since the validators. */
  record NotModified() implements FetchOutcome {}

  /** The feed's bytes and its new validators (either may be null). */
  record Fetched(byte[] body, String etag, String lastModified) implements FetchOutcome {
    public Fetched {
      Objects.requireNonNull(body, "body");
    }
  }

  /** The feed could not be had; {@code reason} says why (timeout, status, size, address…). */
  record Failed(String reason) implements FetchOutcome {
    public Failed {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
