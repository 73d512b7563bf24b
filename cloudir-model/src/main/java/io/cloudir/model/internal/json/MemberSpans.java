package io.cloudir.model.internal.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * One pass over a validated JSON object that records where the values of some member names are,
 * so that typed views answer each getter from the index instead of scanning the object again.
 *
 * <p>Stateless; thread-safe.
 */
public final class MemberSpans {
  private MemberSpans() {}

  /**
   * Indexes the validated object whose {@code '{'} is at {@code b[p]}: for each member whose name
   * (decoded) is one of {@code names}, stores {@code (valueStart << 32) | valueEnd} in {@code
   * spans} at the name's index (the last member of a repeated name wins, as in {@code
   * JsonValue.get}).
   */
  public static void index(byte[] b, int p, ByteNames names, long[] spans) {
    index(b, p, names, spans, null, null);
  }

  /**
   * {@link #index(byte[], int, ByteNames, long[])}, also indexing in the same pass the members of
   * the object values of some names: where {@code nestedNames[id]} is not null, the members of
   * the value of name {@code id} (when an object; the last one, as for every name) named there go
   * to {@code nestedSpans[id]}, which is cleared each time the name is met. Returns the index after
   * the object.
   */
  public static int index(byte[] b, int p, ByteNames names, long[] spans,
      @Nullable ByteNames @Nullable [] nestedNames, long @Nullable [] @Nullable [] nestedSpans) {
    int end = b.length; // validated: white space never runs past the closing brace
    p = JsonScanner.skipWs(b, p + 1, end);
    if (b[p] == '}') {
      return p + 1;
    }
    while (true) {
      int ne = JsonScanner.skipValidatedString(b, p);
      // the raw bytes first: a name they match has no backslash, so they are its decoded bytes
      int id = names.lookup(b, p + 1, ne - 1);
      if (id < 0 && JsonStrings.hasEscape(b, p + 1, ne - 1)) {
        byte[] d = JsonStrings.decode(b, p + 1, ne - 1).getBytes(StandardCharsets.UTF_8);
        id = names.lookup(d, 0, d.length);
      }
      p = JsonScanner.skipWs(b, JsonScanner.skipWs(b, ne, end) + 1, end);
      int ve;
      ByteNames nested = id >= 0 && nestedNames != null ? nestedNames[id] : null;
      long[] into = id >= 0 && nestedSpans != null ? nestedSpans[id] : null;
      if (nested != null && into != null) {
        Arrays.fill(into, 0L);
        ve = b[p] == '{' ? index(b, p, nested, into, null, null) : JsonScanner.skipValidated(b, p);
      } else {
        ve = JsonScanner.skipValidated(b, p);
      }
      if (id >= 0) {
        spans[id] = ((long) p << 32) | ve;
      }
      p = JsonScanner.skipWs(b, ve, end);
      if (b[p] == '}') {
        return p + 1;
      }
      p = JsonScanner.skipWs(b, p + 1, end);
    }
  }

  /** The mask of the indexes whose span holds a string with an escape. */
  public static int escapes(byte[] b, long[] spans) {
    int esc = 0;
    for (int id = 0; id < spans.length; id++) {
      long sp = spans[id];
      int s = (int) (sp >>> 32);
      if (sp != 0 && b[s] == '"' && JsonStrings.hasEscape(b, s + 1, (int) sp - 1)) {
        esc |= 1 << id;
      }
    }
    return esc;
  }
}
