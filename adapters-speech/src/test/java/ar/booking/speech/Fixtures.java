package ar.booking.speech;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The committed voice-note fixtures (made by fixtures/make-fixtures.sh). */
final class Fixtures {

  private Fixtures() {}

  static byte[] bytes(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
