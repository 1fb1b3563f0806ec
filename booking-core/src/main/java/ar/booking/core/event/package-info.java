/**
 * Durable domain events (a transactional outbox): every state change of a reservation or payment
 * appends its {@link ar.booking.core.event.DomainEvent} in the same unit of work as the change, and
 * an {@link ar.booking.core.event.EventDispatcher} hands committed events to each registered {@link
 * ar.booking.core.event.EventSubscriber} at least once, in order per stream, with retries, backoff
 * and a dead state. See ADR 0006.
 */
package ar.booking.core.event;
