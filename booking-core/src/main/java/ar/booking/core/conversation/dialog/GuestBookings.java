package ar.booking.core.conversation.dialog;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.ports.Accommodations;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.reservation.ReservationStatus;
import ar.booking.core.usecase.CancelReservation;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * "Mis reservas" and cancelling, always with a confirm step: a live hold can be cancelled any time,
 * a confirmed booking until {@link DialogSettings#cancelNoticeDays()} days before check-in.
 */
final class GuestBookings {

  static final String CANCEL_ACTOR = "guest:whatsapp";

  private final Accommodations accommodations;
  private final GuestReservations guestReservations;
  private final CancelReservation cancelReservation;
  private final DialogSettings settings;
  private final RandomGenerator random;

  GuestBookings(
      Accommodations accommodations,
      GuestReservations guestReservations,
      CancelReservation cancelReservation,
      DialogSettings settings,
      RandomGenerator random) {
    this.accommodations = accommodations;
    this.guestReservations = guestReservations;
    this.cancelReservation = cancelReservation;
    this.settings = settings;
    this.random = random;
  }

  /** Lists the guest's holds and bookings, with a cancel choice for each one they may cancel. */
  void list(Turn turn) {
    List<Reservation> mine = guestReservations.upcoming(turn.guest(), turn.now, turn.today);
    if (mine.isEmpty()) {
      turn.reply(new Reply.NoBookings());
      return;
    }
    turn.data.withdraw("cancel", turn.now);
    List<Reply.Booking> lines = new ArrayList<>();
    List<Reply.CancelChoice> choices = new ArrayList<>();
    for (Reservation r : mine) {
      lines.add(booking(r));
      if (cancellable(turn, r) && choices.size() < 10) {
        String id = turn.data.issue("cancel", r.code().value(), expiry(turn), random);
        choices.add(new Reply.CancelChoice(id, r.code().value()));
      }
    }
    turn.state = "BOOKINGS";
    turn.reply(new Reply.Bookings(lines, choices));
  }

  /** The guest wrote that they want to cancel: confirm the only one, or let them pick. */
  void cancelAsked(Turn turn) {
    List<Reservation> mine = guestReservations.upcoming(turn.guest(), turn.now, turn.today);
    List<Reservation> cancellable = mine.stream().filter(r -> cancellable(turn, r)).toList();
    if (mine.isEmpty()) {
      turn.reply(new Reply.NoBookings());
    } else if (cancellable.isEmpty()) {
      turn.reply(new Reply.CannotCancel(mine.getFirst().code().value()));
    } else if (cancellable.size() == 1) {
      confirm(turn, cancellable.getFirst());
    } else {
      list(turn);
    }
  }

  /** The guest picked a booking to cancel: ask to confirm. */
  void picked(Turn turn, String code) {
    Optional<Reservation> r = guestReservations.findOwn(turn.guest(), code);
    if (r.isEmpty() || !cancellable(turn, r.get())) {
      turn.reply(new Reply.CannotCancel(code));
      return;
    }
    confirm(turn, r.get());
  }

  /** The guest confirmed: cancel it. */
  void confirmed(Turn turn, String code) {
    turn.data.withdraw("confirm", turn.now);
    turn.data.withdraw("keep", turn.now);
    turn.state = "CHATTING";
    Optional<Reservation> r = guestReservations.findOwn(turn.guest(), code);
    if (r.isPresent() && r.get().status() == ReservationStatus.CANCELLED) {
      turn.reply(new Reply.Cancelled(code)); // handled before a crash: same answer
      return;
    }
    if (r.isEmpty() || !cancellable(turn, r.get())) {
      turn.reply(new Reply.CannotCancel(code));
      return;
    }
    var result =
        cancelReservation.execute(
            new CancelReservation.Command(
                new ReservationCode(code), "cancelada por el huésped por WhatsApp", CANCEL_ACTOR));
    switch (result) {
      case CancelReservation.Cancelled c -> turn.reply(new Reply.Cancelled(code));
      case CancelReservation.AlreadyCancelled c -> turn.reply(new Reply.Cancelled(code));
      case CancelReservation.NotFound n -> turn.reply(new Reply.CannotCancel(code));
      case CancelReservation.NotCancellable n -> turn.reply(new Reply.CannotCancel(code));
    }
  }

  void kept(Turn turn, String code) {
    turn.data.withdraw("confirm", turn.now);
    turn.data.withdraw("keep", turn.now);
    turn.state = "CHATTING";
    turn.reply(new Reply.KeptBooking(code));
  }

  private void confirm(Turn turn, Reservation r) {
    turn.data.withdraw("confirm", turn.now);
    turn.data.withdraw("keep", turn.now);
    String yes = turn.data.issue("confirm", r.code().value(), expiry(turn), random);
    String no = turn.data.issue("keep", r.code().value(), expiry(turn), random);
    turn.state = "CANCELLING";
    turn.reply(new Reply.ConfirmCancel(booking(r), yes, no));
  }

  private boolean cancellable(Turn turn, Reservation r) {
    return switch (r.status()) {
      case PRE_RESERVED -> !r.isExpiredHold(turn.now);
      case CONFIRMED ->
          !r.period().checkIn().isBefore(turn.today.plusDays(settings.cancelNoticeDays()))
              && r.period().checkIn().isAfter(turn.today);
      default -> false;
    };
  }

  private java.time.Instant expiry(Turn turn) {
    return turn.now.plus(settings.offerTtl());
  }

  private Reply.Booking booking(Reservation r) {
    Optional<Accommodation> unit = accommodations.find(r.accommodationId());
    ZoneId zone = unit.map(Accommodation::zone).orElse(Accommodation.DEFAULT_ZONE);
    return new Reply.Booking(
        r.code().value(),
        unit.map(Accommodation::name).orElse("el alojamiento"),
        r.period().checkIn(),
        r.period().checkOut(),
        r.status() == ReservationStatus.CONFIRMED,
        r.holdExpiresAt() == null ? null : LocalDateTime.ofInstant(r.holdExpiresAt(), zone));
  }
}
