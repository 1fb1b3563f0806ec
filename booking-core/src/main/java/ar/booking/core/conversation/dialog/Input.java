package ar.booking.core.conversation.dialog;

/** What the guest's message amounts to for the dialog, once voice notes are transcribed. */
sealed interface Input {

  /** Something written (or heard in a voice note). */
  record Written(String text) implements Input {}

  /** A button or list row picked; {@code title} is what it said. */
  record Picked(String choiceId, String title) implements Input {}

  /** An image, sticker, location, document, reaction or anything else without text. */
  record NotText() implements Input {}
}
