package ar.booking.core.conversation.dialog;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.ports.Accommodations;
import ar.booking.core.shared.AccommodationId;
import ar.booking.core.stay.GuestCount;
import ar.booking.core.stay.StayPeriod;
import ar.booking.core.usecase.CheckAvailability;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Looks for a place for the stay the guest asked for: every free unit as an offer, or — when
 * nothing is free — the nearest alternatives (other units on the same dates, the same length a few
 * days earlier or later), each offer a server-issued choice that expires.
 */
final class StaySearch {

  private static final int MAX_SHIFT_DAYS = 7;
  private static final int MAX_ALTERNATIVES = 3;
  private static final int MAX_OFFERS = 10;

  private final Accommodations accommodations;
  private final CheckAvailability checkAvailability;
  private final DialogSettings settings;
  private final java.util.random.RandomGenerator random;

  StaySearch(
      Accommodations accommodations,
      CheckAvailability checkAvailability,
      DialogSettings settings,
      java.util.random.RandomGenerator random) {
    this.accommodations = accommodations;
    this.checkAvailability = checkAvailability;
    this.settings = settings;
    this.random = random;
  }

  /**
   * Replies with offers or alternatives for {@code asked}; {@code lost} is a unit whose nights were
   * just taken (excluded, and the reply says so).
   */
  void search(Turn turn, Reply.Understood asked, Optional<String> hint, AccommodationId lost) {
    List<Accommodation> units = accommodations.findActive();
    int largest = units.stream().mapToInt(Accommodation::capacity).max().orElse(0);
    turn.data.withdraw("offer", turn.now);
    if (!units.isEmpty() && asked.guests() > largest) {
      turn.state = "ASKING";
      turn.data.put(DialogData.ASKED, Reply.Missing.GUESTS.name());
      turn.reply(new Reply.TooManyGuests(largest));
      return;
    }
    StayPeriod period = new StayPeriod(asked.checkIn(), asked.checkOut());
    GuestCount guests = GuestCount.of(asked.guests());
    List<CheckAvailability.Option> pool =
        checkAvailability.execute(new CheckAvailability.Command(period, guests)).options().stream()
            .filter(o -> !o.unit().id().equals(lost))
            .toList();
    Set<AccommodationId> named = UnitNames.matching(units, hint);
    List<CheckAvailability.Option> preferred =
        named.isEmpty() ? pool : pool.stream().filter(o -> named.contains(o.unit().id())).toList();
    if (preferred.isEmpty()) {
      preferred = pool;
    }
    List<CheckAvailability.Option> free =
        preferred.stream().filter(CheckAvailability.Option::available).toList();
    if (lost == null && !free.isEmpty()) {
      List<Reply.Offer> offers = new ArrayList<>();
      for (CheckAvailability.Option o : free.subList(0, Math.min(MAX_OFFERS, free.size()))) {
        offers.add(offer(turn, o, asked, false, offers.size() + 1));
      }
      turn.state = "OFFERED";
      turn.reply(new Reply.Offers(asked, offers));
      return;
    }
    boolean belowMinimum =
        lost == null
            && !preferred.isEmpty()
            && preferred.stream()
                .allMatch(
                    o -> o.reason().orElse(null) == CheckAvailability.Reason.BELOW_MINIMUM_STAY);
    if (belowMinimum) {
      int min = preferred.stream().mapToInt(CheckAvailability.Option::minNights).min().orElse(1);
      turn.state = "ASKING";
      turn.reply(new Reply.BelowMinimumStay(min, asked.checkIn()));
      return;
    }
    List<Reply.Offer> alternatives = new ArrayList<>();
    List<CheckAvailability.Option> sameDates = lost != null ? free : pool;
    for (CheckAvailability.Option o : sameDates) {
      if (o.available() && alternatives.size() < MAX_ALTERNATIVES) {
        alternatives.add(offer(turn, o, asked, false, alternatives.size() + 1));
      }
    }
    Set<AccommodationId> shiftUnits =
        named.isEmpty() ? Set.of() : named; // shift the named unit when there is one
    for (int d = 1; d <= MAX_SHIFT_DAYS && alternatives.size() < MAX_ALTERNATIVES; d++) {
      for (int sign : new int[] {-1, 1}) {
        if (alternatives.size() >= MAX_ALTERNATIVES) {
          break;
        }
        LocalDate in = asked.checkIn().plusDays((long) sign * d);
        if (in.isBefore(turn.today)) {
          continue;
        }
        Reply.Understood shifted =
            new Reply.Understood(in, in.plusDays(asked.nights()), asked.guests());
        checkAvailability
            .execute(
                new CheckAvailability.Command(
                    new StayPeriod(shifted.checkIn(), shifted.checkOut()), guests))
            .available()
            .stream()
            .filter(o -> shiftUnits.isEmpty() || shiftUnits.contains(o.unit().id()))
            .findFirst()
            .ifPresent(
                o -> alternatives.add(offer(turn, o, shifted, true, alternatives.size() + 1)));
      }
    }
    turn.state = alternatives.isEmpty() ? "ASKING" : "OFFERED";
    turn.reply(new Reply.NoneFree(asked, alternatives, lost != null));
  }

  private Reply.Offer offer(
      Turn turn,
      CheckAvailability.Option o,
      Reply.Understood stay,
      boolean otherDates,
      int position) {
    String payload =
        o.unit().id().value()
            + ";"
            + stay.checkIn()
            + ";"
            + stay.checkOut()
            + ";"
            + stay.guests()
            + ";"
            + position;
    String id = turn.data.issue("offer", payload, turn.now.plus(settings.offerTtl()), random);
    return new Reply.Offer(
        id,
        o.unit().name(),
        stay.checkIn(),
        stay.checkOut(),
        o.quote().total(),
        o.quote().deposit(),
        otherDates);
  }

  /** An offer's payload read back: unit, stay, and its place in the list shown (from 1). */
  record Picked(AccommodationId unit, Reply.Understood stay, int position) {
    static Picked parse(String payload) {
      String[] p = payload.split(";");
      return new Picked(
          new AccommodationId(Long.parseLong(p[0])),
          new Reply.Understood(
              LocalDate.parse(p[1]), LocalDate.parse(p[2]), Integer.parseInt(p[3])),
          p.length > 4 ? Integer.parseInt(p[4]) : 0);
    }
  }
}
