package ar.booking.persistence.archfixture;

/** A stand-in adapter class for the planted violation. */
public class PersistenceThing {
  public int rows() {
    return 0;
  }
}
