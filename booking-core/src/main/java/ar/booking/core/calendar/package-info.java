/** Calendars: the busy periods of units, as shown to owners and exported to other platforms. */
package ar.booking.core.calendar;
