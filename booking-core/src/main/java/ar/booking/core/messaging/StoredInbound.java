package ar.booking.core.messaging;

import java.time.Instant;

/**
 * A received message in the inbox with its handling history and, for a voice note, its transcript.
 */
public record StoredInbound(
    long id,
    InboundMessage message,
    InboxStatus status,
    int attempts,
    Instant receivedAt,
    Instant processedAt,
    String transcript,
    String lastError) {}
