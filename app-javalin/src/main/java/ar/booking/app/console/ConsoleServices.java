package ar.booking.app.console;

import ar.booking.app.admin.CalendarSyncAdmin;
import ar.booking.app.auth.ClientAddress;
import ar.booking.app.auth.JwtTokens;
import ar.booking.app.auth.PasswordHasher;
import ar.booking.app.auth.PasswordVersions;
import ar.booking.app.auth.RateLimiter;
import ar.booking.core.payment.Payments;
import ar.booking.core.payment.RecordPayment;
import ar.booking.core.ports.Accommodations;
import ar.booking.core.ports.OwnerAccounts;
import ar.booking.core.ports.Reservations;
import ar.booking.core.usecase.BookingEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What the console needs from the composition root: the same use cases and ports as the admin JSON
 * API, the owner accounts with the password hasher and versions, the JWT tokens and secret (the
 * session cookie), the login rate limiter (shared with the API's login; null for none), and the
 * sources of the parts wired in later.
 *
 * @param production cookies get {@code Secure}
 * @param zone the time zone dates and times are shown in ({@code TIMEZONE})
 */
public record ConsoleServices(
    BookingEngine engine,
    Accommodations accommodations,
    Reservations reservations,
    Payments payments,
    RecordPayment recordPayment,
    CalendarSyncAdmin calendarSync,
    OwnerAccounts accounts,
    PasswordHasher hasher,
    PasswordVersions versions,
    JwtTokens tokens,
    String jwtSecret,
    Duration sessionLifetime,
    boolean production,
    RateLimiter loginLimiter,
    ClientAddress clients,
    Clock clock,
    ZoneId zone,
    ConsoleData data) {

  public ConsoleServices {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(accommodations, "accommodations");
    Objects.requireNonNull(reservations, "reservations");
    Objects.requireNonNull(payments, "payments");
    Objects.requireNonNull(recordPayment, "recordPayment");
    Objects.requireNonNull(calendarSync, "calendarSync");
    Objects.requireNonNull(accounts, "accounts");
    Objects.requireNonNull(hasher, "hasher");
    Objects.requireNonNull(versions, "versions");
    Objects.requireNonNull(tokens, "tokens");
    Objects.requireNonNull(jwtSecret, "jwtSecret");
    Objects.requireNonNull(sessionLifetime, "sessionLifetime");
    Objects.requireNonNull(clients, "clients");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(data, "data");
  }
}
