/** Stays: half-open periods of nights, guest counts, and the rules any stay obeys. */
package ar.booking.core.stay;
