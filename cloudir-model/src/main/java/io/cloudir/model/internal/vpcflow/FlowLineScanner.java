package io.cloudir.model.internal.vpcflow;

import io.cloudir.model.net.IpAddress;
import io.cloudir.model.vpcflow.TrafficPath;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The fast path of flow log indexing: one pass over a line that finds the fields eight bytes at
 * a time (SWAR search for spaces and the line feed), records each field's bounds, checks each
 * field by the kind its {@link FlowLinePlan} gives (numbers parsed from up to eight digits at
 * once, IPv4 addresses by a tight byte loop, known enum texts by comparison) and stores the
 * values of numeric fields.
 *
 * <p>It handles only the canonical shape — fields separated by single spaces, no leading or
 * trailing space, exactly the format's number of fields, every numeric field 1 to 19 digits or
 * {@code -}, a line feed within the scanned range when asked — and answers {@link #FALLBACK} for
 * anything else. The caller then indexes the line with the complete (slow) path, which finds
 * the same fields and warnings on well-formed lines and produces the rejection and its column
 * on malformed ones. So a malformed line is still a rejection with its line number; the fast
 * path never decides that a line is malformed.
 *
 * <p>Stateless and thread-safe.
 */
public final class FlowLineScanner {
  /** The answer of {@link #scan} when the line must be indexed by the complete path. */
  public static final long FALLBACK = -1;

  /** Warning bit: irregular spacing (never set by the fast path). */
  public static final int W_SPACING = 1;
  /** Warning bit: version below the version of the format's fields. */
  public static final int W_VERSION = 2;
  /** Warning bit: a port, protocol or tcp-flags value out of range. */
  public static final int W_RANGE = 4;
  /** Warning bit: an address field that is not an address. */
  public static final int W_ADDRESS = 8;
  /** Warning bit: an unknown enumerated value. */
  public static final int W_ENUM = 16;
  /** Warning bit: start after end. */
  public static final int W_WINDOW = 32;
  /** Warning bit: no start time. */
  public static final int W_NO_TIME = 64;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INTS_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  /** {@code (m * GATHER) >>> 56}: bit {@code k} is the high bit of byte {@code k} of {@code m}. */
  private static final long GATHER = 0x0002040810204081L;
  private static final long SPACES = 0x2020202020202020L;
  private static final long LINE_FEEDS = 0x0A0A0A0A0A0A0A0AL;
  private static final long DOTS = 0x2E2E2E2E2E2E2E2EL;
  private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
  private static final long ZEROS = 0x3030303030303030L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long NOT_DIGIT = 0x7676767676767676L;
  /** {@code KEEP[n]}: the top {@code n} bytes of a word. */
  private static final long[] KEEP = new long[9];
  /** {@code PAD[n]}: ASCII zeros in the low {@code 8 - n} bytes. */
  private static final long[] PAD = new long[9];

  static {
    for (int n = 1; n <= 8; n++) {
      KEEP[n] = -1L << (8 * (8 - n));
      PAD[n] = ZEROS & ~KEEP[n];
    }
  }

  private FlowLineScanner() {}

  /** High bit of each byte of {@code x} that is zero (exact: no false positives). */
  private static long zeroBytes(long x) {
    return ~(((x & LOW7) + LOW7) | x | LOW7);
  }

  /**
   * Scans the line at {@code s}.
   *
   * @param b the bytes
   * @param s the line's first byte
   * @param limit the end of the scannable bytes: the end of the line when {@code toLineFeed} is
   *     false, else the end of the valid data (the line ends at the first line feed before it)
   * @param toLineFeed whether the line ends at a line feed (then a {@code \r} before it is not
   *     part of the line); otherwise a line feed inside {@code [s, limit)} is a fallback
   * @param plan the format's plan
   * @param bounds receives start and end of each field ({@code 2 * plan.size()} ints)
   * @param values receives each numeric field's value (-1 for {@code -}); other positions are
   *     left as they are
   * @param delims scratch space of {@link #delimsSize} ints
   * @return {@code warnings << 32 | end}, where {@code end} is the line feed's index (or {@code
   *     limit}); or {@link #FALLBACK}
   */
  public static long scan(byte[] b, int s, int limit, boolean toLineFeed, FlowLinePlan plan, int[] bounds,
      long[] values, int[] delims) {
    if (s >= limit) {
      return FALLBACK;
    }
    byte c0 = b[s];
    if (c0 == ' ' || c0 == '\n' || c0 == '\r' || c0 == '\t' || (c0 >= 'a' && c0 <= 'z')) {
      return FALLBACK; // blank, irregular or possibly a header line: the complete path decides
    }
    byte[] kinds = plan.kinds;
    int n = kinds.length;
    // phase 1: the positions of the delimiters (spaces, then the line feed or the line's end)
    int cnt = 0;
    int p = s;
    while (true) {
      if (cnt > n) {
        return FALLBACK; // too many fields
      }
      if (p + 8 > limit) {
        for (; p < limit; p++) {
          byte c = b[p];
          if (c == ' ') {
            delims[cnt++] = p;
            if (cnt > n) {
              return FALLBACK;
            }
          } else if (c == '\n') {
            if (!toLineFeed) {
              return FALLBACK; // a line feed inside a given line
            }
            delims[cnt++] = p;
            break;
          }
        }
        if (p >= limit) {
          if (toLineFeed) {
            return FALLBACK; // no line feed: the complete path handles the last line
          }
          delims[cnt++] = limit;
        }
        break;
      }
      long w = (long) LONGS.get(b, p);
      long m = zeroBytes(w ^ SPACES);
      long lf = zeroBytes(w ^ LINE_FEEDS);
      if (lf != 0) {
        if (!toLineFeed) {
          return FALLBACK;
        }
        long first = lf & -lf;
        m = (m & (first - 1)) | first;
        while (m != 0) {
          delims[cnt++] = p + (Long.numberOfTrailingZeros(m) >>> 3);
          m &= m - 1;
          if (cnt > n) {
            return FALLBACK;
          }
        }
        break;
      }
      // four positions written unconditionally (most words hold at most four delimiters)
      int k = Long.bitCount(m);
      delims[cnt] = p + (Long.numberOfTrailingZeros(m) >>> 3);
      m &= m - 1;
      delims[cnt + 1] = p + (Long.numberOfTrailingZeros(m) >>> 3);
      m &= m - 1;
      delims[cnt + 2] = p + (Long.numberOfTrailingZeros(m) >>> 3);
      m &= m - 1;
      delims[cnt + 3] = p + (Long.numberOfTrailingZeros(m) >>> 3);
      m &= m - 1;
      for (int x = cnt + 4; m != 0; x++) {
        delims[x] = p + (Long.numberOfTrailingZeros(m) >>> 3);
        m &= m - 1;
      }
      cnt += k;
      p += 8;
    }
    if (cnt != n) {
      return FALLBACK;
    }
    // phase 2: bounds, values and checks, position by position
    int end = delims[n - 1];
    int warn = 0;
    int fs = s;
    for (int i = 0; i < n; i++) {
      int fe = delims[i];
      if (i == n - 1 && toLineFeed && b[fe - 1] == '\r') {
        fe--;
      }
      if (fe <= fs) {
        return FALLBACK; // an empty field: irregular spacing
      }
      bounds[2 * i] = fs;
      bounds[2 * i + 1] = fe;
      byte k = kinds[i];
      fs = delims[i] + 1;
      if (k == FlowLinePlan.K_TEXT) {
        continue;
      }
      int vs = bounds[2 * i];
      if (fe - vs == 1 && b[vs] == '-') {
        values[i] = -1;
        continue;
      }
      if (k <= FlowLinePlan.K_TRAFFIC) {
        long v = number(b, vs, fe);
        if (v < 0) {
          return FALLBACK; // not a number: the complete path rejects the line
        }
        values[i] = v;
        if (k != FlowLinePlan.K_NUM) {
          warn |= numberWarning(k, v, plan);
        }
      } else if (k == FlowLinePlan.K_ADDRESS) {
        if (!isV4(b, vs, fe) && !isV6(b, vs, fe)) {
          warn |= W_ADDRESS;
        }
      } else if (k == FlowLinePlan.K_ENUM) {
        if (!isKnown(plan, i, b, vs, fe)) {
          warn |= W_ENUM;
        }
      } else if (fe - vs != 1 || b[vs] < '0' || b[vs] > '3') {
        warn |= W_ENUM; // encryption-status
      }
    }
    return ((long) (warn | windowWarning(plan, values)) << 32) | end;
  }

  /**
   * The field-by-field fast path of a line that ends at a line feed: each field's end is found
   * from words loaded at its start, by the field's kind — a numeric field's digits are located,
   * checked and converted from the same one or two words (so its bytes are never searched for a
   * space separately), any other field's end is the first byte below {@code '!'} found eight bytes
   * at a time. It finds exactly what {@link #scan} finds with {@code toLineFeed} true, and answers
   * {@link #DECLINED} for anything it does not handle itself: a line within 16 bytes of {@code
   * limit}, a number of 16 digits or more, a tab or other control byte, and every line {@link
   * #scan} would not accept. The caller then runs {@link #scan}. A plan of the default layout
   * ({@link FlowLinePlan#hasDefaultLayout}) takes a copy of this loop unrolled for its kinds.
   *
   * @param b the bytes
   * @param s the line's first byte
   * @param limit the end of the valid data (the line ends at the first line feed before it)
   * @param plan the format's plan
   * @param bounds receives start and end of each field ({@code 2 * plan.size()} ints)
   * @param values receives each numeric field's value (-1 for {@code -})
   * @return {@code warnings << 32 | lineFeed}, or {@link #DECLINED}
   */
  public static long scanLine(byte[] b, int s, int limit, FlowLinePlan plan, int[] bounds, long[] values) {
    if (plan.defaultLayout) {
      return scanDefault(b, s, limit, plan, bounds, values);
    }
    if (s >= limit) {
      return DECLINED;
    }
    byte c0 = b[s];
    if (c0 <= ' ' || (c0 >= 'a' && c0 <= 'z')) {
      return DECLINED; // blank, irregular, non-ASCII first byte or possibly a header line
    }
    byte[] kinds = plan.kinds;
    int last = kinds.length - 1;
    int warn = 0;
    int fs = s;
    int nl = -1;
    long w0 = 0;
    long w1 = 0;
    int firstLen = -1;
    long first0 = 0;
    long first1 = 0;
    boolean firstV4 = false;
    int secondLen = -1;
    long second0 = 0;
    long second1 = 0;
    boolean secondV4 = false;
    for (int i = 0; i <= last; i++) {
      if (fs + 16 > limit) {
        return DECLINED;
      }
      byte k = kinds[i];
      int d;
      if (k >= FlowLinePlan.K_NUM && k <= FlowLinePlan.K_TRAFFIC) {
        d = numberEnd(b, fs, values, i);
        if (d < 0) {
          return DECLINED; // 16 digits or more, an empty field or not a number
        }
        long v = values[i];
        if (k < FlowLinePlan.K_VERSION) {
          if (v > RANGE_MAX[k]) { // a plain number, port or byte without a call (- is -1)
            warn |= W_RANGE;
          }
        } else if (v >= 0) {
          warn |= numberWarning(k, v, plan);
        }
      } else if (k == FlowLinePlan.K_ADDRESS) {
        w0 = (long) LONGS.get(b, fs);
        w1 = (long) LONGS.get(b, fs + 8);
        d = addressEnd(b, fs, limit, w0, w1);
        if (d < 0) {
          return DECLINED;
        }
      } else {
        d = textEnd(b, fs, limit);
        if (d < 0) {
          return DECLINED;
        }
      }
      byte c = b[d];
      if (i < last) {
        if (c != ' ') {
          return DECLINED;
        }
      } else if (c == '\n') {
        nl = d;
      } else if (c == '\r' && d + 1 < limit && b[d + 1] == '\n' && d > fs) {
        nl = d + 1;
      } else {
        return DECLINED;
      }
      bounds[2 * i] = fs;
      bounds[2 * i + 1] = d;
      if (k > FlowLinePlan.K_TRAFFIC) {
        if (d - fs == 1 && b[fs] == '-') {
          values[i] = -1;
        } else if (k == FlowLinePlan.K_ADDRESS) {
          int len = d - fs;
          boolean v4;
          if (len >= 7 && len <= 15) {
            // the line's first two dotted-quad candidates are remembered, so a later field with the
            // same bytes (pkt-srcaddr and pkt-dstaddr mostly repeat srcaddr and dstaddr) is not checked again
            long k0 = w0 & (len >= 8 ? -1L : (1L << (8 * len)) - 1);
            long k1 = w1 & (len > 8 ? -1L >>> (8 * (16 - len)) : 0);
            if (len == firstLen && k0 == first0 && k1 == first1) {
              v4 = firstV4;
            } else if (len == secondLen && k0 == second0 && k1 == second1) {
              v4 = secondV4;
            } else {
              v4 = isV4Words(b, fs, len, w0, w1);
              if (firstLen < 0) {
                firstLen = len;
                first0 = k0;
                first1 = k1;
                firstV4 = v4;
              } else if (secondLen < 0) {
                secondLen = len;
                second0 = k0;
                second1 = k1;
                secondV4 = v4;
              }
            }
          } else {
            v4 = false; // too short or too long for a dotted quad
          }
          if (!v4 && !isV6(b, fs, d)) {
            warn |= W_ADDRESS;
          }
        } else if (k == FlowLinePlan.K_ENUM) {
          if (!(d - fs <= 8 ? isKnownWord(plan, i, b, fs, d) : isKnown(plan, i, b, fs, d))) {
            warn |= W_ENUM;
          }
        } else if (d - fs != 1 || b[fs] < '0' || b[fs] > '3') {
          warn |= W_ENUM; // encryption-status
        }
      }
      fs = d + 1;
    }
    return ((long) (warn | windowWarning(plan, values)) << 32) | nl;
  }

  /**
   * {@link #scanLine} for a plan of the default (version 2) layout ({@link
   * FlowLinePlan#defaultLayout}): the same checks, field by field without looking up each
   * position's kind, so that each field costs only its own work. Answers exactly what the
   * general loop answers.
   */
  private static long scanDefault(byte[] b, int s, int limit, FlowLinePlan plan, int[] bounds, long[] values) {
    if (s + 16 > limit || bounds.length < 28 || values.length < 14) {
      return DECLINED;
    }
    byte c0 = b[s];
    if (c0 <= ' ' || (c0 >= 'a' && c0 <= 'z')) {
      return DECLINED; // blank, irregular, non-ASCII first byte or possibly a header line
    }
    int d = numberEnd(b, s, values, 0); // version
    if (d < 0 || b[d] != ' ') {
      return DECLINED;
    }
    bounds[0] = s;
    bounds[1] = d;
    int warn = values[0] >= 0 && values[0] < plan.highestVersion ? W_VERSION : 0;
    int fs = d + 1;
    for (int i = 1; i <= 4; i++) { // account-id, interface-id: any text; srcaddr, dstaddr
      d = i <= 2 ? textEnd(b, fs, limit)
          : fs + 16 > limit ? -1 : addressEnd(b, fs, limit, (long) LONGS.get(b, fs), (long) LONGS.get(b, fs + 8));
      if (d < 0 || b[d] != ' ') {
        return DECLINED;
      }
      bounds[2 * i] = fs;
      bounds[2 * i + 1] = d;
      if (i > 2) {
        if (d - fs == 1 && b[fs] == '-') {
          values[i] = -1;
        } else if (!isAddress(b, fs, d)) {
          warn |= W_ADDRESS;
        }
      }
      fs = d + 1;
    }
    for (int i = 5; i <= 11; i++) { // srcport, dstport, protocol, packets, bytes, start, end
      if (fs + 16 > limit) {
        return DECLINED;
      }
      d = numberEnd(b, fs, values, i);
      if (d < 0 || b[d] != ' ') {
        return DECLINED;
      }
      bounds[2 * i] = fs;
      bounds[2 * i + 1] = d;
      if (values[i] > (i <= 6 ? 65535 : i == 7 ? 255 : Long.MAX_VALUE)) {
        warn |= W_RANGE;
      }
      fs = d + 1;
    }
    int nl = -1;
    for (int i = 12; i <= 13; i++) { // action, log-status
      d = textEnd(b, fs, limit);
      if (d < 0) {
        return DECLINED;
      }
      byte c = b[d];
      if (i == 12) {
        if (c != ' ') {
          return DECLINED;
        }
      } else if (c == '\n') {
        nl = d;
      } else if (c == '\r' && d + 1 < limit && b[d + 1] == '\n') {
        nl = d + 1;
      } else {
        return DECLINED;
      }
      bounds[2 * i] = fs;
      bounds[2 * i + 1] = d;
      if (d - fs == 1 && b[fs] == '-') {
        values[i] = -1;
      } else if (!(d - fs <= 8 ? isKnownWord(plan, i, b, fs, d) : isKnown(plan, i, b, fs, d))) {
        warn |= W_ENUM;
      }
      fs = d + 1;
    }
    long start = values[10];
    long end = values[11];
    warn |= start < 0 ? W_NO_TIME : end >= 0 && start > end ? W_WINDOW : 0;
    return ((long) warn << 32) | nl;
  }

  /** Whether {@code [s, e)} (with {@code s + 16} at most {@code b.length}) is an IPv4 or IPv6 address. */
  private static boolean isAddress(byte[] b, int s, int e) {
    int len = e - s;
    if (len >= 7 && len <= 15 && isV4Words(b, s, len, (long) LONGS.get(b, s), (long) LONGS.get(b, s + 8))) {
      return true;
    }
    return isV6(b, s, e);
  }

  /**
   * The end of the digits (or the lone {@code -}) at {@code fs}, whose value (-1 for {@code -}) it
   * stores at {@code values[i]}; or -1 for 16 digits or more, an empty field or a byte that is
   * neither. The terminator is not checked. Needs {@code fs + 16} at most {@code b.length}.
   */
  private static int numberEnd(byte[] b, int fs, long[] values, int i) {
    long x = (long) LONGS.get(b, fs) ^ ZEROS;
    long nd = ((x + NOT_DIGIT) | x) & HIGHS; // high bit of each byte that is not a digit
    long v;
    int d;
    if (nd == 0) {
      long x2 = (long) LONGS.get(b, fs + 8) ^ ZEROS;
      long nd2 = ((x2 + NOT_DIGIT) | x2) & HIGHS;
      if (nd2 == 0) {
        return -1; // 16 digits or more (the byte after them is not in the words)
      }
      int k2 = Long.numberOfTrailingZeros(nd2) >>> 3;
      v = digits8(x);
      if (k2 > 0) {
        v = v * POW10[k2] + digits8(x2 << (64 - 8 * k2));
      }
      d = fs + 8 + k2;
    } else {
      int len = Long.numberOfTrailingZeros(nd) >>> 3;
      if (len > 0) {
        v = digits8(x << (64 - 8 * len));
      } else if (b[fs] == '-') {
        v = -1;
      } else {
        return -1; // an empty field or not a number
      }
      d = fs + Math.max(len, 1);
    }
    values[i] = v;
    return d;
  }

  /**
   * The end of the address field at {@code fs} (the first byte below {@code '!'}; the first 16
   * bytes, the words {@code w0} and {@code w1}, are searched without a branch on the length), or
   * -1 for an empty field or near {@code limit}.
   */
  private static int addressEnd(byte[] b, int fs, int limit, long w0, long w1) {
    int t0 = Long.numberOfTrailingZeros((w0 - BELOW_BANG) & ~w0 & HIGHS) >>> 3; // the lowest hit is exact
    int t1 = Long.numberOfTrailingZeros((w1 - BELOW_BANG) & ~w1 & HIGHS) >>> 3;
    int d = fs + (t0 < 8 ? t0 : 8 + t1);
    if (d == fs + 16) {
      d = longField(b, fs + 16, limit);
    }
    return d == fs ? -1 : d;
  }

  /** The end of the field at {@code fs} (the first byte below {@code '!'}), or -1 for an empty field or near {@code limit}. */
  private static int textEnd(byte[] b, int fs, int limit) {
    int d = longField(b, fs, limit);
    return d == fs ? -1 : d;
  }

  /** The first byte below {@code '!'} at or after {@code p}, found a word at a time, or -1 near {@code limit}. */
  private static int longField(byte[] b, int p, int limit) {
    while (p + 8 <= limit) {
      long w = (long) LONGS.get(b, p);
      long m = (w - BELOW_BANG) & ~w & HIGHS;
      if (m != 0) {
        return p + (Long.numberOfTrailingZeros(m) >>> 3);
      }
      p += 8;
    }
    return -1;
  }

  /**
   * {@link #isKnown} for a field of at most eight bytes none of which is below {@code '!'} (as
   * {@link #scanLine} guarantees): the zero-extended word alone identifies the text, so the known
   * words are compared without a branch.
   */
  private static boolean isKnownWord(FlowLinePlan plan, int pos, byte[] b, int s, int e) {
    long w = (long) LONGS.get(b, s) & (-1L >>> (64 - 8 * (e - s)));
    boolean hit = false;
    for (long k : plan.knownWords[pos]) {
      hit |= w == k;
    }
    return hit;
  }

  /** The answer of {@link #scanLine} when {@link #scan} must decide. */
  public static final long DECLINED = -2;

  private static final long BELOW_BANG = 0x2121212121212121L;
  /** The largest value of a K_TEXT, K_NUM, K_PORT and K_BYTE number. */
  private static final long[] RANGE_MAX = {Long.MAX_VALUE, Long.MAX_VALUE, 65535, 255};
  private static final long[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000};

  /** The value of eight digit values (0..9, most significant in the lowest byte). */
  private static long digits8(long x) {
    x = (x * 2561) >>> 8;
    x = ((x & 0x00FF00FF00FF00FFL) * 6553601) >>> 16;
    return ((x & 0x0000FFFF0000FFFFL) * 42949672960001L) >>> 32;
  }

  /** The start/end warnings from the values of a line. */
  private static int windowWarning(FlowLinePlan plan, long[] values) {
    int sp = plan.startPos;
    if (sp < 0 || values[sp] < 0) {
      return W_NO_TIME;
    }
    int ep = plan.endPos;
    return ep >= 0 && values[ep] >= 0 && values[sp] > values[ep] ? W_WINDOW : 0;
  }

  /** The size {@link #scan}'s {@code delims} must have for a format of {@code n} fields. */
  public static int delimsSize(int n) {
    return n + 9;
  }

  /** The warning of a numeric field's value (kinds other than {@link FlowLinePlan#K_NUM}). */
  private static int numberWarning(byte kind, long v, FlowLinePlan plan) {
    return switch (kind) {
      case FlowLinePlan.K_PORT -> v > 65535 ? W_RANGE : 0;
      case FlowLinePlan.K_BYTE -> v > 255 ? W_RANGE : 0;
      case FlowLinePlan.K_VERSION -> v < plan.highestVersion ? W_VERSION : 0;
      default -> trafficKnown(plan, v) ? 0 : W_ENUM;
    };
  }

  private static boolean trafficKnown(FlowLinePlan plan, long v) {
    return v < 64 ? (plan.trafficKnown & (1L << v)) != 0 : TrafficPath.of(v).isKnown();
  }

  private static boolean isKnown(FlowLinePlan plan, int pos, byte[] b, int s, int e) {
    int len = e - s;
    if (len <= 8 && e >= 8) {
      long w = (long) LONGS.get(b, e - 8) >>> (8 * (8 - len)); // the field's bytes, zero-extended
      long[] words = plan.knownWords[pos];
      int[] lens = plan.knownLengths[pos];
      for (int i = 0; i < words.length; i++) {
        if (w == words[i] && len == lens[i]) {
          return true;
        }
      }
      return false;
    }
    for (byte[] k : plan.known[pos]) {
      if (k.length == len && java.util.Arrays.equals(k, 0, len, b, s, e)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code [s, e)} is a dotted-quad IPv4 address exactly as {@link IpAddress#parseV4}
   * accepts it (four decimal octets up to 255, no leading zeros); see {@link #isV4Words}.
   */
  static boolean isV4(byte[] b, int s, int e) {
    int len = e - s;
    if (len < 7 || len > 15 || s + 16 > b.length) {
      return len >= 7 && len <= 15 && IpAddress.parseV4(b, s, e) >= 0;
    }
    return isV4Words(b, s, len, (long) LONGS.get(b, s), (long) LONGS.get(b, s + 8));
  }

  /**
   * {@link #isV4} of the {@code len} (7..15) bytes at {@code s}, whose two words ({@code s + 16}
   * at most {@code b.length}) are given: the bytes are classified eight at a time, the dots
   * gathered into a 16-bit mask whose bits give the octets' lengths, and each octet checked
   * without converting it — a three-digit octet is compared with {@code 255} as a big-endian
   * number, a leading zero is its first byte. No branch depends on the octets' lengths.
   */
  static boolean isV4Words(byte[] b, int s, int len, long w0, long w1) {
    long v0 = len >= 8 ? HIGHS : HIGHS >>> (8 * (8 - len));
    long v1 = len > 8 ? HIGHS >>> (8 * (16 - len)) : 0;
    long x0 = w0 ^ ZEROS;
    long x1 = w1 ^ ZEROS;
    long n0 = ((x0 + NOT_DIGIT) | x0) & v0; // the bytes that are not digits: they must be dots
    long n1 = ((x1 + NOT_DIGIT) | x1) & v1;
    int dots = (int) (((n0 * GATHER) >>> 56) | (((n1 * GATHER) >>> 56) << 8));
    if (((n0 & ~zeroBytes(w0 ^ DOTS)) | (n1 & ~zeroBytes(w1 ^ DOTS))) != 0 || Integer.bitCount(dots) != 3) {
      return false;
    }
    int p1 = Integer.numberOfTrailingZeros(dots);
    int p3 = 31 - Integer.numberOfLeadingZeros(dots);
    int p2 = Integer.numberOfTrailingZeros(dots & (dots - 1));
    int l1 = p2 - p1 - 1;
    int l2 = p3 - p2 - 1;
    int l3 = len - p3 - 1;
    if ((((p1 - 1) | (3 - p1) | (l1 - 1) | (3 - l1) | (l2 - 1) | (3 - l2) | (l3 - 1) | (3 - l3)) >>> 31) != 0) {
      return false; // an empty octet or one of more than three digits
    }
    return octet(b, s, p1) & octet(b, s + p1 + 1, l1) & octet(b, s + p2 + 1, l2) & octet(b, s + p3 + 1, l3);
  }

  /** Whether the {@code len} (1..3) digits at {@code p} are an octet: at most 255, no leading zero. */
  private static boolean octet(byte[] b, int p, int len) {
    int digits = (int) INTS_BE.get(b, p) >>> (8 * (4 - len)); // the octet's bytes as a big-endian number
    return (len < 3 | digits <= ('2' << 16 | '5' << 8 | '5')) & (len == 1 | b[p] != '0');
  }

  /**
   * The non-negative decimal value of {@code [s, e)}, or -1 if it is not 1 to 19 digits (or does
   * not fit a long): up to eight digits are checked and converted at once.
   */
  public static long number(byte[] b, int s, int e) {
    int len = e - s;
    if (len == 1) {
      int d = b[s] - '0';
      return d >= 0 && d <= 9 ? d : -1;
    }
    if (len >= 2 && len <= 8 && e >= 8) {
      return eight(b, e - 8, len);
    }
    if (len > 8 && len <= 16 && e >= 16) {
      long lo = eight(b, e - 8, 8);
      long hi = eight(b, e - 16, len - 8);
      return lo < 0 || hi < 0 ? -1 : hi * 100_000_000L + lo;
    }
    return scalar(b, s, e);
  }

  /** The value of the last {@code len} (1..8) bytes of the word at {@code p}, or -1 if not all digits. */
  private static long eight(byte[] b, int p, int len) {
    long w = ((long) LONGS.get(b, p) & KEEP[len]) | PAD[len];
    long x = w ^ ZEROS;
    if ((((x + NOT_DIGIT) | x) & HIGHS) != 0) {
      return -1;
    }
    return digits8(x);
  }

  /** The byte-at-a-time conversion (1 to 19 digits; -1 otherwise or on overflow). */
  public static long scalar(byte[] b, int s, int e) {
    int len = e - s;
    if (len <= 0 || len > 19) {
      return -1;
    }
    long v = 0;
    for (int i = s; i < e; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v < 0 ? -1 : v;
  }

  /**
   * Whether {@code [s, e)} is an IPv6 address in the text forms {@link IpAddress#tryParse} accepts
   * (hex groups, at most one {@code ::}, an optional dotted IPv4 tail). No allocation.
   */
  public static boolean isV6(byte[] b, int s, int e) {
    if (e - s < 2 || e - s > 45) {
      return false;
    }
    int groups = 0;
    boolean gap = false;
    int p = s;
    if (b[p] == ':') {
      if (b[p + 1] != ':') {
        return false;
      }
      gap = true;
      p += 2;
      if (p == e) {
        return true;
      }
    }
    while (p < e) {
      int q = p;
      while (q < e && q - p < 5 && hex(b[q])) {
        q++;
      }
      if (q < e && b[q] == '.') {
        if (!gap && groups < 6) {
          return false; // an IPv4 tail needs six groups before it, or a ::
        }
        long v4 = IpAddress.parseV4(b, p, e);
        return v4 >= 0 && (gap ? groups <= 5 : groups == 6);
      }
      int len = q - p;
      if (len == 0 || len > 4) {
        return false;
      }
      groups++;
      if (q == e) {
        break;
      }
      if (b[q] != ':') {
        return false;
      }
      q++;
      if (q < e && b[q] == ':') {
        if (gap) {
          return false;
        }
        gap = true;
        q++;
        if (q == e) {
          break;
        }
      } else if (q == e) {
        return false;
      }
      p = q;
    }
    return gap ? groups <= 7 : groups == 8;
  }

  private static boolean hex(byte c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
