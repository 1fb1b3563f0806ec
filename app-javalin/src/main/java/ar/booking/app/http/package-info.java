/** The HTTP edge shared by every controller: JSON dialect, error bodies, route groups, actors. */
package ar.booking.app.http;
