package ar.booking.core.conversation.dialog;

import ar.booking.core.accommodation.Accommodation;
import ar.booking.core.conversation.Conversation;
import ar.booking.core.event.DomainEvent;
import ar.booking.core.memory.InMemoryStores;
import ar.booking.core.memory.InProcessBookingLocks;
import ar.booking.core.messaging.InboundKind;
import ar.booking.core.messaging.InboundMessage;
import ar.booking.core.messaging.InboxStatus;
import ar.booking.core.messaging.MessageContent;
import ar.booking.core.messaging.OutboundMessage;
import ar.booking.core.messaging.Outbox;
import ar.booking.core.messaging.QueuedMessage;
import ar.booking.core.messaging.SpeechToText;
import ar.booking.core.messaging.StoredInbound;
import ar.booking.core.messaging.Transcription;
import ar.booking.core.payment.IssuePaymentLink;
import ar.booking.core.payment.PaymentGateway;
import ar.booking.core.payment.PaymentLink;
import ar.booking.core.ports.BookingEvents;
import ar.booking.core.ports.ReservationQuery;
import ar.booking.core.reservation.Reservation;
import ar.booking.core.reservation.ReservationStatus;
import ar.booking.core.stay.StayPeriod;
import ar.booking.core.testing.Fixtures;
import ar.booking.core.testing.MutableClock;
import ar.booking.core.usecase.BookingEngine;
import ar.booking.core.usecase.BookingSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The dialog on in-memory stores, a hand-moved clock, a fake payment provider and a fake
 * recogniser; guests write through {@link Guest}.
 */
final class DialogFixture {

  final MutableClock clock = new MutableClock(Fixtures.NOW);
  final InMemoryStores stores = InMemoryStores.create();
  final FakeGateway gateway = new FakeGateway();
  final FakeSpeech speech = new FakeSpeech();
  final BookingEngine engine;
  final HandleGuestMessage handler;
  final List<Accommodation> units = new ArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();

  DialogFixture(String... unitNames) {
    this(DialogSettings.DEFAULT, unitNames);
  }

  DialogFixture(DialogSettings settings, String... unitNames) {
    engine =
        new BookingEngine(
            stores.accommodations(),
            stores.reservations(),
            stores.transactions(),
            new InProcessBookingLocks(),
            BookingEvents.NONE,
            clock,
            BookingSettings.DEFAULT);
    for (String name : unitNames) {
      units.add(Fixtures.addCabin(stores.accommodations(), name));
    }
    handler = handlerOn(stores.outbox(), settings);
  }

  HandleGuestMessage handlerOn(Outbox outbox, DialogSettings settings) {
    return new HandleGuestMessage(
        engine,
        stores.accommodations(),
        stores.reservations(),
        stores.conversations(),
        outbox,
        stores.events(),
        stores.transactions(),
        new IssuePaymentLink(stores.reservations(), stores.accommodations(), gateway, clock),
        speech,
        clock,
        settings);
  }

  Guest guest(String waId, String name) {
    return new Guest(waId, name);
  }

  StoredInbound stored(InboundMessage message) {
    return new StoredInbound(
        ids.incrementAndGet(), message, InboxStatus.PENDING, 0, clock.instant(), null, null, null);
  }

  String nextMessageId() {
    return "wamid.test" + ids.incrementAndGet();
  }

  List<Reservation> reservationsOf(String waId) {
    return stores.reservations().search(ReservationQuery.all().withText(waId)).items().stream()
        .filter(r -> waId.equals(r.contact().whatsappId()))
        .toList();
  }

  List<Reservation> holds() {
    return stores
        .reservations()
        .search(ReservationQuery.all().withStatus(ReservationStatus.PRE_RESERVED))
        .items();
  }

  void block(Accommodation unit, String checkIn, String checkOut) {
    stores
        .reservations()
        .insert(Fixtures.block(unit, StayPeriod.parse(checkIn, checkOut)), "owner");
  }

  List<DomainEvent> guestEvents(String waId) {
    return stores.events().stream("guest:" + waId);
  }

  Conversation conversation(String waId) {
    return stores.conversations().find(waId).orElseThrow();
  }

  /** One guest writing from WhatsApp; remembers which replies they have already read. */
  final class Guest {
    final String waId;
    final String name;
    private int read;

    Guest(String waId, String name) {
      this.waId = waId;
      this.name = name;
    }

    /** Sends a text and returns the replies it got. */
    List<MessageContent> says(String text) {
      return send(InboundMessage.text(nextMessageId(), waId, name, text, clock.instant()));
    }

    /** Picks a button or list row. */
    List<MessageContent> picks(MessageContent.Buttons buttons, int index) {
      var c = buttons.choices().get(index);
      return picks(c.id(), c.title());
    }

    List<MessageContent> picks(String choiceId, String title) {
      return send(
          InboundMessage.choice(nextMessageId(), waId, name, choiceId, title, clock.instant()));
    }

    List<MessageContent> sendsVoiceNote() {
      return send(
          new InboundMessage(
              nextMessageId(),
              waId,
              name,
              InboundKind.AUDIO,
              null,
              null,
              new InboundMessage.MediaRef("media-1", "audio/ogg", "abc", true),
              clock.instant()));
    }

    List<MessageContent> sends(InboundKind kind) {
      return send(
          new InboundMessage(nextMessageId(), waId, name, kind, null, null, null, clock.instant()));
    }

    List<MessageContent> send(InboundMessage message) {
      handler.handle(stored(message));
      return unread();
    }

    /** Replies queued for this guest since the last call. */
    List<MessageContent> unread() {
      List<QueuedMessage> all = stores.outbox().toRecipient(waId, 1000);
      List<MessageContent> fresh =
          all.subList(Math.min(read, all.size()), all.size()).stream()
              .map(q -> q.message().content())
              .toList();
      read = all.size();
      return fresh;
    }

    int repliesSoFar() {
      return stores.outbox().toRecipient(waId, 1000).size();
    }
  }

  /** A payment provider that answers with a fixed URL, or is down. */
  static final class FakeGateway implements PaymentGateway {
    volatile boolean down;
    final List<LinkRequest> requests = new CopyOnWriteArrayList<>();

    @Override
    public LinkOutcome createLink(LinkRequest request) {
      requests.add(request);
      if (down) {
        return new Failed("provider down");
      }
      return new Created(
          new PaymentLink(
              request.code(),
              "https://pagos.example/checkout/" + request.code().value(),
              request.amount(),
              request.expiresAt(),
              "pref-" + request.code().value()));
    }
  }

  /** A recogniser that answers what the test tells it to (and throws when told nothing). */
  static final class FakeSpeech implements SpeechToText {
    final AtomicReference<Transcription> next =
        new AtomicReference<>(new Transcription.Unavailable("no model"));

    @Override
    public Transcription transcribe(InboundMessage.MediaRef note) {
      Transcription outcome = next.get();
      if (outcome == null) {
        throw new IllegalStateException("recogniser crashed");
      }
      return outcome;
    }
  }

  static String text(MessageContent content) {
    return content.plainText();
  }

  static String all(List<MessageContent> contents) {
    return String.join("\n---\n", contents.stream().map(MessageContent::plainText).toList());
  }

  /** An outbox that refuses its first {@code failures} enqueues (a crash before the commit). */
  static final class FailingOutbox implements Outbox {
    private final Outbox delegate;
    private final AtomicInteger failures;

    FailingOutbox(Outbox delegate, int failures) {
      this.delegate = delegate;
      this.failures = new AtomicInteger(failures);
    }

    @Override
    public boolean enqueue(OutboundMessage message) {
      if (failures.getAndDecrement() > 0) {
        throw new IllegalStateException("database went away");
      }
      return delegate.enqueue(message);
    }

    @Override
    public List<QueuedMessage> claim(
        ar.booking.core.messaging.MessageChannel channel,
        Instant now,
        Instant leaseUntil,
        int limit) {
      return delegate.claim(channel, now, leaseUntil, limit);
    }

    @Override
    public void sent(long id, String providerMessageId, Instant at) {
      delegate.sent(id, providerMessageId, at);
    }

    @Override
    public void retry(long id, String error, Instant retryAt) {
      delegate.retry(id, error, retryAt);
    }

    @Override
    public void dead(long id, String error, Instant at) {
      delegate.dead(id, error, at);
    }

    @Override
    public boolean resend(long id, Instant now) {
      return delegate.resend(id, now);
    }

    @Override
    public boolean recordDelivery(
        String providerMessageId,
        ar.booking.core.messaging.DeliveryState state,
        Instant at,
        String error) {
      return delegate.recordDelivery(providerMessageId, state, at, error);
    }

    @Override
    public java.util.Optional<QueuedMessage> find(long id) {
      return delegate.find(id);
    }

    @Override
    public List<QueuedMessage> toRecipient(String recipient, int limit) {
      return delegate.toRecipient(recipient, limit);
    }

    @Override
    public List<QueuedMessage> inStatus(ar.booking.core.messaging.OutboxStatus status, int limit) {
      return delegate.inStatus(status, limit);
    }

    @Override
    public long count(ar.booking.core.messaging.OutboxStatus status) {
      return delegate.count(status);
    }

    @Override
    public java.util.Optional<Instant> oldestPending() {
      return delegate.oldestPending();
    }

    @Override
    public int prune(Instant before) {
      return delegate.prune(before);
    }
  }
}
