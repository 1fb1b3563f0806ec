package ar.booking.core.conversation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The labelled requests in {@code conversation/corpus.tsv}, one per non-comment line. */
record Corpus(List<Corpus.Entry> entries) {

  /** One labelled request; empty cells are absent values. */
  record Entry(
      int line,
      LocalDate today,
      String text,
      Optional<LocalDate> checkIn,
      Optional<LocalDate> checkOut,
      OptionalInt guests,
      Intent intent,
      Optional<ProblemCode> problem) {}

  static Corpus load() {
    try (InputStream in = Corpus.class.getResourceAsStream("/conversation/corpus.tsv")) {
      if (in == null) {
        throw new IllegalStateException("conversation/corpus.tsv not on the class path");
      }
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      List<Entry> entries = new ArrayList<>();
      for (int i = 0; i < lines.length; i++) {
        if (lines[i].isBlank() || lines[i].startsWith("#")) {
          continue;
        }
        entries.add(entry(i + 1, lines[i].split("\t", -1)));
      }
      return new Corpus(List.copyOf(entries));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Entry entry(int line, String[] cells) {
    if (cells.length < 6) {
      throw new IllegalStateException("line " + line + " has " + cells.length + " cells");
    }
    return new Entry(
        line,
        LocalDate.parse(cells[0]),
        cells[1],
        date(cells[2]),
        date(cells[3]),
        cells[4].isBlank() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(cells[4])),
        Intent.valueOf(cells[5]),
        cells.length > 6 && !cells[6].isBlank()
            ? Optional.of(ProblemCode.valueOf(cells[6].strip()))
            : Optional.empty());
  }

  private static Optional<LocalDate> date(String cell) {
    return cell.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(cell.strip()));
  }
}
