package ar.booking.core.conversation.dialog;

import ar.booking.core.conversation.ProblemCode;
import ar.booking.core.shared.Money;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** What the dialog says to a guest, as a domain value; {@link ReplyRenderer} words it. */
sealed interface Reply {

  /** The dates and people as understood, read back to the guest. */
  record Understood(LocalDate checkIn, LocalDate checkOut, int guests) {
    int nights() {
      return (int) java.time.temporal.ChronoUnit.DAYS.between(checkIn, checkOut);
    }
  }

  /** One bookable option: a unit for some nights, at a price, picked by {@code choiceId}. */
  record Offer(
      String choiceId,
      String unitName,
      LocalDate checkIn,
      LocalDate checkOut,
      Money total,
      Money deposit,
      boolean otherDates) {}

  /** A reservation of the guest, as listed to them. */
  record Booking(
      String code,
      String unitName,
      LocalDate checkIn,
      LocalDate checkOut,
      boolean confirmed,
      LocalDateTime holdUntil) {}

  /** A night and its price. */
  record Night(LocalDate night, Money price) {}

  record Welcome() implements Reply {}

  record Heard(String text) implements Reply {}

  record AudioUnclear() implements Reply {}

  record AudioNotUsable() implements Reply {}

  record NotText() implements Reply {}

  record Thanks() implements Reply {}

  record NotUnderstood() implements Reply {}

  /** What is still missing to look for a place. */
  enum Missing {
    DATES_AND_GUESTS,
    DATES,
    CHECK_IN,
    NIGHTS,
    GUESTS
  }

  record Ask(Missing missing) implements Reply {}

  record Problem(ProblemCode code) implements Reply {}

  record TooManyGuests(int largest) implements Reply {}

  record BelowMinimumStay(int minNights, LocalDate checkIn) implements Reply {}

  record Offers(Understood understood, List<Offer> offers) implements Reply {
    public Offers {
      offers = List.copyOf(offers);
    }
  }

  /**
   * Nothing free for what was asked: the nearest alternatives; {@code justTaken} when someone took
   * the nights a moment ago.
   */
  record NoneFree(Understood understood, List<Offer> alternatives, boolean justTaken)
      implements Reply {
    public NoneFree {
      alternatives = List.copyOf(alternatives);
    }
  }

  record OfferExpired() implements Reply {}

  /**
   * A hold is placed. {@code paymentUrl} is null when the link could not be made now ({@code
   * linkChoiceId} asks for it again) or nothing is due.
   */
  record HoldPlaced(
      String code,
      String unitName,
      Understood understood,
      List<Night> nights,
      Money cleaningFee,
      Money total,
      Money deposit,
      LocalDateTime holdUntil,
      String paymentUrl,
      String linkChoiceId)
      implements Reply {
    public HoldPlaced {
      nights = List.copyOf(nights);
    }
  }

  record PaymentLink(String code, String url) implements Reply {}

  record PaymentLinkLater(String code, String linkChoiceId) implements Reply {}

  record NothingToPay() implements Reply {}

  /** A booking the guest may cancel, picked by {@code choiceId}. */
  record CancelChoice(String choiceId, String code) {}

  /** The guest's live holds and bookings, and those they may cancel. */
  record Bookings(List<Booking> bookings, List<CancelChoice> cancelChoices) implements Reply {
    public Bookings {
      bookings = List.copyOf(bookings);
      cancelChoices = List.copyOf(cancelChoices);
    }
  }

  record NoBookings() implements Reply {}

  record ConfirmCancel(Booking booking, String yesChoiceId, String noChoiceId) implements Reply {}

  record Cancelled(String code) implements Reply {}

  record KeptBooking(String code) implements Reply {}

  record CannotCancel(String code) implements Reply {}

  /** A person takes over; {@code misunderstood} when the bot could not follow the guest. */
  record Handoff(boolean misunderstood) implements Reply {}
}
