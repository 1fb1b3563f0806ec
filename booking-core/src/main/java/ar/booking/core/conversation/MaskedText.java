package ar.booking.core.conversation;

import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The normalized message being consumed by the rules: each rule blanks out what it understood, so a
 * later rule cannot read the same words again (a guest count is never also a day).
 */
final class MaskedText {

  private final char[] chars;
  private String current;

  MaskedText(String normalized) {
    this.chars = normalized.toCharArray();
    this.current = normalized;
  }

  String text() {
    return current;
  }

  /** Hands every match of {@code pattern} to {@code action}, then blanks all of them out. */
  void consume(Pattern pattern, Consumer<MatchResult> action) {
    consumeUpTo(
        pattern,
        m -> {
          action.accept(m);
          return m.end();
        });
  }

  /** Like {@link #consume}, but blanks each match only up to the end {@code action} returns. */
  void consumeUpTo(Pattern pattern, ToIntFunction<MatchResult> action) {
    Matcher m = pattern.matcher(current);
    boolean any = false;
    int from = 0;
    while (from < current.length() && WordStarts.find(m, current, from)) {
      blank(m.start(), action.applyAsInt(m.toMatchResult()));
      from = Math.max(m.end(), m.start() + 1);
      any = true;
    }
    if (any) {
      current = new String(chars);
    }
  }

  /** Blanks every match of {@code pattern} out. */
  void remove(Pattern pattern) {
    consume(pattern, m -> {});
  }

  private void blank(int start, int end) {
    for (int i = start; i < end; i++) {
      chars[i] = ' ';
    }
  }
}
