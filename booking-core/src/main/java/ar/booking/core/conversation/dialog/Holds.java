package ar.booking.core.conversation.dialog;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.conversation.ProblemCode;
import ar.booking.core.payment.IssuePaymentLink;
import ar.booking.core.ports.Accommodations;
import ar.booking.core.reservation.Channel;
import ar.booking.core.reservation.GuestContact;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationCode;
import ar.booking.core.reservation.ReservationStatus;
import ar.booking.core.stay.GuestCount;
import ar.booking.core.stay.StayPeriod;
import ar.booking.core.usecase.PlaceHold;
import ar.booking.core.usecase.StayRejection;
import ar.booking.core.usecase.Unavailable;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The guest picked an offer: place the hold (once per message, even when the message is handled
 * again after a crash), then get the payment link. A lost race becomes alternatives, never an
 * error.
 */
final class Holds {

  private final Accommodations accommodations;
  private final PlaceHold placeHold;
  private final IssuePaymentLink paymentLinks;
  private final GuestReservations guestReservations;
  private final StaySearch search;
  private final RandomGenerator random;

  Holds(
      Accommodations accommodations,
      PlaceHold placeHold,
      IssuePaymentLink paymentLinks,
      GuestReservations guestReservations,
      StaySearch search,
      RandomGenerator random) {
    this.accommodations = accommodations;
    this.placeHold = placeHold;
    this.paymentLinks = paymentLinks;
    this.guestReservations = guestReservations;
    this.search = search;
    this.random = random;
  }

  void pick(Turn turn, StaySearch.Picked picked) {
    Reply.Understood stay = picked.stay();
    Dialog.remember(turn.data, stay);
    StayPeriod period = new StayPeriod(stay.checkIn(), stay.checkOut());
    Optional<Reservation> already =
        guestReservations.liveHolds(turn.guest(), turn.now).stream()
            .filter(r -> r.accommodationId().equals(picked.unit()) && r.period().equals(period))
            .findFirst();
    if (already.isPresent()) {
      held(turn, already.get());
      return;
    }
    PlaceHold.Result result =
        placeHold.execute(
            new PlaceHold.Command(
                picked.unit(),
                period,
                GuestCount.of(stay.guests()),
                GuestContact.whatsapp(turn.guest(), turn.conversation.guestName()),
                Channel.WHATSAPP));
    switch (result) {
      case PlaceHold.HoldPlaced placed -> {
        turn.data.put(DialogData.LAST_HOLD, turn.messageId + "|" + placed.reservation().code());
        held(turn, placed.reservation());
      }
      case Unavailable taken -> search.search(turn, stay, Optional.empty(), picked.unit());
      case StayRejection.TooManyGuests t ->
          search.search(turn, stay, Optional.empty(), picked.unit());
      case StayRejection.UnknownUnit u ->
          search.search(turn, stay, Optional.empty(), picked.unit());
      case StayRejection.UnitInactive u ->
          search.search(turn, stay, Optional.empty(), picked.unit());
      case StayRejection.BelowMinimumStay b ->
          turn.reply(new Reply.BelowMinimumStay(b.minNights(), stay.checkIn()));
      case StayRejection.CheckInInPast p -> turn.reply(new Reply.Problem(ProblemCode.DATE_IN_PAST));
      case StayRejection.StayTooLong l -> turn.reply(new Reply.Problem(ProblemCode.STAY_TOO_LONG));
    }
  }

  /** The guest asked for the payment link of a hold again. */
  void link(Turn turn, String code) {
    ReservationCode reservation = new ReservationCode(code);
    switch (paymentLinks.issue(reservation)) {
      case IssuePaymentLink.Issued issued ->
          turn.reply(new Reply.PaymentLink(code, issued.link().url()));
      case IssuePaymentLink.GatewayDown down ->
          turn.reply(new Reply.PaymentLinkLater(code, linkChoice(turn, reservation)));
      case IssuePaymentLink.NotPayable n -> turn.reply(new Reply.NothingToPay());
    }
  }

  private void held(Turn turn, Reservation hold) {
    turn.data.withdraw("offer", turn.now);
    turn.state = "HELD";
    Optional<Accommodation> unit = accommodations.find(hold.accommodationId());
    ZoneId zone = unit.map(Accommodation::zone).orElse(Accommodation.DEFAULT_ZONE);
    String url = null;
    String linkChoice = null;
    boolean due = hold.depositDue().map(m -> !m.isZero()).orElse(false);
    if (due && hold.status() == ReservationStatus.PRE_RESERVED) {
      switch (paymentLinks.issue(hold.code())) {
        case IssuePaymentLink.Issued issued -> url = issued.link().url();
        case IssuePaymentLink.GatewayDown down -> linkChoice = linkChoice(turn, hold.code());
        case IssuePaymentLink.NotPayable n -> linkChoice = linkChoice(turn, hold.code());
      }
    }
    var quote = hold.quote();
    turn.reply(
        new Reply.HoldPlaced(
            hold.code().value(),
            unit.map(Accommodation::name).orElse("el alojamiento"),
            new Reply.Understood(
                hold.period().checkIn(), hold.period().checkOut(), hold.guests().value()),
            quote.nights().stream().map(n -> new Reply.Night(n.night(), n.price())).toList(),
            quote.cleaningFee(),
            quote.total(),
            hold.depositDue().orElse(quote.deposit()),
            LocalDateTime.ofInstant(hold.holdExpiresAt(), zone),
            url,
            linkChoice));
  }

  private String linkChoice(Turn turn, ReservationCode code) {
    turn.data.withdraw("link", turn.now);
    Reservation hold = guestReservations.find(code).orElse(null);
    var until =
        hold != null && hold.holdExpiresAt() != null
            ? hold.holdExpiresAt()
            : turn.now.plusSeconds(1800);
    return turn.data.issue("link", code.value(), until, random);
  }
}
