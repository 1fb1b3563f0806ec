package ar.booking.speech;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal Ogg (RFC 3533) reader for Opus (RFC 7845): checks every page's CRC, reassembles the
 * packets of the first logical stream and reads its {@code OpusHead}. Both decoders use it to
 * refuse corrupt, truncated, non-Opus and over-long notes before decoding anything.
 */
final class OggOpus {

  /** The parsed stream: its head, its audio packets, and its length from the last granule. */
  record Stream(int channels, int preSkip, int mappingFamily, List<byte[]> packets, long granule) {

    /** Length in 48 kHz samples, pre-skip removed (RFC 7845 §4). */
    long samples48k() {
      return Math.max(0, granule - preSkip);
    }

    /** The length; a granule position of any size (even a lying one) cannot overflow it. */
    Duration duration() {
      return Duration.ofMillis(samples48k() / 48);
    }
  }

  /** The note cannot be read; the message says why, for logs and the outcome's reason. */
  static final class Malformed extends Exception {
    Malformed(String message) {
      super(message);
    }
  }

  private static final int[] CRC_TABLE = crcTable();

  private OggOpus() {}

  static boolean looksLikeOgg(byte[] data) {
    return data.length >= 4 && data[0] == 'O' && data[1] == 'g' && data[2] == 'g' && data[3] == 'S';
  }

  static Stream parse(byte[] data) throws Malformed {
    if (data.length == 0) {
      throw new Malformed("empty");
    }
    if (!looksLikeOgg(data)) {
      throw new Malformed("not an Ogg file");
    }
    List<byte[]> packets = new ArrayList<>();
    ByteArrayOutputStream partial = new ByteArrayOutputStream();
    boolean inPacket = false;
    Integer serial = null;
    long granule = -1;
    boolean sawEnd = false;
    int pos = 0;
    while (pos < data.length) {
      if (data.length - pos < 27) {
        throw new Malformed("truncated (incomplete page header)");
      }
      if (data[pos] != 'O'
          || data[pos + 1] != 'g'
          || data[pos + 2] != 'g'
          || data[pos + 3] != 'S') {
        throw new Malformed("corrupt (no page at byte " + pos + ")");
      }
      if (data[pos + 4] != 0) {
        throw new Malformed("unsupported Ogg version");
      }
      int type = data[pos + 5] & 0xff;
      long pageGranule = le64(data, pos + 6);
      int pageSerial = le32(data, pos + 14);
      int storedCrc = le32(data, pos + 22);
      int segments = data[pos + 26] & 0xff;
      int headerLength = 27 + segments;
      if (data.length - pos < headerLength) {
        throw new Malformed("truncated (incomplete segment table)");
      }
      int bodyLength = 0;
      for (int i = 0; i < segments; i++) {
        bodyLength += data[pos + 27 + i] & 0xff;
      }
      int pageLength = headerLength + bodyLength;
      if (data.length - pos < pageLength) {
        throw new Malformed("truncated (incomplete page)");
      }
      if (crc(data, pos, pageLength) != storedCrc) {
        throw new Malformed("corrupt (page checksum mismatch at byte " + pos + ")");
      }
      if (serial == null) {
        if ((type & 0x02) == 0) {
          throw new Malformed("corrupt (first page does not begin a stream)");
        }
        serial = pageSerial;
      }
      if (pageSerial == serial && !sawEnd) {
        int body = pos + headerLength;
        if ((type & 0x01) == 0 && inPacket) {
          throw new Malformed("corrupt (packet interrupted)");
        }
        for (int i = 0; i < segments; i++) {
          int lacing = data[pos + 27 + i] & 0xff;
          partial.write(data, body, lacing);
          body += lacing;
          inPacket = lacing == 255;
          if (!inPacket) {
            packets.add(partial.toByteArray());
            partial.reset();
          }
        }
        if (pageGranule != -1) {
          granule = pageGranule;
        }
        sawEnd = (type & 0x04) != 0;
      }
      pos += pageLength;
    }
    if (packets.size() < 2) {
      throw new Malformed("truncated (no audio)");
    }
    byte[] head = packets.get(0);
    if (head.length < 19 || !startsWith(head, "OpusHead")) {
      throw new Malformed("not Opus (the Ogg stream holds another codec)");
    }
    if ((head[8] & 0xf0) != 0) {
      throw new Malformed("unsupported OpusHead version " + (head[8] & 0xff));
    }
    int channels = head[9] & 0xff;
    int preSkip = (head[10] & 0xff) | (head[11] & 0xff) << 8;
    int mappingFamily = head[18] & 0xff;
    if (channels < 1 || channels > 2 || mappingFamily != 0) {
      throw new Malformed("unsupported channel layout (" + channels + " channels)");
    }
    if (!startsWith(packets.get(1), "OpusTags")) {
      throw new Malformed("corrupt (no OpusTags)");
    }
    if (granule < 0) {
      throw new Malformed("corrupt (no granule position)");
    }
    return new Stream(
        channels, preSkip, mappingFamily, List.copyOf(packets.subList(2, packets.size())), granule);
  }

  private static boolean startsWith(byte[] packet, String magic) {
    byte[] m = magic.getBytes(StandardCharsets.US_ASCII);
    if (packet.length < m.length) {
      return false;
    }
    for (int i = 0; i < m.length; i++) {
      if (packet[i] != m[i]) {
        return false;
      }
    }
    return true;
  }

  private static int le32(byte[] b, int i) {
    return (b[i] & 0xff)
        | (b[i + 1] & 0xff) << 8
        | (b[i + 2] & 0xff) << 16
        | (b[i + 3] & 0xff) << 24;
  }

  private static long le64(byte[] b, int i) {
    return (le32(b, i) & 0xffffffffL) | ((long) le32(b, i + 4)) << 32;
  }

  /** Ogg's CRC-32: polynomial 0x04c11db7, initial 0, not reflected, the CRC field as zeros. */
  private static int crc(byte[] b, int offset, int length) {
    int crc = 0;
    for (int i = 0; i < length; i++) {
      int value = (i >= 22 && i < 26) ? 0 : b[offset + i] & 0xff;
      crc = (crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ value) & 0xff];
    }
    return crc;
  }

  private static int[] crcTable() {
    int[] table = new int[256];
    for (int i = 0; i < 256; i++) {
      int r = i << 24;
      for (int j = 0; j < 8; j++) {
        r = (r & 0x80000000) != 0 ? (r << 1) ^ 0x04c11db7 : r << 1;
      }
      table[i] = r;
    }
    return table;
  }
}
