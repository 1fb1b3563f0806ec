package ar.booking.core.conversation;

import java.util.Objects;

/** Something the parser refused to guess, with the fragment of the message it is about. */
public record ParseProblem(ProblemCode code, String detail) {
  public ParseProblem {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(detail, "detail");
  }
}
