package ar.booking.speech;

/**
 * 48 kHz to 16 kHz: a windowed-sinc low-pass (Blackman, 7.2 kHz cut-off, 95 taps, unity gain at
 * DC), evaluated only at every third input sample.
 */
final class Decimator {

  static final int FACTOR = 3;
  private static final int TAPS = 95;
  private static final float[] KERNEL = kernel();

  private Decimator() {}

  static short[] decimate(short[] in, int from, int to) {
    int outLength = (to - from) / FACTOR;
    short[] out = new short[outLength];
    int half = TAPS / 2;
    for (int m = 0; m < outLength; m++) {
      int centre = from + m * FACTOR;
      int start = centre - half;
      float acc = 0;
      if (start >= from && start + TAPS <= to) {
        for (int k = 0; k < TAPS; k++) {
          acc += KERNEL[k] * in[start + k];
        }
      } else {
        for (int k = 0; k < TAPS; k++) {
          int i = start + k;
          if (i >= from && i < to) {
            acc += KERNEL[k] * in[i];
          }
        }
      }
      out[m] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(acc)));
    }
    return out;
  }

  private static float[] kernel() {
    double cutoff = 7_200.0 / 48_000.0; // cycles per input sample
    double[] h = new double[TAPS];
    double sum = 0;
    int half = TAPS / 2;
    for (int k = 0; k < TAPS; k++) {
      int n = k - half;
      double sinc = n == 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * n) / (Math.PI * n);
      double window =
          0.42
              - 0.5 * Math.cos(2 * Math.PI * k / (TAPS - 1))
              + 0.08 * Math.cos(4 * Math.PI * k / (TAPS - 1));
      h[k] = sinc * window;
      sum += h[k];
    }
    float[] kernel = new float[TAPS];
    for (int k = 0; k < TAPS; k++) {
      kernel[k] = (float) (h[k] / sum);
    }
    return kernel;
  }
}
