/**
 * What the core needs from the outside world, named by role. Storage ports come with in-memory
 * implementations ({@code ar.booking.core.memory}) and contract tests that real adapters pass.
 */
package ar.booking.core.ports;
