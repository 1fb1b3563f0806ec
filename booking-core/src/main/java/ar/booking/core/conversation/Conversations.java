package ar.booking.core.conversation;

import java.util.List;
import java.util.Optional;

/**
 * Dialog state per guest. {@link #save} is a compare-and-set on {@link Conversation#version()}
 * (version 0 = not stored yet) and joins the caller's unit of work, so the state and the replies it
 * queued commit together. Thread-safe.
 */
public interface Conversations {

  Optional<Conversation> find(String guestId);

  SaveOutcome save(Conversation conversation);

  /** The latest conversations first (by their last change). */
  List<Conversation> latest(int limit);

  /** Result of {@link #save}. */
  sealed interface SaveOutcome permits Saved, Stale {}

  /** Stored; the returned conversation carries the new version. */
  record Saved(Conversation conversation) implements SaveOutcome {}

  /** Someone saved first: the current state, to decide again. */
  record Stale(Conversation current) implements SaveOutcome {}
}
