package ar.booking.core.conversation;

import java.util.List;

/**
 * Every day a message points at, in reading order; the month it speaks of without naming days ("el
 * mes que viene", "en marzo": {@code monthHint}, 0 when none); a period too vague to date ("la
 * semana que viene": {@code vague}, empty when none); and the nights of a list like "las noches del
 * 3, 4 y 5" ({@code listedNights}, 0 when none).
 */
record DateMentions(
    List<DateMention> mentions,
    int monthHint,
    String monthHintSource,
    String vague,
    int listedNights) {

  DateMentions {
    mentions = List.copyOf(mentions);
  }
}
