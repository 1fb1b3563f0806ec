/**
 * iCalendar for calendar sync: {@link ar.booking.calendar.IcsWriter} writes a unit's export
 * strictly to RFC 5545, {@link ar.booking.calendar.Ical4jFeedParser} reads other platforms' feeds
 * leniently (ical4j), {@link ar.booking.calendar.HttpFeedFetcher} fetches them with the JDK HTTP
 * client.
 */
package ar.booking.calendar;
