package io.cloudir.model.internal.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Validates one JSON object and records, in the same pass, where the value of each member named
 * by an {@link ObjectSchema} starts and ends (and those of one nested object), plus where every
 * other top-level member is. Duplicate names at the top level and in the nested object are
 * rejected (as {@link JsonSyntaxError}s), so typed accessors are never ambiguous. When the schema
 * names a rows slot, the members of that array's object elements are located in the same pass
 * ({@link #rowCount()}, {@link #rowSpan}).
 *
 * <p>A span is {@code start << 32 | end} (0 = absent). After a successful {@link #index} the
 * state describes that object until the next call; {@link #spansCopy()} and {@link
 * #extrasCopy()} give copies for an immutable record.
 *
 * <p>Not thread-safe: one per reader.
 */
public final class ObjectIndexer {
  private static final int[] NO_EXTRAS = new int[0];
  private static final long[] NO_ROWS = new long[0];
  /** {@link #rowsFast}: the array is not in the plain shape it handles; validate it generically. */
  private static final int BAIL = -2;

  private final ObjectSchema schema;
  private final long[] spans;
  /** The UTF-8 bytes of the top-level names, then of the nested names (by slot). */
  private final byte[][] slotNames;
  /**
   * Prediction of the next member's slot from the previous one's ({@code [prev + 2]}; {@code [0]}
   * at an object's start, {@code [1]} after an unknown name), learnt from the records read: a hit
   * costs one comparison instead of a hash lookup; a miss falls back to the lookup.
   */
  private final int[] predictTop;
  private final int[] predictNested;
  private long escMask;
  private int[] extras = new int[12];
  private int extraCount;
  private byte[] buf = new byte[0];
  private final int rowWidth;
  private long[] rows = new long[32];
  private int rowCount;
  private int start;
  private int end;

  /** An indexer for records of {@code schema}. */
  public ObjectIndexer(ObjectSchema schema) {
    this.schema = schema;
    this.spans = new long[schema.slots()];
    this.slotNames = new byte[schema.slots()][];
    for (int i = 0; i < schema.top.length; i++) {
      slotNames[i] = schema.top[i].getBytes(StandardCharsets.UTF_8);
    }
    for (int i = 0; i < schema.nested.length; i++) {
      slotNames[schema.top.length + i] = schema.nested[i].getBytes(StandardCharsets.UTF_8);
    }
    this.predictTop = new int[schema.top.length + 2];
    this.predictNested = new int[schema.nested.length + 2];
    Arrays.fill(predictTop, -1);
    Arrays.fill(predictNested, -1);
    this.rowWidth = schema.rowNames.length;
  }

  /** The schema. */
  public ObjectSchema schema() {
    return schema;
  }

  /**
   * Validates and indexes the object at {@code p}.
   *
   * @param depth the nesting depth of the object's container (0 at top level)
   * @return the index after the object, or {@link JsonScanner#INCOMPLETE}
   * @throws JsonSyntaxError if the bytes are not one JSON object, or a limit is exceeded
   */
  public int index(byte[] b, int p, int limit, boolean atEof, JsonScanner sc, int depth)
      throws JsonSyntaxError {
    Arrays.fill(spans, 0L);
    escMask = 0;
    extraCount = 0;
    rowCount = 0;
    buf = b;
    start = p;
    if (b[p] != '{') {
      throw new JsonSyntaxError(p, "a record must be a JSON object");
    }
    int e = members(b, p, limit, atEof, sc, depth, false);
    if (e >= 0) {
      end = e;
    }
    return e;
  }

  private int members(byte[] b, int p, int limit, boolean atEof, JsonScanner sc, int depth,
      boolean nested) throws JsonSyntaxError {
    if (depth + 1 > sc.maxDepth()) {
      throw new JsonSyntaxError(p, "nesting deeper than " + sc.maxDepth(), true);
    }
    ByteNames names = nested ? schema.nestedNames : schema.topNames;
    int base = nested ? schema.top.length : 0;
    p = sc.ws(b, p + 1, limit);
    if (p >= limit) {
      return eof(p, atEof);
    }
    if (b[p] == '}') {
      return p + 1;
    }
    int maxName = sc.maxStringBytes();
    int[] predict = nested ? predictNested : predictTop;
    int prev = -2;
    while (true) {
      if (b[p] != '"') {
        throw new JsonSyntaxError(p, "expected a member name but found '" + JsonScanner.printable(b[p]) + "'");
      }
      int ns = p;
      int guess = predict[prev + 2];
      int id;
      boolean nameEsc;
      byte[] gk = guess >= 0 ? slotNames[base + guess] : null;
      int gn = gk != null ? gk.length : 0;
      if (gk != null && gn <= maxName && ns + gn + 2 < limit && b[ns + gn + 1] == '"'
          && names.matchesAt(guess, b, ns + 1)) {
        // the predicted name, then its closing quote: a valid string (names hold no quote,
        // backslash or control byte), so it needs no scan
        id = guess;
        nameEsc = false;
        p = ns + gn + 2;
      } else {
        p = sc.scanString(b, p, limit);
        if (p < 0) {
          return eof(limit, atEof);
        }
        nameEsc = sc.lastStringEscaped;
        id = nameEsc ? lookupEscaped(names, b, ns + 1, p - 1) : names.lookup(b, ns + 1, p - 1);
        predict[prev + 2] = id;
      }
      p = sc.ws(b, p, limit);
      if (p >= limit) {
        return eof(p, atEof);
      }
      if (b[p] != ':') {
        throw new JsonSyntaxError(p, "expected ':' but found '" + JsonScanner.printable(b[p]) + "'");
      }
      p = sc.ws(b, p + 1, limit);
      if (p >= limit) {
        return eof(p, atEof);
      }
      int vs = p;
      prev = id < 0 ? -1 : id;
      int slot = id < 0 ? -1 : base + id;
      if (slot >= 0 && spans[slot] != 0) {
        throw new JsonSyntaxError(ns, "duplicate key \"" + schema.name(slot) + "\"");
      }
      int ve;
      if (!nested && id >= 0 && id == schema.nestedField && b[vs] == '{') {
        ve = members(b, vs, limit, atEof, sc, depth + 1, true);
      } else if (slot >= 0 && slot == schema.rowsSlot && b[vs] == '[') {
        ve = rows(b, vs, limit, sc, depth + 1);
      } else {
        ve = sc.skipValue(b, vs, limit, depth + 1, false);
      }
      if (ve < 0) {
        return eof(limit, atEof);
      }
      if (slot >= 0) {
        spans[slot] = ((long) vs << 32) | ve;
        if (b[vs] == '"' && sc.lastStringEscaped) {
          escMask |= 1L << slot;
        }
      } else if (!nested) {
        addExtra(b, ns, nameEsc, vs, ve);
      }
      p = sc.ws(b, ve, limit);
      if (p >= limit) {
        return eof(p, atEof);
      }
      if (b[p] == ',') {
        p = sc.ws(b, p + 1, limit);
        if (p >= limit) {
          return eof(p, atEof);
        }
        continue;
      }
      if (b[p] == '}') {
        return p + 1;
      }
      throw new JsonSyntaxError(p, "expected ',' or '}' but found '" + JsonScanner.printable(b[p]) + "'");
    }
  }

  /**
   * Validates the array at {@code p} (as {@link JsonScanner#skipValue} would at container depth
   * {@code depth}, with the same errors) and locates the members of its object elements.
   */
  private int rows(byte[] b, int p, int limit, JsonScanner sc, int depth) throws JsonSyntaxError {
    int nl = sc.newlines;
    int e = rowsFast(b, p, limit, sc, depth);
    if (e == BAIL) {
      // an unusual shape or an error: the generic scan validates (and reports errors exactly as
      // for any other value), then the rows are read from the validated bytes
      rowCount = 0;
      sc.newlines = nl;
      e = sc.skipValue(b, p, limit, depth, false);
      if (e >= 0) {
        rowsValidated(b, p);
      }
    }
    return e;
  }

  /**
   * One validating pass over an array of objects whose members are strings (any other value is
   * scanned by {@link JsonScanner#skipValue}): the index after the array, {@link
   * JsonScanner#INCOMPLETE}, or {@link #BAIL} at anything else (including every syntax error
   * not found by the scanner's own methods).
   */
  private int rowsFast(byte[] b, int p, int limit, JsonScanner sc, int depth) throws JsonSyntaxError {
    int max = sc.maxDepth();
    if (depth >= max) {
      return BAIL;
    }
    p = sc.ws(b, p + 1, limit);
    if (p >= limit) {
      return JsonScanner.INCOMPLETE;
    }
    if (b[p] == ']') {
      return p + 1;
    }
    while (true) {
      if (b[p] == '{') {
        if (depth + 1 >= max) {
          return BAIL;
        }
        int r = rowCount * rowWidth;
        if (r + rowWidth > rows.length) {
          rows = Arrays.copyOf(rows, rows.length * 2);
        }
        Arrays.fill(rows, r, r + rowWidth, 0L);
        boolean any = false;
        p = sc.ws(b, p + 1, limit);
        if (p >= limit) {
          return JsonScanner.INCOMPLETE;
        }
        if (b[p] != '}') {
          while (true) {
            if (b[p] != '"') {
              return BAIL;
            }
            int ns = p;
            p = sc.scanString(b, p, limit);
            if (p < 0) {
              return JsonScanner.INCOMPLETE;
            }
            int ne = p;
            p = sc.ws(b, p, limit);
            if (p >= limit) {
              return JsonScanner.INCOMPLETE;
            }
            if (b[p] != ':') {
              return BAIL;
            }
            p = sc.ws(b, p + 1, limit);
            if (p >= limit) {
              return JsonScanner.INCOMPLETE;
            }
            int vs = p;
            p = b[p] == '"' ? sc.scanString(b, p, limit) : sc.skipValue(b, p, limit, depth + 2, false);
            if (p < 0) {
              return JsonScanner.INCOMPLETE;
            }
            if (b[vs] != 'n') {
              int k = rowName(b, ns + 1, ne - 1);
              if (k >= 0) {
                rows[r + k] = ((long) vs << 32) | p;
                any = true;
              }
            }
            int t = separator(b, p, limit, sc, (byte) '}');
            if (t <= CLOSED) {
              p = CLOSED - t;
              break;
            }
            if (t < 0) {
              return t;
            }
            p = t;
          }
        } else {
          p++;
        }
        if (any) {
          rowCount++;
        }
      } else {
        p = sc.skipValue(b, p, limit, depth + 1, false);
        if (p < 0) {
          return JsonScanner.INCOMPLETE;
        }
      }
      int t = separator(b, p, limit, sc, (byte) ']');
      if (t <= CLOSED) {
        return CLOSED - t;
      }
      if (t < 0) {
        return t;
      }
      p = t;
    }
  }

  /** {@link #separator}'s answer at the closing byte: {@code CLOSED - (index after it)}. */
  private static final int CLOSED = -3;

  /**
   * After an item at {@code p}: the next item's index (after the comma), {@code CLOSED - e} when
   * the container closes with {@code close} ({@code e} after it), {@link JsonScanner#INCOMPLETE},
   * or {@link #BAIL} at anything else.
   */
  private static int separator(byte[] b, int p, int limit, JsonScanner sc, byte close) {
    p = sc.ws(b, p, limit);
    if (p >= limit) {
      return JsonScanner.INCOMPLETE;
    }
    if (b[p] == ',') {
      p = sc.ws(b, p + 1, limit);
      return p >= limit ? JsonScanner.INCOMPLETE : p;
    }
    return b[p] == close ? CLOSED - (p + 1) : BAIL;
  }

  /** The rows of the validated array at {@code p}. */
  private void rowsValidated(byte[] b, int p) {
    int end = JsonScanner.skipValidated(b, p);
    p = JsonScanner.skipWs(b, p + 1, end);
    while (p < end && b[p] != ']') {
      int next;
      if (b[p] == '{') {
        int r = rowCount * rowWidth;
        if (r + rowWidth > rows.length) {
          rows = Arrays.copyOf(rows, rows.length * 2);
        }
        Arrays.fill(rows, r, r + rowWidth, 0L);
        boolean any = false;
        int q = JsonScanner.skipWs(b, p + 1, end);
        while (b[q] == '"') {
          int ne = JsonScanner.skipValidatedString(b, q);
          int vs = JsonScanner.skipWs(b, JsonScanner.skipWs(b, ne, end) + 1, end);
          int ve = JsonScanner.skipValidated(b, vs);
          if (b[vs] != 'n') {
            int k = rowName(b, q + 1, ne - 1);
            if (k >= 0) {
              rows[r + k] = ((long) vs << 32) | ve;
              any = true;
            }
          }
          q = JsonScanner.skipWs(b, ve, end);
          if (b[q] == ',') {
            q = JsonScanner.skipWs(b, q + 1, end);
          }
        }
        next = q + 1; // after the object's '}'
        if (any) {
          rowCount++;
        }
      } else {
        next = JsonScanner.skipValidated(b, p);
      }
      p = JsonScanner.skipWs(b, next, end);
      if (p < end && b[p] == ',') {
        p = JsonScanner.skipWs(b, p + 1, end);
      }
    }
  }

  /** The index of the row member named by the raw bytes {@code [s, e)}, or -1. */
  private int rowName(byte[] b, int s, int e) {
    byte[][] names = schema.rowNames;
    int n = e - s;
    for (int k = 0; k < names.length; k++) {
      byte[] m = names[k];
      if (m.length == n) {
        // names are a few bytes: a plain loop beats Arrays.equals here
        int i = 0;
        while (i < n && m[i] == b[s + i]) {
          i++;
        }
        if (i == n) {
          return k;
        }
      }
    }
    return -1;
  }

  private static int eof(int p, boolean atEof) throws JsonSyntaxError {
    if (atEof) {
      throw new JsonSyntaxError(p, "unexpected end of input");
    }
    return JsonScanner.INCOMPLETE;
  }

  private static int lookupEscaped(ByteNames names, byte[] b, int s, int e) {
    byte[] d = JsonStrings.decode(b, s, e).getBytes(StandardCharsets.UTF_8);
    return names.lookup(d, 0, d.length);
  }

  private void addExtra(byte[] b, int ns, boolean nameEsc, int vs, int ve) throws JsonSyntaxError {
    int nlen = JsonScanner.skipValidatedString(b, ns) - ns;
    String decoded = null;
    for (int i = 0; i < extraCount; i++) {
      int os = extras[3 * i];
      int oe = JsonScanner.skipValidatedString(b, os);
      boolean same = oe - os == nlen && Arrays.equals(b, os, oe, b, ns, ns + nlen);
      if (!same && (nameEsc || JsonStrings.hasEscape(b, os + 1, oe - 1))) {
        if (decoded == null) {
          decoded = JsonStrings.decode(b, ns + 1, ns + nlen - 1);
        }
        same = decoded.equals(JsonStrings.decode(b, os + 1, oe - 1));
      }
      if (same) {
        throw new JsonSyntaxError(ns, "duplicate key " + new String(b, ns, nlen, StandardCharsets.UTF_8));
      }
    }
    if (3 * extraCount + 3 > extras.length) {
      extras = Arrays.copyOf(extras, extras.length * 2);
    }
    extras[3 * extraCount] = ns;
    extras[3 * extraCount + 1] = vs;
    extras[3 * extraCount + 2] = ve;
    extraCount++;
  }

  /** The bytes of the last indexed object. */
  public byte[] buffer() {
    return buf;
  }

  /** Where the last indexed object starts. */
  public int start() {
    return start;
  }

  /** Where the last indexed object ends (exclusive). */
  public int end() {
    return end;
  }

  /** The span of a slot in the last indexed object (0 = absent). */
  public long span(int slot) {
    return spans[slot];
  }

  /** Bit {@code slot} set: that slot's value is a string with escapes. */
  public long escMask() {
    return escMask;
  }

  /** A copy of the spans. */
  public long[] spansCopy() {
    return spans.clone();
  }

  /** The number of rows (object elements with at least one located member) of the last object. */
  public int rowCount() {
    return rowCount;
  }

  /** The span of member {@code k} of row {@code row} (0 = absent or null). */
  public long rowSpan(int row, int k) {
    return rows[row * rowWidth + k];
  }

  /** A copy of the rows: {@link ObjectSchema#rowWidth()} spans per row. */
  public long[] rowsCopy() {
    return rowCount == 0 ? NO_ROWS : Arrays.copyOf(rows, rowCount * rowWidth);
  }

  /** The number of unknown top-level members. */
  public int extraCount() {
    return extraCount;
  }

  /** A copy of the unknown members: name start, value start, value end for each. */
  public int[] extrasCopy() {
    return extraCount == 0 ? NO_EXTRAS : Arrays.copyOf(extras, 3 * extraCount);
  }

  /**
   * The span of the unknown top-level member whose name is the ASCII text {@code name} (without
   * escapes), or 0.
   */
  public long extra(String name) {
    for (int i = 0; i < extraCount; i++) {
      int ns = extras[3 * i];
      int ne = JsonScanner.skipValidatedString(buf, ns);
      if (ne - ns - 2 == name.length()) {
        boolean eq = true;
        for (int k = 0; k < name.length(); k++) {
          if (buf[ns + 1 + k] != name.charAt(k)) {
            eq = false;
            break;
          }
        }
        if (eq) {
          return ((long) extras[3 * i + 1] << 32) | extras[3 * i + 2];
        }
      }
    }
    return 0;
  }
}
