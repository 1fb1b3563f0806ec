/** PostgreSQL and Redis implementations of the core storage ports. */
package ar.booking.persistence;
