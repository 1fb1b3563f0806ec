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
import ar.booking.core.usecase.StayRejection;
import ar.booking.core.usecase.Unavailable;
import java.util.regex.Pattern;

/** {@code POST /reservations}: checks the body, then books or blocks through the use cases. */
final class NewReservations {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  static final int MAX_BLOCK_NIGHTS = 800;

  private final BookingEngine engine;

  NewReservations(BookingEngine engine) {
    this.engine = engine;
  }

  /** The stored reservation; refusals are thrown as API errors (400, 404, 409, 422). */
  Reservation create(Create request, String actor) {
    String kind = request.kind() == null ? "booking" : request.kind().strip();
    if (!kind.equals("booking") && !kind.equals("block")) {
      throw invalid("kind", "must be booking or block: '" + kind + "'");
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
    return kind.equals("block")
        ? block(unit, period, note, actor)
        : book(request, unit, period, actor);
  }

  private Reservation book(Create request, AccommodationId unit, StayPeriod period, String actor) {
    if (request.guests() == null) {
      throw invalid("guests", "is required");
    }
    GuestCount guests =
        new GuestCount(Requests.checkRange("guests", request.guests(), 1, UnitForm.MAX_CAPACITY));
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
    var contact = new GuestContact(name, null, request.guestPhone(), email);
    var command =
        new CreateOwnerBooking.Command(
            unit, period, guests, contact, Channel.ADMIN, request.note(), actor);
    return switch (engine.createOwnerBooking().execute(command)) {
      case CreateOwnerBooking.Booked booked -> booked.reservation();
      case Unavailable unavailable -> throw Rejections.unavailable(unavailable.conflicts());
      case StayRejection rejection -> throw Rejections.of(rejection);
    };
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
