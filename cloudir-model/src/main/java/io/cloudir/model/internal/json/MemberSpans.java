package io.cloudir.model.internal.json;

import java.nio.charset.StandardCharsets;

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
   * JsonValue.get}). Returns the mask of those indexes whose value is a string holding an escape.
   */
  public static int index(byte[] b, int p, ByteNames names, long[] spans) {
    int esc = 0;
    int end = b.length; // validated: white space never runs past the closing brace
    p = JsonScanner.skipWs(b, p + 1, end);
    if (b[p] == '}') {
      return esc;
    }
    while (true) {
      int ne = JsonScanner.skipValidatedString(b, p);
      int id;
      if (JsonStrings.hasEscape(b, p + 1, ne - 1)) {
        byte[] d = JsonStrings.decode(b, p + 1, ne - 1).getBytes(StandardCharsets.UTF_8);
        id = names.lookup(d, 0, d.length);
      } else {
        id = names.lookup(b, p + 1, ne - 1);
      }
      p = JsonScanner.skipWs(b, JsonScanner.skipWs(b, ne, end) + 1, end);
      int ve = JsonScanner.skipValidated(b, p);
      if (id >= 0) {
        spans[id] = ((long) p << 32) | ve;
        if (b[p] == '"' && JsonStrings.hasEscape(b, p + 1, ve - 1)) {
          esc |= 1 << id;
        } else {
          esc &= ~(1 << id);
        }
      }
      p = JsonScanner.skipWs(b, ve, end);
      if (b[p] == '}') {
        return esc;
      }
      p = JsonScanner.skipWs(b, p + 1, end);
    }
  }
}
