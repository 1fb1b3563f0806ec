package ar.booking.core.testing;

import ar.booking.core.event.EventLog;
import ar.booking.core.payment.Payments;
import ar.booking.core.ports.Accommodations;
import ar.booking.core.ports.Reservations;
import ar.booking.core.ports.Transactions;
import ar.booking.core.scheduling.JobSchedule;

/** The storage ports of one backend, for contract tests that need several of them. */
public record StoreBundle(
    Accommodations accommodations,
    Reservations reservations,
    Transactions transactions,
    Payments payments,
    EventLog events,
    JobSchedule jobs) {}
