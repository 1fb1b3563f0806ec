package ar.booking.core.ports;

import ar.booking.core.reservation.Channel;
import ar.booking.core.reservation.Reservation;

/**
 * Listener for what happened to bookings (metrics, audit, notifications). Called after the change
 * committed; implementations must be fast, thread-safe and must not throw.
 */
public interface BookingEvents {

  BookingEvents NONE = new BookingEvents() {};

  default void created(Reservation reservation) {}

  default void confirmed(Reservation reservation) {}

  default void expired(Reservation reservation) {}

  default void cancelled(Reservation reservation) {}

  /** A write was refused because the nights were taken. */
  default void overlapRejected(Channel channel) {}

  /** A booking went ahead without the unit lock (lock backend down or busy past the wait). */
  default void lockUnavailable() {}
}
