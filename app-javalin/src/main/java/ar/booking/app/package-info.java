/** The launcher: configuration, hand wiring of core and adapters, the HTTP API, workers. */
package ar.booking.app;
