package io.cloudir.model.internal.json;

import java.time.Instant;

/**
 * Parses ISO-8601 UTC timestamps of the shapes AWS writes ({@code 2023-07-10T11:45:00Z}, with an
 * optional fraction of up to nine digits and an optional {@code ±HH:MM} offset) straight from
 * bytes, with digits at fixed offsets. No allocation.
 *
 * <p>Stateless and thread-safe.
 */
public final class IsoTime {
  /** Returned when the bytes are not such a timestamp. */
  public static final long INVALID = Long.MIN_VALUE;

  private IsoTime() {}

  /** The instant {@code nanos} epoch nanoseconds (as {@link #parseNanos} returns, not {@link #INVALID}) stand for. */
  public static Instant instant(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }

  private static int d(byte[] b, int i) {
    int v = b[i] - '0';
    return (v >= 0 && v <= 9) ? v : -1000000;
  }

  /**
   * Epoch nanoseconds of the timestamp in bytes {@code [s, e)} (years 1678 to 2261, which is what
   * a long of nanoseconds holds), or {@link #INVALID} if the bytes are not such a timestamp. For
   * any year use {@link #parseEpochSecond} and {@link #nanoOfSecond}.
   */
  public static long parseNanos(byte[] b, int s, int e) {
    long secs = parseEpochSecond(b, s, e);
    if (secs == INVALID || e - s < 20) {
      return INVALID;
    }
    int year = d(b, s) * 1000 + d(b, s + 1) * 100 + d(b, s + 2) * 10 + d(b, s + 3);
    if (year < 1678 || year > 2261) {
      return INVALID;
    }
    return secs * 1_000_000_000L + nanoOfSecond(b, s, e);
  }

  /**
   * Epoch seconds of the timestamp in bytes {@code [s, e)} (years 0000 to 9999, any offset), or
   * {@link #INVALID} if the bytes are not such a timestamp; the fraction is {@link #nanoOfSecond}.
   */
  public static long parseEpochSecond(byte[] b, int s, int e) {
    int len = e - s;
    if (len < 20) {
      return INVALID;
    }
    int year = d(b, s) * 1000 + d(b, s + 1) * 100 + d(b, s + 2) * 10 + d(b, s + 3);
    if (b[s + 4] != '-' || b[s + 7] != '-' || (b[s + 10] != 'T' && b[s + 10] != 't')
        || b[s + 13] != ':' || b[s + 16] != ':') {
      return INVALID;
    }
    int month = d(b, s + 5) * 10 + d(b, s + 6);
    int day = d(b, s + 8) * 10 + d(b, s + 9);
    int hour = d(b, s + 11) * 10 + d(b, s + 12);
    int min = d(b, s + 14) * 10 + d(b, s + 15);
    int sec = d(b, s + 17) * 10 + d(b, s + 18);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour < 0
        || hour > 23 || min < 0 || min > 59 || sec < 0 || sec > 59) {
      return INVALID;
    }
    int p = s + 19;
    if (b[p] == '.') {
      p++;
      int digits = 0;
      while (p < e && b[p] >= '0' && b[p] <= '9') {
        digits++;
        p++;
      }
      if (digits == 0 || digits > 9) {
        return INVALID;
      }
    }
    long offsetSeconds = 0;
    if (p < e && (b[p] == 'Z' || b[p] == 'z') && p + 1 == e) {
      p++;
    } else if (p + 6 == e && (b[p] == '+' || b[p] == '-') && b[p + 3] == ':') {
      int oh = d(b, p + 1) * 10 + d(b, p + 2);
      int om = d(b, p + 4) * 10 + d(b, p + 5);
      if (oh < 0 || oh > 23 || om < 0 || om > 59) {
        return INVALID;
      }
      offsetSeconds = (oh * 3600L + om * 60L) * (b[p] == '+' ? 1 : -1);
    } else {
      return INVALID;
    }
    return epochDay(year, month, day) * 86400L + hour * 3600L + min * 60L + sec - offsetSeconds;
  }

  /**
   * The nanosecond of the second of a timestamp that {@link #parseEpochSecond} accepted (0 when
   * it has no fraction; digits after the ninth are not allowed there).
   */
  public static int nanoOfSecond(byte[] b, int s, int e) {
    int p = s + 19;
    if (p >= e || b[p] != '.') {
      return 0;
    }
    p++;
    int nanos = 0;
    int digits = 0;
    while (p < e && b[p] >= '0' && b[p] <= '9') {
      nanos = nanos * 10 + (b[p] - '0');
      digits++;
      p++;
    }
    for (int i = digits; i < 9; i++) {
      nanos *= 10;
    }
    return nanos;
  }

  /** Epoch milliseconds of the timestamp in bytes {@code [s, e)}, or {@link #INVALID}. */
  public static long parseMillis(byte[] b, int s, int e) {
    long n = parseNanos(b, s, e);
    return n == INVALID ? INVALID : Math.floorDiv(n, 1_000_000L);
  }

  static boolean leap(int y) {
    return (y & 3) == 0 && (y % 100 != 0 || y % 400 == 0);
  }

  static int daysIn(int y, int m) {
    return switch (m) {
      case 2 -> leap(y) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date. */
  public static long epochDay(int y, int m, int d) {
    long yy = m <= 2 ? y - 1 : y;
    long era = Math.floorDiv(yy, 400);
    long yoe = yy - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
  }
}
