package ar.booking.core.usecase;

import ar.booking.core.shared.AccommodationId;
import java.time.LocalDate;

/** Why a stay cannot be booked or quoted on a unit, before looking at its calendar. */
public sealed interface StayRejection
    extends PlaceHold.Result, QuoteStay.Result, CreateOwnerBooking.Result
    permits StayRejection.UnknownUnit,
        StayRejection.UnitInactive,
        StayRejection.TooManyGuests,
        StayRejection.BelowMinimumStay,
        StayRejection.CheckInInPast,
        StayRejection.StayTooLong {

  record UnknownUnit(AccommodationId unit) implements StayRejection {}

  record UnitInactive(AccommodationId unit) implements StayRejection {}

  record TooManyGuests(int capacity, int requested) implements StayRejection {}

  record BelowMinimumStay(int minNights, int requested) implements StayRejection {}

  record CheckInInPast(LocalDate today) implements StayRejection {}

  record StayTooLong(int maxNights, int requested) implements StayRejection {}
}
