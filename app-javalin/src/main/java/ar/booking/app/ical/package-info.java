/** iCalendar sync in the app: the public export route, the owner's feed routes, metrics, health. */
package ar.booking.app.ical;
