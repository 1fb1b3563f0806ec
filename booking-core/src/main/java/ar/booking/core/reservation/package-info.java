/** Reservations and every other occupancy of a unit's nights, with their status machine. */
package ar.booking.core.reservation;
