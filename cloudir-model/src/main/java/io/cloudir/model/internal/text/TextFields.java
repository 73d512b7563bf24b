package io.cloudir.model.internal.text;

import io.cloudir.model.Location;
import io.cloudir.model.internal.json.Canonical;
import io.cloudir.model.internal.json.IsoTime;
import io.cloudir.model.internal.json.JsonStrings;
import io.cloudir.model.net.IpAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Byte-level scanning and decoding for space-delimited AWS text logs (S3 server access logs, load
 * balancer access logs): fields are kept as {@code [start, end)} spans into the line's bytes and
 * decoded only when asked. No regular expressions; the scanning methods do not allocate.
 *
 * <p>Stateless and thread-safe.
 */
public final class TextFields {
  /** How a field's value is typed. */
  public enum Kind {
    /** Free text. */
    STRING,
    /** Low-cardinality text: decoded to canonical shared Strings. */
    CANONICAL,
    /** An integer (JSON number). */
    INT,
    /** A decimal number such as {@code 0.001} (JSON number). */
    DECIMAL,
    /** An ISO-8601 time, with or without a zone (then UTC). */
    TIME_ISO,
    /** An S3 time {@code 06/Feb/2019:00:00:38 +0000} (the brackets are not part of the span). */
    TIME_S3,
    /** An IP address. */
    IP,
    /** {@code ip:port} or {@code [ipv6]:port}, written to JSON as {@code <name>_ip} and {@code <name>_port}. */
    IP_PORT
  }

  /** How the closing quote of a quoted field is found. */
  public enum Quote {
    /** The first quote followed by a space or the end of the line. */
    FIRST,
    /** The last quote of the line that is followed by a space or the end of the line. */
    LAST,
    /** The first quote followed by {@code " \""} (another quoted field) or the end of the line. */
    BEFORE_QUOTED,
    /** The first quote followed by an HTTP status ({@code ddd} or {@code -}) and a space (S3 Request-URI). */
    BEFORE_STATUS,
    /** The first quote followed by three unquoted fields and a quoted one, or the end (ALB user agent). */
    BEFORE_THREE_BARE
  }

  /** Returned by {@link #parseLong} for {@code -}. */
  public static final long ABSENT = Long.MIN_VALUE;
  /** Returned by {@link #parseLong} for a value that is not an integer. */
  public static final long INVALID = Long.MIN_VALUE + 1;

  private TextFields() {}

  /** The first index at or after {@code p} that is not a space (or {@code e}). */
  public static int skipSpaces(byte[] b, int p, int e) {
    while (p < e && b[p] == ' ') {
      p++;
    }
    return p;
  }

  /** The first space at or after {@code p} (or {@code e}). */
  public static int tokenEnd(byte[] b, int p, int e) {
    while (p < e && b[p] != ' ') {
      p++;
    }
    return p;
  }

  private static boolean endsField(byte[] b, int j, int e) {
    return j + 1 == e || b[j + 1] == ' ';
  }

  /**
   * The index of the quote closing the quoted field that opens at {@code open}, or -1.
   *
   * @param b the line bytes
   * @param open index of the opening quote
   * @param e end of the line
   * @param mode how to recognise the closing quote
   */
  public static int closeQuote(byte[] b, int open, int e, Quote mode) {
    if (mode == Quote.LAST) {
      for (int j = e - 1; j > open; j--) {
        if (b[j] == '"' && endsField(b, j, e)) {
          return j;
        }
      }
      return -1;
    }
    int first = -1;
    for (int j = open + 1; j < e; j++) {
      byte c = b[j];
      if (c == '\\' && j + 1 < e && b[j + 1] == '"' && !endsField(b, j + 1, e)) {
        j++; // an escaped quote inside the field
        continue;
      }
      if (c != '"' || !endsField(b, j, e)) {
        continue;
      }
      if (first < 0) {
        first = j;
      }
      if (j + 1 == e || mode == Quote.FIRST) {
        return j;
      }
      if (follows(b, j + 2, e, mode)) {
        return j;
      }
    }
    return first;
  }

  private static boolean follows(byte[] b, int p, int e, Quote mode) {
    switch (mode) {
      case BEFORE_QUOTED:
        return p < e && b[p] == '"';
      case BEFORE_STATUS: {
        int t = tokenEnd(b, p, e);
        if (t == e) {
          return false;
        }
        if (t - p == 1 && b[p] == '-') {
          return true;
        }
        return t - p == 3 && digit(b[p]) && digit(b[p + 1]) && digit(b[p + 2]);
      }
      case BEFORE_THREE_BARE: {
        int q = p;
        for (int k = 0; k < 3; k++) {
          if (q >= e) {
            return false;
          }
          int t = tokenEnd(b, q, e);
          if (t == q) {
            return false;
          }
          for (int i = q; i < t; i++) {
            if (b[i] == '"') {
              return false;
            }
          }
          if (t >= e) {
            return k == 2;
          }
          q = t + 1;
        }
        return q < e && b[q] == '"';
      }
      default:
        return true;
    }
  }

  private static boolean digit(byte c) {
    return c >= '0' && c <= '9';
  }

  /**
   * Splits the line {@code [s, e)} into fields separated by runs of spaces. A field that starts
   * with {@code "} is quoted (when {@code quotes}): its span excludes the quotes and its closing
   * quote is found by {@code modes[i]} ({@link Quote#FIRST} beyond the array). Field {@code
   * bracketField} must be {@code [ ... ]} (its span excludes the brackets); -1 for none.
   *
   * @return {@code out[0]} = the number of fields, then {@code start, end} per field ({@code out}
   *     itself when it was large enough, else a larger array)
   * @throws LineSyntaxException for an unterminated quote or bracket
   */
  public static int[] split(byte[] b, int s, int e, boolean quotes, Quote[] modes, int bracketField,
      int[] out, Location where) {
    int[] spans = out;
    int n = 0;
    int p = skipSpaces(b, s, e);
    while (p < e) {
      int fs;
      int fe;
      int next;
      byte c = b[p];
      if (n == bracketField) {
        if (c != '[') {
          throw syntax(where, "field " + (n + 1) + " is not a [bracketed] time", p - s);
        }
        int close = -1;
        for (int j = p + 1; j < e; j++) {
          if (b[j] == ']') {
            close = j;
            break;
          }
        }
        if (close < 0 || !(close + 1 == e || b[close + 1] == ' ')) {
          throw syntax(where, "field " + (n + 1) + ": unterminated [time]", p - s);
        }
        fs = p + 1;
        fe = close;
        next = close + 1;
      } else if (quotes && c == '"') {
        Quote mode = n < modes.length ? modes[n] : Quote.FIRST;
        int close = closeQuote(b, p, e, mode);
        if (close < 0) {
          throw syntax(where, "field " + (n + 1) + ": unterminated quoted value", p - s);
        }
        fs = p + 1;
        fe = close;
        next = close + 1;
      } else {
        fs = p;
        fe = tokenEnd(b, p, e);
        next = fe;
      }
      if (2 * n + 2 >= spans.length) {
        spans = Arrays.copyOf(spans, spans.length * 2 + 2);
      }
      spans[2 * n + 1] = fs;
      spans[2 * n + 2] = fe;
      n++;
      p = skipSpaces(b, next, e);
    }
    spans[0] = n;
    return spans;
  }

  /** A syntax error at {@code column} of the line whose location is {@code where}. */
  public static LineSyntaxException syntax(Location where, String reason, int column) {
    long off = where.offset() < 0 ? -1 : where.offset() + column;
    return new LineSyntaxException(new Location(where.source(), off, where.line(), null), reason, column);
  }

  /** The end of the line without trailing spaces, tabs and carriage returns. */
  public static int trimEnd(byte[] b, int s, int e) {
    while (e > s && (b[e - 1] == ' ' || b[e - 1] == '\t' || b[e - 1] == '\r')) {
      e--;
    }
    return e;
  }

  /** Whether {@code [s, e)} is exactly {@code -}. */
  public static boolean isDash(byte[] b, int s, int e) {
    return e - s == 1 && b[s] == '-';
  }

  /** Whether {@code [s, e)} is a JSON number ({@code -?(0|[1-9]d*)(.d+)?([eE][+-]?d+)?}). */
  public static boolean isJsonNumber(byte[] b, int s, int e) {
    int p = s;
    if (p < e && b[p] == '-') {
      p++;
    }
    if (p >= e || !digit(b[p])) {
      return false;
    }
    if (b[p] == '0') {
      p++;
    } else {
      while (p < e && digit(b[p])) {
        p++;
      }
    }
    if (p < e && b[p] == '.') {
      p++;
      int d = p;
      while (p < e && digit(b[p])) {
        p++;
      }
      if (p == d) {
        return false;
      }
    }
    if (p < e && (b[p] == 'e' || b[p] == 'E')) {
      p++;
      if (p < e && (b[p] == '+' || b[p] == '-')) {
        p++;
      }
      int d = p;
      while (p < e && digit(b[p])) {
        p++;
      }
      if (p == d) {
        return false;
      }
    }
    return p == e;
  }

  /** The integer in {@code [s, e)}: {@link #ABSENT} for {@code -}, {@link #INVALID} if not an integer. */
  public static long parseLong(byte[] b, int s, int e) {
    if (isDash(b, s, e)) {
      return ABSENT;
    }
    int p = s;
    boolean neg = false;
    if (p < e && b[p] == '-') {
      neg = true;
      p++;
    }
    if (p >= e || e - p > 18) {
      return INVALID;
    }
    long v = 0;
    for (; p < e; p++) {
      if (!digit(b[p])) {
        return INVALID;
      }
      v = v * 10 + (b[p] - '0');
    }
    return neg ? -v : v;
  }

  /** The decimal in {@code [s, e)}, or NaN for {@code -} or a value that is not a number. */
  public static double parseDecimal(byte[] b, int s, int e) {
    if (!isJsonNumber(b, s, e)) {
      return Double.NaN;
    }
    return Double.parseDouble(new String(b, s, e - s, StandardCharsets.ISO_8859_1));
  }

  /**
   * Epoch nanoseconds of an ISO-8601 time in {@code [s, e)}; without a zone it is read as UTC
   * (Network Load Balancer logs write {@code 2018-12-20T02:59:40}). {@link IsoTime#INVALID} if it is
   * not such a time.
   */
  public static long isoNanos(byte[] b, int s, int e) {
    if (noZone(b, s, e)) {
      return zonelessNanos(b, s, e);
    }
    return IsoTime.parseNanos(b, s, e);
  }

  /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]} read as UTC, or {@link IsoTime#INVALID}; no allocation. */
  private static long zonelessNanos(byte[] b, int s, int e) {
    if (b[s + 4] != '-' || b[s + 7] != '-' || (b[s + 10] != 'T' && b[s + 10] != 't') || b[s + 13] != ':'
        || b[s + 16] != ':') {
      return IsoTime.INVALID;
    }
    int y1 = d2(b, s);
    int y2 = d2(b, s + 2);
    int month = d2(b, s + 5);
    int day = d2(b, s + 8);
    int hour = d2(b, s + 11);
    int min = d2(b, s + 14);
    int sec = d2(b, s + 17);
    int year = y1 * 100 + y2;
    if (y1 < 0 || y2 < 0 || year < 1678 || year > 2261 || month < 1 || month > 12 || day < 1
        || day > daysIn(year, month) || hour < 0 || hour > 23 || min < 0 || min > 59 || sec < 0 || sec > 59) {
      return IsoTime.INVALID;
    }
    long nanos = 0;
    if (e - s > 19) {
      int digits = e - s - 20;
      if (digits < 1 || digits > 9) {
        return IsoTime.INVALID;
      }
      for (int i = s + 20; i < e; i++) {
        if (!digit(b[i])) {
          return IsoTime.INVALID;
        }
        nanos = nanos * 10 + (b[i] - '0');
      }
      for (int i = digits; i < 9; i++) {
        nanos *= 10;
      }
    }
    long secs = IsoTime.epochDay(year, month, day) * 86400L + hour * 3600L + min * 60L + sec;
    return secs * 1_000_000_000L + nanos;
  }

  private static int daysIn(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** Whether an ISO-8601 time of 19 to 29 bytes has no zone designator after its seconds. */
  private static boolean noZone(byte[] b, int s, int e) {
    if (e - s < 19 || e - s > 29 || (e - s > 19 && b[s + 19] != '.')) {
      return false;
    }
    for (int i = s + 19; i < e; i++) {
      if (!digit(b[i]) && b[i] != '.') {
        return false;
      }
    }
    return true;
  }

  private static final byte[][] MONTHS = {
    "Jan".getBytes(StandardCharsets.US_ASCII), "Feb".getBytes(StandardCharsets.US_ASCII),
    "Mar".getBytes(StandardCharsets.US_ASCII), "Apr".getBytes(StandardCharsets.US_ASCII),
    "May".getBytes(StandardCharsets.US_ASCII), "Jun".getBytes(StandardCharsets.US_ASCII),
    "Jul".getBytes(StandardCharsets.US_ASCII), "Aug".getBytes(StandardCharsets.US_ASCII),
    "Sep".getBytes(StandardCharsets.US_ASCII), "Oct".getBytes(StandardCharsets.US_ASCII),
    "Nov".getBytes(StandardCharsets.US_ASCII), "Dec".getBytes(StandardCharsets.US_ASCII)
  };

  private static int d2(byte[] b, int i) {
    return digit(b[i]) && digit(b[i + 1]) ? (b[i] - '0') * 10 + (b[i + 1] - '0') : -1;
  }

  /**
   * Epoch seconds of an S3 access log time {@code dd/Mon/yyyy:HH:mm:ss +hhmm} in {@code [s, e)}, or
   * {@link Long#MIN_VALUE} when it is not one.
   */
  public static long s3Seconds(byte[] b, int s, int e) {
    if (e - s != 26 || b[s + 2] != '/' || b[s + 6] != '/' || b[s + 11] != ':' || b[s + 14] != ':'
        || b[s + 17] != ':' || b[s + 20] != ' ' || (b[s + 21] != '+' && b[s + 21] != '-')) {
      return Long.MIN_VALUE;
    }
    int day = d2(b, s);
    int month = -1;
    for (int m = 0; m < 12; m++) {
      if (b[s + 3] == MONTHS[m][0] && b[s + 4] == MONTHS[m][1] && b[s + 5] == MONTHS[m][2]) {
        month = m + 1;
        break;
      }
    }
    int y1 = d2(b, s + 7);
    int y2 = d2(b, s + 9);
    int hour = d2(b, s + 12);
    int min = d2(b, s + 15);
    int sec = d2(b, s + 18);
    int oh = d2(b, s + 22);
    int om = d2(b, s + 24);
    if (day < 1 || month < 0 || y1 < 0 || y2 < 0 || hour < 0 || hour > 23 || min < 0 || min > 59
        || sec < 0 || sec > 60 || oh < 0 || oh > 23 || om < 0 || om > 59) {
      return Long.MIN_VALUE;
    }
    int year = y1 * 100 + y2;
    if (day > daysIn(year, month)) {
      return Long.MIN_VALUE;
    }
    long offset = (oh * 3600L + om * 60L) * (b[s + 21] == '-' ? -1 : 1);
    return IsoTime.epochDay(year, month, day) * 86400L + hour * 3600L + min * 60L + sec - offset;
  }

  /**
   * The index of the colon before the port in {@code ip:port} or {@code [ipv6]:port}, or -1 when
   * there is none.
   */
  public static int portColon(byte[] b, int s, int e) {
    for (int i = e - 1; i > s; i--) {
      byte c = b[i];
      if (c == ':') {
        return i + 1 < e ? i : -1;
      }
      if (!digit(c)) {
        return -1;
      }
    }
    return -1;
  }

  /** The host part of {@code ip:port} ({@code [ ]} removed) as {@code [start, end)} packed in a long. */
  public static long hostSpan(byte[] b, int s, int e) {
    int c = portColon(b, s, e);
    int he = c < 0 ? e : c;
    int hs = s;
    if (he - hs >= 2 && b[hs] == '[' && b[he - 1] == ']') {
      hs++;
      he--;
    }
    return ((long) hs << 32) | (he & 0xFFFFFFFFL);
  }

  /** The port of {@code ip:port}, or -1 when there is none or it is not a port. */
  public static int port(byte[] b, int s, int e) {
    int c = portColon(b, s, e);
    if (c < 0 || e - c - 1 > 5) {
      return -1;
    }
    long v = parseLong(b, c + 1, e);
    return v >= 0 && v <= 65535 ? (int) v : -1;
  }

  /** Whether {@code [s, e)} is an IPv4 or IPv6 address; allocates only for IPv6. */
  public static boolean isIp(byte[] b, int s, int e) {
    if (IpAddress.parseV4(b, s, e) >= 0) {
      return true;
    }
    for (int i = s; i < e; i++) {
      if (b[i] == ':') {
        return IpAddress.tryParse(b, s, e) != null;
      }
    }
    return false;
  }

  /** Whether the value of a field of this kind is well-formed ({@code -} always is). */
  public static boolean valid(Kind kind, byte[] b, int s, int e) {
    if (isDash(b, s, e)) {
      return true;
    }
    switch (kind) {
      case INT:
        return parseLong(b, s, e) > INVALID;
      case DECIMAL:
        return isJsonNumber(b, s, e);
      case TIME_ISO:
        return isoNanos(b, s, e) != IsoTime.INVALID;
      case TIME_S3:
        return s3Seconds(b, s, e) != Long.MIN_VALUE;
      case IP:
        return isIp(b, s, e);
      case IP_PORT: {
        long h = hostSpan(b, s, e);
        return port(b, s, e) >= 0 && isIp(b, (int) (h >>> 32), (int) h);
      }
      default:
        return true;
    }
  }

  /** What is odd about an invalid value of this kind, for a warning. */
  public static String oddness(Kind kind) {
    return switch (kind) {
      case INT -> "not an integer";
      case DECIMAL -> "not a number";
      case TIME_ISO -> "not an ISO-8601 time";
      case TIME_S3 -> "not a time of the form dd/Mon/yyyy:HH:mm:ss +hhmm";
      case IP -> "not an IP address";
      case IP_PORT -> "not ip:port";
      default -> "odd";
    };
  }

  /** The text of {@code [s, e)}, or null for {@code -}; canonical shared Strings when asked. */
  public static @Nullable String text(byte[] b, int s, int e, boolean canonical) {
    if (isDash(b, s, e)) {
      return null;
    }
    if (canonical) {
      return Canonical.of(b, s, e);
    }
    return new String(b, s, e - s, StandardCharsets.UTF_8);
  }

  /** Appends {@code "name":} to a JSON object under construction (with a comma when needed). */
  public static void key(StringBuilder sb, String name) {
    if (sb.length() > 1) {
      sb.append(',');
    }
    sb.append('"').append(name).append("\":");
  }

  /** Appends the bytes {@code [s, e)} as a JSON string. */
  public static void string(StringBuilder sb, byte[] b, int s, int e) {
    JsonStrings.quote(sb, new String(b, s, e - s, StandardCharsets.UTF_8));
  }

  /**
   * Appends the JSON value of a field: {@code null} for {@code -}; numbers as numbers and times as
   * ISO-8601 UTC when well-formed; otherwise the text as a string (nothing is lost).
   */
  public static void value(StringBuilder sb, Kind kind, byte[] b, int s, int e) {
    if (isDash(b, s, e)) {
      sb.append("null");
      return;
    }
    switch (kind) {
      case INT, DECIMAL -> {
        if (isJsonNumber(b, s, e)) {
          sb.append(new String(b, s, e - s, StandardCharsets.ISO_8859_1));
          return;
        }
      }
      case TIME_ISO -> {
        long n = isoNanos(b, s, e);
        if (n != IsoTime.INVALID) {
          if (b[e - 1] == 'Z') {
            string(sb, b, s, e);
          } else if (noZone(b, s, e)) {
            JsonStrings.quote(sb, new String(b, s, e - s, StandardCharsets.UTF_8) + "Z");
          } else {
            JsonStrings.quote(sb, Instant.ofEpochSecond(Math.floorDiv(n, 1_000_000_000L),
                Math.floorMod(n, 1_000_000_000L)).toString());
          }
          return;
        }
      }
      case TIME_S3 -> {
        long secs = s3Seconds(b, s, e);
        if (secs != Long.MIN_VALUE) {
          JsonStrings.quote(sb, Instant.ofEpochSecond(secs).toString());
          return;
        }
      }
      default -> {
        // text
      }
    }
    string(sb, b, s, e);
  }

  /** Appends {@code <name>_ip} and {@code <name>_port} of an {@code ip:port} field. */
  public static void ipPort(StringBuilder sb, String name, byte[] b, int s, int e) {
    key(sb, name + "_ip");
    if (isDash(b, s, e)) {
      sb.append("null");
      key(sb, name + "_port");
      sb.append("null");
      return;
    }
    long h = hostSpan(b, s, e);
    int hs = (int) (h >>> 32);
    int he = (int) h;
    if (he > hs) {
      string(sb, b, hs, he);
    } else {
      sb.append("null");
    }
    key(sb, name + "_port");
    int c = portColon(b, s, e);
    if (c < 0) {
      sb.append("null");
    } else if (port(b, s, e) >= 0) {
      sb.append(port(b, s, e));
    } else {
      string(sb, b, c + 1, e);
    }
  }
}
