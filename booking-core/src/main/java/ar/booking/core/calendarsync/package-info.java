/**
 * Calendar sync with other platforms: the feeds a unit imports, the events they carry, the rules
 * that turn a fetched feed into changes of our occupancy (diff, safety, conflicts), the export of a
 * unit's busy nights and the token that guards its URL. JDK only.
 */
package ar.booking.core.calendarsync;
