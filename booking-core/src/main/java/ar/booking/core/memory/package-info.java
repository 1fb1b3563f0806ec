/**
 * In-memory implementations of the storage ports with PostgreSQL's semantics, and an in-process
 * lock: enough to embed booking-core without a database, and to unit-test it.
 */
package ar.booking.core.memory;
