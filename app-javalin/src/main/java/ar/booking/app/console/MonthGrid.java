package ar.booking.app.console;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.calendar.BusyPeriod;
import ar.booking.core.calendarsync.FeedConflict;
import ar.booking.core.reservation.OccupancyKind;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.reservation.ReservationStatus;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Lays out a month: a column per night, a row per unit, each stay a bar over its nights (clipped to
 * the month). Stays that overlap — an imported stay on top of ours, which calendar sync reports as
 * a conflict — go to another lane of the same unit, so both stay visible.
 */
final class MonthGrid {

  /** A stay on the grid: what the calendar says, with the reservation when it could be read. */
  record Stay(BusyPeriod busy, Optional<Reservation> reservation) {}

  private MonthGrid() {}

  static List<Views.DayHead> days(YearMonth month, LocalDate today) {
    List<Views.DayHead> days = new ArrayList<>();
    for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
      days.add(
          new Views.DayHead(
              d.toString(),
              d.getDayOfMonth(),
              Labels.weekday(d),
              d.equals(today),
              d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY));
    }
    return days;
  }

  static List<Views.UnitRow> rows(
      YearMonth month,
      LocalDate today,
      List<Accommodation> units,
      Map<Long, List<Stay>> staysByUnit,
      List<FeedConflict> openConflicts,
      ZoneId zone) {
    Set<ReservationCode> conflicted = new HashSet<>();
    Set<String> conflictedUids = new HashSet<>();
    for (FeedConflict c : openConflicts) {
      conflicted.addAll(c.ours());
      conflictedUids.add(c.unit().value() + "|" + c.uid());
    }
    LocalDate first = month.atDay(1);
    LocalDate end = month.atEndOfMonth().plusDays(1);
    List<Views.UnitRow> rows = new ArrayList<>();
    for (Accommodation unit : units) {
      List<Stay> stays =
          new ArrayList<>(staysByUnit.getOrDefault(unit.id().value(), List.of()))
              .stream()
                  .sorted(
                      Comparator.comparing((Stay s) -> s.busy().period().checkIn())
                          .thenComparing(s -> s.busy().code().value()))
                  .toList();
      List<List<Stay>> lanes = new ArrayList<>();
      Set<LocalDate> taken = new HashSet<>();
      for (Stay stay : stays) {
        stay.busy().period().nightDates().forEach(taken::add);
        List<Stay> lane =
            lanes.stream()
                .filter(l -> !l.getLast().busy().period().overlaps(stay.busy().period()))
                .findFirst()
                .orElse(null);
        if (lane == null) {
          lane = new ArrayList<>();
          lanes.add(lane);
        }
        lane.add(stay);
      }
      if (lanes.isEmpty()) {
        lanes.add(List.of());
      }
      for (int i = 0; i < lanes.size(); i++) {
        List<Views.GridCell> cells = new ArrayList<>();
        List<Stay> lane = lanes.get(i);
        int next = 0;
        LocalDate d = first;
        while (d.isBefore(end)) {
          Stay stay = next < lane.size() ? lane.get(next) : null;
          LocalDate start = stay == null ? null : max(stay.busy().period().checkIn(), first);
          if (stay != null && start.equals(d)) {
            LocalDate stop = min(stay.busy().period().checkOut(), end);
            int span = (int) (stop.toEpochDay() - start.toEpochDay());
            boolean conflict =
                conflicted.contains(stay.busy().code())
                    || stay.reservation()
                        .map(r -> r.externalUid() != null)
                        .filter(x -> x)
                        .map(
                            x ->
                                conflictedUids.contains(
                                    unit.id().value()
                                        + "|"
                                        + stay.reservation().get().externalUid()))
                        .orElse(false);
            cells.add(bar(stay, span, d, today, conflict, zone));
            d = stop;
            next++;
          } else {
            boolean free = !taken.contains(d);
            boolean selectable = i == 0 && free && !d.isBefore(today) && unit.active();
            cells.add(
                new Views.GridCell(
                    false,
                    1,
                    d.toString(),
                    unit.id().value() + ":" + d,
                    "Noche del " + Labels.date(d) + " en " + unit.name(),
                    free ? "free" : "taken",
                    null,
                    null,
                    d.equals(today),
                    selectable));
            d = d.plusDays(1);
          }
        }
        rows.add(new Views.UnitRow(unit.id().value(), unit.name(), i == 0, lanes.size(), cells));
      }
    }
    return rows;
  }

  private static Views.GridCell bar(
      Stay stay, int span, LocalDate start, LocalDate today, boolean conflict, ZoneId zone) {
    BusyPeriod busy = stay.busy();
    String kind = Labels.kind(busy.kind(), busy.status(), busy.source());
    StringBuilder label = new StringBuilder(kind);
    stay.reservation()
        .ifPresent(
            r -> {
              // The expiry first: on a short bar it is what the owner must see.
              if (r.status() == ReservationStatus.PRE_RESERVED && r.holdExpiresAt() != null) {
                label.append(", vence ").append(Labels.shortDateTime(r.holdExpiresAt(), zone));
              }
              if (r.kind() == OccupancyKind.GUEST_BOOKING) {
                r.contact().displayName().ifPresent(name -> label.append(": ").append(name));
              } else if (r.kind() == OccupancyKind.OWNER_BLOCK && !r.note().isBlank()) {
                label.append(": ").append(r.note());
              }
            });
    if (conflict) {
      label.append(" · CONFLICTO");
    }
    String title =
        label
            + " ("
            + Labels.date(busy.period().checkIn())
            + " al "
            + Labels.date(busy.period().checkOut())
            + ", "
            + busy.period().nights()
            + (busy.period().nights() == 1 ? " noche)" : " noches)");
    LocalDate last = start.plusDays(span - 1L);
    boolean coversToday = !today.isBefore(start) && !today.isAfter(last);
    return new Views.GridCell(
        true,
        span,
        start.toString(),
        busy.code().value(),
        label.toString(),
        "stay "
            + Labels.css(busy.kind(), busy.status(), busy.source())
            + (conflict ? " stay-conflict" : ""),
        ConsoleApi.STAYS + "/" + busy.code().value(),
        title,
        coversToday,
        false);
  }

  /** Groups the stays by unit id, reading each stay's reservation through {@code find}. */
  static Map<Long, List<Stay>> byUnit(
      List<BusyPeriod> busy, Function<ReservationCode, Optional<Reservation>> find) {
    Map<Long, List<Stay>> byUnit = new java.util.LinkedHashMap<>();
    for (BusyPeriod b : busy) {
      byUnit
          .computeIfAbsent(b.accommodationId().value(), k -> new ArrayList<>())
          .add(new Stay(b, find.apply(b.code())));
    }
    return byUnit;
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
