package ar.booking.app.console;

import ar.booking.core.stay.StayPeriod;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** Selected nights as the fewest periods: consecutive nights make one block. */
final class BlockRanges {

  private BlockRanges() {}

  static List<StayPeriod> of(Collection<LocalDate> nights) {
    List<StayPeriod> periods = new ArrayList<>();
    LocalDate start = null;
    LocalDate previous = null;
    for (LocalDate night : new TreeSet<>(nights)) {
      if (start != null && !night.equals(previous.plusDays(1))) {
        periods.add(new StayPeriod(start, previous.plusDays(1)));
        start = null;
      }
      if (start == null) {
        start = night;
      }
      previous = night;
    }
    if (start != null) {
      periods.add(new StayPeriod(start, previous.plusDays(1)));
    }
    return periods;
  }
}
