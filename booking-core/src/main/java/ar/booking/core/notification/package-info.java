/**
 * Notifications (ADR 0012): owner alerts and guest messages as {@link
 * ar.booking.core.event.EventSubscriber}s of the durable events, and the guest's timeline (hold
 * reminder, pre-arrival message, completion, pruning) as use cases run by periodic jobs. Every
 * message goes through the {@link ar.booking.core.messaging.Outbox} with a deterministic key, and
 * every timeline step is marked in {@link ar.booking.core.notification.TimelineSteps} in the same
 * unit of work, so each happens once per event or reservation whatever the number of instances,
 * retries and restarts. Texts come from the {@code notifications_es_AR} resource bundle.
 */
package ar.booking.core.notification;
