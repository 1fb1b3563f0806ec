package ar.booking.app.console;

import ar.booking.core.event.Delivery;
import ar.booking.core.event.DeliveryStatus;
import ar.booking.core.event.EventLog;
import ar.booking.core.messaging.Outbox;
import ar.booking.core.messaging.OutboxStatus;
import ar.booking.core.messaging.QueuedMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What needs the owner's attention from the messaging and event parts: messages the outbox gave up
 * on (WhatsApp and e-mail) and event deliveries that failed too often (a payment anomaly whose
 * alert could not be handled, a notice never sent…), newest first.
 */
public final class ConsoleAlerts implements ConsoleData.AlertSource {

  static final int LIMIT = 50;
  private static final int TEXT = 160;

  private final Outbox outbox;
  private final EventLog events;

  public ConsoleAlerts(Outbox outbox, EventLog events) {
    this.outbox = outbox;
    this.events = events;
  }

  @Override
  public List<ConsoleData.AlertLine> current() {
    List<ConsoleData.AlertLine> lines = new ArrayList<>();
    for (QueuedMessage m : outbox.inStatus(OutboxStatus.DEAD, LIMIT)) {
      lines.add(
          new ConsoleData.AlertLine(
              "Mensaje no entregado",
              "a "
                  + m.message().recipient()
                  + " ("
                  + m.message().purpose()
                  + "): "
                  + cut(m.message().content().plainText())
                  + (m.lastError() == null ? "" : " · " + cut(m.lastError())),
              m.message().createdAt()));
    }
    for (Delivery d : events.deliveries(DeliveryStatus.DEAD, LIMIT)) {
      lines.add(
          new ConsoleData.AlertLine(
              "Aviso no procesado",
              d.event().type()
                  + " de "
                  + d.event().stream()
                  + " ("
                  + d.subscriber()
                  + ")"
                  + (d.lastError() == null ? "" : " · " + cut(d.lastError())),
              d.event().occurredAt()));
    }
    lines.sort(Comparator.comparing(ConsoleData.AlertLine::at).reversed());
    return lines;
  }

  private static String cut(String text) {
    String flat = text.replace('\n', ' ');
    return flat.length() <= TEXT ? flat : flat.substring(0, TEXT - 1) + "…";
  }
}
