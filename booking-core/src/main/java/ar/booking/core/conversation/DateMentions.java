package ar.booking.core.conversation;

import java.util.List;

/**
 * Every day a message points at, in reading order, plus the month it speaks of without naming days
 * ("el mes que viene", "en marzo"; {@code monthHint} is 0 when there is none) and any period too
 * vague to date ("la semana que viene", "el finde largo"; {@code vague} is empty when none).
 */
record DateMentions(
    List<DateMention> mentions, int monthHint, String monthHintSource, String vague) {

  DateMentions {
    mentions = List.copyOf(mentions);
  }
}
