package ar.booking.core.conversation;

import java.util.Arrays;
import java.util.List;

/**
 * Single-thread throughput of {@link SpanishRequestParser} over the labelled corpus: warm-up, then
 * timed rounds; prints every round and the median. A main method, not a test: timing is never
 * asserted.
 */
public final class ParserBenchmark {

  private static final long WARM_UP_NANOS = 10_000_000_000L;
  private static final long ROUND_NANOS = 1_000_000_000L;
  private static final int ROUNDS = 9;

  private ParserBenchmark() {}

  public static void main(String[] args) {
    List<Corpus.Entry> corpus = Corpus.load().entries();
    SpanishRequestParser parser = new SpanishRequestParser();
    long sink = run(parser, corpus, WARM_UP_NANOS)[1];
    double[] perSecond = new double[ROUNDS];
    for (int round = 0; round < ROUNDS; round++) {
      long start = System.nanoTime();
      long[] result = run(parser, corpus, ROUND_NANOS);
      long elapsed = System.nanoTime() - start;
      sink += result[1];
      perSecond[round] = result[0] * 1e9 / elapsed;
      System.out.printf("round %d: %,.0f msg/s%n", round + 1, perSecond[round]);
    }
    double[] sorted = perSecond.clone();
    Arrays.sort(sorted);
    double median = sorted[ROUNDS / 2];
    System.out.printf(
        "corpus %d messages, %d rounds of %d s after %d s warm-up: median %,.0f msg/s = %.2f µs/msg"
            + " (checksum %d)%n",
        corpus.size(),
        ROUNDS,
        ROUND_NANOS / 1_000_000_000L,
        WARM_UP_NANOS / 1_000_000_000L,
        median,
        1e6 / median,
        sink);
  }

  /** Parses the whole corpus again and again for {@code nanos}; returns {messages, checksum}. */
  private static long[] run(SpanishRequestParser parser, List<Corpus.Entry> corpus, long nanos) {
    long messages = 0;
    long checksum = 0;
    long deadline = System.nanoTime() + nanos;
    while (System.nanoTime() < deadline) {
      for (Corpus.Entry e : corpus) {
        BookingRequest r = parser.parse(e.text(), e.today());
        checksum += r.intent().ordinal() + r.problems().size() + r.guests().orElse(0);
        messages++;
      }
    }
    return new long[] {messages, checksum};
  }
}
