package ar.booking.core.conversation;

import java.util.OptionalInt;

/** The people a message mentions: a total and, when stated, how many adults and children. */
record Guests(OptionalInt total, OptionalInt adults, OptionalInt children, boolean mismatch) {

  static final Guests NONE =
      new Guests(OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), false);
}
