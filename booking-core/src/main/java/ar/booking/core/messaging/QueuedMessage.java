package ar.booking.core.messaging;

import java.time.Instant;

/** A message in the outbox with its sending history. */
public record QueuedMessage(
    long id,
    OutboundMessage message,
    OutboxStatus status,
    int attempts,
    Instant nextAttemptAt,
    String providerMessageId,
    DeliveryState delivery,
    Instant deliveryAt,
    String lastError,
    Instant sentAt) {}
