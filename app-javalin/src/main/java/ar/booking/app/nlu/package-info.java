/** The parser of guests' Spanish requests, over HTTP for the owner and for testing the bot. */
package ar.booking.app.nlu;
