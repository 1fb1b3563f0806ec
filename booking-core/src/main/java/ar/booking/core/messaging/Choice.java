package ar.booking.core.messaging;

/**
 * One option offered to a guest (a reply button or a list row). {@code id} is what comes back when
 * the guest picks it; {@code description} is optional (lists only).
 */
public record Choice(String id, String title, String description) {

  public Choice {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a choice needs an id");
    }
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("a choice needs a title");
    }
  }

  public static Choice of(String id, String title) {
    return new Choice(id, title, null);
  }
}
