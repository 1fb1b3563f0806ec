package ar.booking.messaging.archfixture;

import ar.booking.persistence.archfixture.PersistenceThing;

/** A planted violation: one adapter reaching into another. Only used by the rule test. */
public class CrossAdapterCall {
  public int peek() {
    return new PersistenceThing().rows();
  }
}
