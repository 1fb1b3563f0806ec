package ar.booking.core.calendarsync;

/** How the last sync attempt of a feed ended. */
public enum SyncStatus {
  /** Never attempted. */
  NEVER,
  /** Fetched and applied. */
  OK,
  /** The server said nothing changed since the last fetch. */
  NOT_MODIFIED,
  /** The fetch or the parse failed; nothing was changed. */
  FAILED,
  /** The feed came back empty or shrunk by more than half; nothing was changed. */
  SUSPICIOUS;

  /** True when the attempt counts as a successful fetch (for freshness and miss counting). */
  public boolean isSuccess() {
    return this == OK || this == NOT_MODIFIED;
  }
}
