/**
 * The booking dialog behind WhatsApp. {@link
 * ar.booking.core.conversation.dialog.HandleGuestMessage} turns one guest message into replies
 * queued in the outbox (welcome, read-back and offers, the missing pieces, alternatives, a hold
 * with its payment link, the guest's bookings and cancelling, the handoff to a person); {@link
 * ar.booking.core.conversation.dialog.ReleaseConversation} and {@link
 * ar.booking.core.conversation.dialog.ReplyAsOwner} are the owner's side. Replies are domain values
 * worded from the {@code dialog_es_AR} resource bundle.
 */
package ar.booking.core.conversation.dialog;
