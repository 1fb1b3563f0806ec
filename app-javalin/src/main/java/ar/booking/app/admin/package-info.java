/** The owner's admin API: controllers, web DTOs and their validation. */
package ar.booking.app.admin;
