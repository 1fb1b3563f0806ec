/**
 * speech adapter: arrives with its own issue; the module exists so the reactor shows the
 * architecture.
 */
package ar.booking.speech;
