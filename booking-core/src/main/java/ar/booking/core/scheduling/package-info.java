/**
 * Periodic background work that runs once per interval whatever the number of application
 * instances: a {@link ar.booking.core.scheduling.JobSchedule} (PostgreSQL in production) decides
 * which instance runs a due job, and the {@link ar.booking.core.scheduling.JobRunner} polls it. See
 * ADR 0007.
 */
package ar.booking.core.scheduling;
