/** Lodging units, their pricing policies and the quotes those produce. */
package ar.booking.core.accommodation;
