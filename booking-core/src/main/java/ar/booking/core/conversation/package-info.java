/** Conversation: turning a guest's free-text Spanish message into a structured booking request. */
package ar.booking.core.conversation;
