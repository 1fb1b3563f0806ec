package ar.booking.core.calendarsync;

/**
 * The safety rule: a fetch that would release most of what we hold is more likely a broken feed
 * than a wave of cancellations. An empty feed after a non-empty one, or one that shrank by more
 * than half, changes nothing and raises a feed-health alert; the owner can accept it explicitly.
 */
public final class FeedSafety {

  private FeedSafety() {}

  /** The verdict on a fetch. */
  public sealed interface Verdict permits Safe, Suspicious {}

  public record Safe() implements Verdict {}

  public record Suspicious(String reason) implements Verdict {}

  /**
   * @param held events we hold that have not ended
   * @param present future events of the fetch, de-duplicated, cancelled ones included
   */
  public static Verdict judge(int held, int present) {
    if (held < 0 || present < 0) {
      throw new IllegalArgumentException("counts are never negative");
    }
    if (held > 0 && present == 0) {
      return new Suspicious("the feed came back empty; we hold " + held + " events of it");
    }
    if ((long) present * 2 < held) {
      return new Suspicious(
          "the feed shrank from " + held + " to " + present + " events (more than half)");
    }
    return new Safe();
  }
}
