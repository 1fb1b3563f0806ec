/** Small value types shared by every domain concept; depends on no concept. */
package ar.booking.core.shared;
