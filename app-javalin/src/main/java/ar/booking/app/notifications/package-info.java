/**
 * Notifications in the app (issue 13, ADR 0012): the core's owner alerts and guest notices
 * registered with the event dispatcher, the timeline jobs, the e-mail dispatcher ({@link
 * ar.booking.app.notifications.MailDispatcher}), the owner's API ({@code
 * /api/v1/admin/notifications}, {@code /api/v1/admin/settings/alerts}) and the notification
 * metrics.
 */
package ar.booking.app.notifications;
