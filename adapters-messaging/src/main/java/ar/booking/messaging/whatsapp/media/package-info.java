/**
 * WhatsApp Cloud API media download (contracts §1 "Media download"): resolve a media id, download
 * it with the bearer token, re-resolve once when the short-lived URL has expired, cap the size and
 * verify the SHA-256. Used for voice notes (issue 14).
 */
package ar.booking.messaging.whatsapp.media;
