/** The owners (admin users) who manage units and bookings. */
package ar.booking.core.owner;
