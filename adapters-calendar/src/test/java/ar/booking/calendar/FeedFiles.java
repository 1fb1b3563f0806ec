package ar.booking.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The feed fixtures under {@code src/test/resources/feeds}, shaped like the OTAs' exports. */
final class FeedFiles {

  private FeedFiles() {}

  static byte[] read(String name) {
    try (InputStream in = FeedFiles.class.getResourceAsStream("/feeds/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
