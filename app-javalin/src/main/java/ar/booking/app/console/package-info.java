/**
 * The owner's console at {@code /admin} (issue 16, ADR 0014): server-rendered pages from templates
 * precompiled by jte, a session cookie signed with the JWT secret, a CSRF token on every form, and
 * the same core use cases the admin JSON API calls.
 */
package ar.booking.app.console;
