package ar.booking.app.admin;

import static ar.booking.app.admin.Requests.invalid;

import ar.booking.app.admin.ReservationRequests.Create;
import ar.booking.core.reservation.Channel;
import ar.booking.core.reservation.GuestContact;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.shared.AccommodationId;
import ar.booking.core.stay.GuestCount;
import ar.booking.core.stay.StayPeriod;
import ar.booking.core.usecase.BlockDates;
import ar.booking.core.usecase.BookingEngine;
import ar.booking.core.usecase.CreateOwnerBooking;
import ar.booking.core.usecase.PlaceHold;
import ar.booking.core.usecase.StayRejection;
import ar.booking.core.usecase.Unavailable;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * {@code POST /reservations}: checks the body, then books, holds or blocks through the use cases. A
 * hold first refreshes the unit's calendar feeds when their last sync is stale ({@code
 * ICAL_REFRESH_BEFORE_HOLD_MINUTES}), so a night just sold on another platform is not held here.
 */
final class NewReservations {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  static final int MAX_BLOCK_NIGHTS = 800;

  private final BookingEngine engine;
  private final Consumer<AccommodationId> beforeHold;

  NewReservations(BookingEngine engine, Consumer<AccommodationId> beforeHold) {
    this.engine = engine;
    this.beforeHold = beforeHold;
  }

  /** The stored reservation; refusals are thrown as API errors (400, 404, 409, 422). */
  Reservation create(Create request, String actor) {
    String kind = request.kind() == null ? "booking" : request.kind().strip();
    if (!kind.equals("booking") && !kind.equals("block") && !kind.equals("hold")) {
      throw invalid("kind", "must be booking, hold or block: '" + kind + "'");
    }
    if (request.accommodationId() == null) {
      throw invalid("accommodation_id", "is required");
    }
    AccommodationId unit =
        Requests.unitId("accommodation_id", request.accommodationId().toString());
    StayPeriod period =
        AvailabilityController.period(
            Requests.date("check_in", required(request.checkIn(), "check_in")),
            Requests.date("check_out", required(request.checkOut(), "check_out")));
    String note = request.note();
    if (note != null && note.length() > 2000) {
      throw invalid("note", "must be at most 2000 characters");
    }
    return switch (kind) {
      case "block" -> block(unit, period, note, actor);
      case "hold" -> hold(request, unit, period);
      default -> book(request, unit, period, actor);
    };
  }

  /** A guest hold the owner enters (a guest who called): expires like any hold unless paid. */
  private Reservation hold(Create request, AccommodationId unit, StayPeriod period) {
    GuestCount guests = guests(request);
    GuestContact contact = contact(request);
    if (!contact.isReachable()) {
      throw invalid("guest_phone", "a hold needs guest_phone or guest_email to reach the guest");
    }
    beforeHold.accept(unit);
    var command = new PlaceHold.Command(unit, period, guests, contact, Channel.ADMIN);
    return switch (engine.placeHold().execute(command)) {
      case PlaceHold.HoldPlaced held -> held.reservation();
      case Unavailable unavailable -> throw Rejections.unavailable(unavailable.conflicts());
      case StayRejection rejection -> throw Rejections.of(rejection);
    };
  }

  private Reservation book(Create request, AccommodationId unit, StayPeriod period, String actor) {
    var command =
        new CreateOwnerBooking.Command(
            unit, period, guests(request), contact(request), Channel.ADMIN, request.note(), actor);
    return switch (engine.createOwnerBooking().execute(command)) {
      case CreateOwnerBooking.Booked booked -> booked.reservation();
      case Unavailable unavailable -> throw Rejections.unavailable(unavailable.conflicts());
      case StayRejection rejection -> throw Rejections.of(rejection);
    };
  }

  private static GuestCount guests(Create request) {
    if (request.guests() == null) {
      throw invalid("guests", "is required");
    }
    return new GuestCount(
        Requests.checkRange("guests", request.guests(), 1, UnitForm.MAX_CAPACITY));
  }

  private static GuestContact contact(Create request) {
    String name = required(request.guestName(), "guest_name");
    if (name.isBlank() || name.length() > 200) {
      throw invalid("guest_name", "must be 1..200 characters");
    }
    if (request.guestPhone() != null && request.guestPhone().length() > 50) {
      throw invalid("guest_phone", "must be at most 50 characters");
    }
    String email = request.guestEmail();
    if (email != null && !email.isBlank() && !EMAIL.matcher(email.strip()).matches()) {
      throw invalid("guest_email", "is not an e-mail address: '" + email + "'");
    }
    String phone =
        request.guestPhone() == null || request.guestPhone().isBlank()
            ? null
            : request.guestPhone();
    String mail = email == null || email.isBlank() ? null : email.strip();
    return new GuestContact(name, null, phone, mail);
  }

  private Reservation block(AccommodationId unit, StayPeriod period, String note, String actor) {
    if (period.nights() > MAX_BLOCK_NIGHTS) {
      throw invalid("check_out", "a block is at most " + MAX_BLOCK_NIGHTS + " nights");
    }
    var command = new BlockDates.Command(unit, period, note, actor);
    return switch (engine.blockDates().execute(command)) {
      case BlockDates.Blocked blocked -> blocked.block();
      case Unavailable unavailable -> throw Rejections.unavailable(unavailable.conflicts());
      case BlockDates.UnknownUnit unknown -> throw AccommodationsController.unknownUnit(unit);
    };
  }

  private static String required(String value, String field) {
    if (value == null) {
      throw invalid(field, "is required");
    }
    return value;
  }
}
