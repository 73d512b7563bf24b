package io.cloudir.parsers.internal;

import io.cloudir.model.internal.json.JsonStrings;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Helpers for content detection shared by the formats. Stateless and thread-safe.
 */
public final class Detect {
  private static final byte[] MESSAGE = "\"message\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] LOG_EVENTS = "\"logEvents\"".getBytes(StandardCharsets.US_ASCII);

  private Detect() {}

  /** The index of the first byte that is not white space or a UTF-8 byte order mark. */
  public static int firstNonWhitespace(byte[] b, int len) {
    int p = 0;
    if (len >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
      p = 3;
    }
    while (p < len && (b[p] == ' ' || b[p] == '\n' || b[p] == '\r' || b[p] == '\t')) {
      p++;
    }
    return p;
  }

  /**
   * Index of {@code needle} in {@code b[from, len)}, or -1 ({@code len <= b.length}). Looks for
   * the needle's second byte eight bytes at a time (a needle such as {@code "message"} starts with
   * a quote, which JSON holds every few bytes) and compares the whole needle only where it is.
   */
  public static int indexOf(byte[] b, int from, int len, byte[] needle) {
    int n = needle.length;
    if (n < 2) {
      return indexOfPlain(b, from, len, needle);
    }
    long pattern = (needle[1] & 0xFFL) * ONES;
    int last = len - n; // the last index where the needle can start
    int i = from;
    while (i <= last) {
      int j = i + 1; // where needle[1] must be
      if (j + 8 <= len) {
        long x = (long) LONGS.get(b, j) ^ pattern;
        long t = (x - ONES) & ~x & HIGHS; // the lowest set bit marks the first equal byte exactly
        if (t == 0) {
          i += 8;
          continue;
        }
        i += Long.numberOfTrailingZeros(t) >>> 3;
        if (i > last) {
          return -1;
        }
      } else if (b[j] != needle[1]) {
        i++;
        continue;
      }
      if (regionMatches(b, i, needle)) {
        return i;
      }
      i++;
    }
    return -1;
  }

  private static boolean regionMatches(byte[] b, int i, byte[] needle) {
    for (int k = 0; k < needle.length; k++) {
      if (b[i + k] != needle[k]) {
        return false;
      }
    }
    return true;
  }

  /** {@link #indexOf} byte by byte: the reference it must agree with (and the short needles). */
  static int indexOfPlain(byte[] b, int from, int len, byte[] needle) {
    outer:
    for (int i = from; i + needle.length <= len; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (b[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /**
   * When the head starts a CloudWatch Logs subscription envelope ({@code {"messageType":…,
   * "logEvents":[{…"message":"…"}]}}), the decoded text of its first message (complete or cut at
   * the end of the head); otherwise null. Lets every format recognise itself inside the envelope.
   */
  public static byte @Nullable [] firstCloudWatchMessage(byte[] head, int len) {
    int p = firstNonWhitespace(head, len);
    if (p >= len || head[p] != '{') {
      return null;
    }
    int le = indexOf(head, p, len, LOG_EVENTS);
    if (le < 0) {
      return null;
    }
    int m = indexOf(head, le, len, MESSAGE);
    if (m < 0) {
      return null;
    }
    int q = m + MESSAGE.length;
    while (q < len && (head[q] == ' ' || head[q] == ':' || head[q] == '\n' || head[q] == '\r' || head[q] == '\t')) {
      q++;
    }
    if (q >= len || head[q] != '"') {
      return null;
    }
    int s = q + 1;
    int e = s;
    while (e < len && head[e] != '"') {
      e += head[e] == '\\' ? 2 : 1;
    }
    e = Math.min(e, len);
    // drop a cut escape at the end before decoding
    int cut = e;
    for (int back = 1; back <= 6 && cut - back >= s; back++) {
      if (head[cut - back] == '\\') {
        cut = cut - back;
        break;
      }
    }
    String text = JsonStrings.decode(head, s, e < len ? e : cut);
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
