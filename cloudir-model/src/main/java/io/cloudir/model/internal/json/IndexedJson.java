package io.cloudir.model.internal.json;

import io.cloudir.model.json.JsonValue;
import io.cloudir.model.net.IpAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The validated bytes of one JSON record with the spans found by an {@link ObjectIndexer}: the
 * shared core of cloudir's JSON records other than CloudTrail. Decodes on demand; low-cardinality
 * values come from {@link Canonical}.
 *
 * <p>Immutable and thread-safe (the bytes are never written after construction).
 */
public final class IndexedJson {
  /** A number accessor's answer when the value is absent, null or not a number. */
  public static final long ABSENT = Long.MIN_VALUE;

  private final ObjectSchema schema;
  private final byte[] buf;
  private final int start;
  private final int end;
  private final long[] spans;
  private final long escMask;
  private final int[] extras;
  private final long[] rows;

  private IndexedJson(ObjectSchema schema, byte[] buf, int start, int end, long[] spans, long escMask,
      int[] extras, long[] rows) {
    this.schema = schema;
    this.buf = buf;
    this.start = start;
    this.end = end;
    this.spans = spans;
    this.escMask = escMask;
    this.extras = extras;
    this.rows = rows;
  }

  /**
   * The object last indexed by {@code ix}: sharing its bytes (the caller promises they never
   * change) or holding a copy of just the object's bytes.
   */
  public static IndexedJson of(ObjectIndexer ix, boolean copyBytes) {
    long[] sp = ix.spansCopy();
    int[] ex = ix.extrasCopy();
    long[] rw = ix.rowsCopy();
    byte[] b = ix.buffer();
    int s = ix.start();
    int e = ix.end();
    if (!copyBytes) {
      return new IndexedJson(ix.schema(), b, s, e, sp, ix.escMask(), ex, rw);
    }
    byte[] c = Arrays.copyOfRange(b, s, e);
    shift(sp, ex, rw, s);
    return new IndexedJson(ix.schema(), c, 0, e - s, sp, ix.escMask(), ex, rw);
  }

  /** Moves spans, extras and rows {@code by} bytes towards the start. */
  private static void shift(long[] sp, int[] ex, long[] rw, int by) {
    long sh = ((long) by << 32) | by;
    for (int i = 0; i < sp.length; i++) {
      if (sp[i] != 0) {
        sp[i] -= sh;
      }
    }
    for (int i = 0; i < rw.length; i++) {
      if (rw[i] != 0) {
        rw[i] -= sh;
      }
    }
    for (int i = 0; i < ex.length; i++) {
      ex[i] -= by;
    }
  }

  /** This record holding only a copy of its own bytes. */
  public IndexedJson detach() {
    if (start == 0 && end == buf.length) {
      return this;
    }
    long[] sp = spans.clone();
    int[] ex = extras.clone();
    long[] rw = rows.clone();
    shift(sp, ex, rw, start);
    return new IndexedJson(schema, Arrays.copyOfRange(buf, start, end), 0, end - start, sp, escMask, ex, rw);
  }

  /**
   * The number of rows of the schema's rows slot: its object elements that have at least one of
   * {@link ObjectSchema}'s row members (non-null), in order.
   */
  public int rowCount() {
    int w = schema.rowWidth();
    return w == 0 ? 0 : rows.length / w;
  }

  /** The span of row member {@code k} of row {@code row}: its last non-null value (0 = none). */
  public long rowSpan(int row, int k) {
    return rows[row * schema.rowWidth() + k];
  }

  /** The bytes (shared: never modify). */
  public byte[] buffer() {
    return buf;
  }

  /** Index of the record's first byte in {@link #buffer()}. */
  public int start() {
    return start;
  }

  /** Index after the record's last byte. */
  public int end() {
    return end;
  }

  /** Whether a slot is present (even if JSON null). */
  public boolean has(int slot) {
    return spans[slot] != 0;
  }

  /** Whether a slot is absent or JSON null. */
  public boolean isNullOrAbsent(int slot) {
    long sp = spans[slot];
    return sp == 0 || buf[(int) (sp >>> 32)] == 'n';
  }

  /** The first byte of a slot's value, or 0 if absent. */
  public byte firstByte(int slot) {
    long sp = spans[slot];
    return sp == 0 ? 0 : buf[(int) (sp >>> 32)];
  }

  /** Where a slot's value starts in {@link #buffer()} (including a string's quote), or -1. */
  public int valueStart(int slot) {
    long sp = spans[slot];
    return sp == 0 ? -1 : (int) (sp >>> 32);
  }

  /** Where a slot's value ends (exclusive), or -1. */
  public int valueEnd(int slot) {
    long sp = spans[slot];
    return sp == 0 ? -1 : (int) sp;
  }

  /** Whether a slot is a string containing escapes. */
  public boolean escaped(int slot) {
    return (escMask & (1L << slot)) != 0;
  }

  /**
   * A slot's text: a string's decoded contents (canonical instance when asked and possible),
   * another scalar's or container's JSON text; null when absent or JSON null.
   */
  public @Nullable String text(int slot, boolean canonical) {
    long sp = spans[slot];
    if (sp == 0) {
      return null;
    }
    int s = (int) (sp >>> 32);
    int e = (int) sp;
    byte c = buf[s];
    if (c == '"') {
      if (escaped(slot)) {
        return JsonStrings.decode(buf, s + 1, e - 1);
      }
      return canonical ? Canonical.of(buf, s + 1, e - 1)
          : new String(buf, s + 1, e - s - 2, StandardCharsets.UTF_8);
    }
    if (c == 'n') {
      return null;
    }
    return new String(buf, s, e - s, StandardCharsets.UTF_8);
  }

  /** Whether a slot is a string equal to the ASCII text {@code s} (no allocation without escapes). */
  public boolean textEquals(int slot, String s) {
    long sp = spans[slot];
    if (sp == 0) {
      return false;
    }
    int vs = (int) (sp >>> 32);
    int ve = (int) sp;
    if (buf[vs] != '"') {
      return false;
    }
    if (escaped(slot)) {
      return JsonStrings.decode(buf, vs + 1, ve - 1).equals(s);
    }
    int n = ve - vs - 2;
    if (n != s.length()) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (buf[vs + 1 + i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** A slot's value as JSON, or null if absent. */
  public @Nullable JsonValue value(int slot) {
    long sp = spans[slot];
    return sp == 0 ? null : JsonValue.ofValidated(buf, (int) (sp >>> 32), (int) sp);
  }

  /** A slot's value as JSON, or null if absent or JSON null. */
  public @Nullable JsonValue nonNull(int slot) {
    long sp = spans[slot];
    if (sp == 0 || buf[(int) (sp >>> 32)] == 'n') {
      return null;
    }
    return JsonValue.ofValidated(buf, (int) (sp >>> 32), (int) sp);
  }

  /**
   * A slot's integer value: a JSON integer, or a string holding only an optional {@code -} and
   * digits (AWS writes some numbers as strings); {@link #ABSENT} when absent, null, not such a
   * value, or outside the range of a long.
   */
  public long integer(int slot) {
    long sp = spans[slot];
    if (sp == 0) {
      return ABSENT;
    }
    int s = (int) (sp >>> 32);
    int e = (int) sp;
    if (buf[s] == '"') {
      if (escaped(slot)) {
        return ABSENT;
      }
      s++;
      e--;
    }
    return parseLong(buf, s, e);
  }

  /** Whether a slot holds a number written as a JSON string (e.g. {@code "56067"}). */
  public boolean isQuotedNumber(int slot) {
    long sp = spans[slot];
    if (sp == 0) {
      return false;
    }
    int s = (int) (sp >>> 32);
    int e = (int) sp;
    return buf[s] == '"' && !escaped(slot) && parseLong(buf, s + 1, e - 1) != ABSENT;
  }

  /** The integer in bytes {@code [s, e)} (optional {@code -}, 1 to 18 digits), or {@link #ABSENT}. */
  public static long parseLong(byte[] b, int s, int e) {
    boolean neg = s < e && b[s] == '-';
    if (neg) {
      s++;
    }
    int n = e - s;
    if (n < 1 || n > 18) {
      return ABSENT;
    }
    long v = 0;
    for (int i = s; i < e; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return ABSENT;
      }
      v = v * 10 + d;
    }
    return neg ? -v : v;
  }

  /** A slot's string value as an IP address, or null when absent, not a string or not an address. */
  public @Nullable IpAddress ip(int slot) {
    long sp = spans[slot];
    if (sp == 0) {
      return null;
    }
    int s = (int) (sp >>> 32);
    int e = (int) sp;
    if (buf[s] != '"') {
      return null;
    }
    if (escaped(slot)) {
      return IpAddress.tryParse(JsonStrings.decode(buf, s + 1, e - 1));
    }
    return IpAddress.tryParse(buf, s + 1, e - 1);
  }

  /** A slot's epoch nanoseconds of an ISO-8601 string value, or {@link IsoTime#INVALID}. */
  public long isoNanos(int slot) {
    long sp = spans[slot];
    if (sp == 0) {
      return IsoTime.INVALID;
    }
    int s = (int) (sp >>> 32);
    int e = (int) sp;
    if (buf[s] != '"') {
      return IsoTime.INVALID;
    }
    if (escaped(slot)) {
      byte[] d = JsonStrings.decode(buf, s + 1, e - 1).getBytes(StandardCharsets.UTF_8);
      return IsoTime.parseNanos(d, 0, d.length);
    }
    return IsoTime.parseNanos(buf, s + 1, e - 1);
  }

  /** FNV-1a 64 of a slot's decoded string (or JSON text of another value); 0 if absent or null. */
  public long hash(int slot) {
    long sp = spans[slot];
    if (sp == 0) {
      return 0;
    }
    int s = (int) (sp >>> 32);
    int e = (int) sp;
    byte[] b = buf;
    if (b[s] == 'n') {
      return 0;
    }
    if (b[s] == '"') {
      if (escaped(slot)) {
        b = JsonStrings.decode(buf, s + 1, e - 1).getBytes(StandardCharsets.UTF_8);
        s = 0;
        e = b.length;
      } else {
        s++;
        e--;
      }
    }
    long h = 0xcbf29ce484222325L;
    for (int i = s; i < e; i++) {
      h ^= b[i] & 0xFF;
      h *= 0x100000001b3L;
    }
    return h;
  }

  /** Whether the value of a slot is absent, null, or a JSON value whose first byte is one of {@code firsts}. */
  public boolean typeIs(int slot, String firsts) {
    long sp = spans[slot];
    if (sp == 0) {
      return true;
    }
    byte c = buf[(int) (sp >>> 32)];
    if (c == 'n') {
      return true;
    }
    for (int i = 0; i < firsts.length(); i++) {
      char f = firsts.charAt(i);
      if (c == f || (f == '0' && (c == '-' || (c >= '0' && c <= '9'))) || (f == 't' && c == 'f')) {
        return true;
      }
    }
    return false;
  }

  /** The unknown top-level members in order, as written. */
  public Map<String, JsonValue> unknownFields() {
    if (extras.length == 0) {
      return Map.of();
    }
    Map<String, JsonValue> m = new LinkedHashMap<>();
    for (int i = 0; i < extras.length; i += 3) {
      int ns = extras[i];
      int ne = JsonScanner.skipValidatedString(buf, ns);
      m.put(JsonStrings.decode(buf, ns + 1, ne - 1), JsonValue.ofValidated(buf, extras[i + 1], extras[i + 2]));
    }
    return Collections.unmodifiableMap(m);
  }

  /** The whole record as a JSON value (the bytes as read). */
  public JsonValue json() {
    return JsonValue.ofValidated(buf, start, end);
  }

  /** The record as delivered, on one line (white space outside strings removed). */
  public String toJson() {
    return JsonCompact.compact(buf, start, end);
  }
}
