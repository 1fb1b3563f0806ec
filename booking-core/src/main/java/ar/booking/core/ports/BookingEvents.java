package ar.booking.core.ports;

import ar.booking.core.reservation.Channel;

/**
 * In-process signals about booking attempts that changed nothing (for metrics). State changes are
 * not signalled here: they are durable {@linkplain ar.booking.core.event.DomainEvent events},
 * written with the change itself. Implementations must be fast, thread-safe and must not throw.
 */
public interface BookingEvents {

  BookingEvents NONE = new BookingEvents() {};

  /** A write was refused because the nights were taken. */
  default void overlapRejected(Channel channel) {}

  /** A booking went ahead without the unit lock (lock backend down or busy past the wait). */
  default void lockUnavailable() {}
}
