package ar.booking.app.admin;

import ar.booking.app.http.ApiException;
import ar.booking.core.calendar.BusyPeriod;
import ar.booking.core.usecase.StayRejection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The business refusals of stays as HTTP answers, the same for quotes and bookings: an unknown unit
 * is 404, a stay the rules refuse is 422 with its code, taken nights are 409 with the conflicts.
 */
final class Rejections {

  private Rejections() {}

  static ApiException of(StayRejection rejection) {
    return switch (rejection) {
      case StayRejection.UnknownUnit r -> AccommodationsController.unknownUnit(r.unit());
      case StayRejection.UnitInactive r ->
          unprocessable("unit_inactive", "Unit " + r.unit() + " is not on sale (inactive).");
      case StayRejection.TooManyGuests r ->
          unprocessable("too_many_guests", tooManyGuests(r.capacity(), r.requested()));
      case StayRejection.BelowMinimumStay r ->
          unprocessable("below_minimum_stay", belowMinimumStay(r.minNights(), r.requested()));
      case StayRejection.CheckInInPast r ->
          unprocessable(
              "check_in_in_past", "The check-in date is before today (" + r.today() + ").");
      case StayRejection.StayTooLong r ->
          unprocessable(
              "stay_too_long",
              "Stays are at most " + r.maxNights() + " nights; asked for " + r.requested() + ".");
    };
  }

  static ApiException unavailable(List<BusyPeriod> conflicts) {
    return new ApiException(
        409,
        "unavailable",
        unavailableMessage(conflicts),
        Map.of("conflicts", BusyView.of(conflicts)));
  }

  static String tooManyGuests(int capacity, int requested) {
    return "The unit sleeps at most " + capacity + "; asked for " + requested + " guests.";
  }

  static String belowMinimumStay(int minNights, int requested) {
    return "The minimum stay for these dates is "
        + minNights
        + " nights; asked for "
        + requested
        + ".";
  }

  static String unavailableMessage(List<BusyPeriod> conflicts) {
    return "Some of the nights are taken: "
        + conflicts.stream()
            .map(
                c ->
                    c.period().checkIn()
                        + " to "
                        + c.period().checkOut()
                        + " ("
                        + BusyView.kind(c.kind(), c.status())
                        + " "
                        + c.code()
                        + ")")
            .collect(Collectors.joining(", "))
        + ".";
  }

  private static ApiException unprocessable(String code, String message) {
    return new ApiException(422, code, message);
  }
}
