package ar.booking.core.conversation;

/** What a guest's message asks for. */
public enum Intent {
  AVAILABILITY,
  PRICE,
  BOOK,
  MY_BOOKINGS,
  CANCEL,
  HUMAN,
  GREETING,
  THANKS,
  OTHER
}
