/**
 * The use cases: one class each, record commands, sealed results. Business outcomes (taken nights,
 * too many guests…) are results; exceptions mean a bug or a technical failure.
 */
package ar.booking.core.usecase;
