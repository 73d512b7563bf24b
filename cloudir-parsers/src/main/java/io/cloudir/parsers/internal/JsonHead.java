package io.cloudir.parsers.internal;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Content detection helpers for JSON formats: the member names of the first object of a source's
 * head (possibly cut anywhere), read leniently, and whether the head is a CloudWatch Logs
 * subscription envelope.
 *
 * <p>Stateless and thread-safe.
 */
final class JsonHead {
  private JsonHead() {}

  /**
   * The top-level member names of the first JSON object in {@code head} (inside a top-level array
   * if the head starts with one); as many as the head holds. Empty when the head does not start
   * with an object or array.
   */
  static Set<String> firstObjectNames(byte[] head, int len) {
    Set<String> names = new HashSet<>();
    int p = 0;
    if (len >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
      p = 3;
    }
    p = ws(head, p, len);
    if (p < len && head[p] == '[') {
      p = ws(head, p + 1, len);
    }
    if (p >= len || head[p] != '{') {
      return names;
    }
    p = ws(head, p + 1, len);
    while (p < len && head[p] == '"') {
      int q = p + 1;
      while (q < len && head[q] != '"') {
        q += head[q] == '\\' ? 2 : 1;
      }
      if (q >= len) {
        return names;
      }
      names.add(new String(head, p + 1, q - p - 1, StandardCharsets.UTF_8));
      p = ws(head, q + 1, len);
      if (p >= len || head[p] != ':') {
        return names;
      }
      p = skipValue(head, ws(head, p + 1, len), len);
      p = ws(head, p, len);
      if (p >= len || head[p] != ',') {
        return names;
      }
      p = ws(head, p + 1, len);
    }
    return names;
  }

  private static int ws(byte[] b, int p, int len) {
    while (p < len && (b[p] == ' ' || b[p] == '\n' || b[p] == '\r' || b[p] == '\t')) {
      p++;
    }
    return p;
  }

  /** Skips a value leniently: to the ',' or '}' that ends it at depth 0, or to len. */
  private static int skipValue(byte[] b, int p, int len) {
    int depth = 0;
    while (p < len) {
      byte c = b[p];
      if (c == '"') {
        p++;
        while (p < len && b[p] != '"') {
          p += b[p] == '\\' ? 2 : 1;
        }
        p++;
        continue;
      }
      if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        if (depth == 0) {
          return p;
        }
        depth--;
      } else if (c == ',' && depth == 0) {
        return p;
      }
      p++;
    }
    return len;
  }

  /** Whether the names are those of a CloudWatch Logs subscription envelope. */
  static boolean isLogsEnvelope(Set<String> names) {
    return names.contains("logEvents") && (names.contains("messageType") || names.contains("logGroup"));
  }

  /** The head as text (at most 64 KiB). */
  static String text(byte[] head, int len) {
    return new String(head, 0, len, StandardCharsets.UTF_8);
  }

  /**
   * Detection score for a JSON format named by its member names: 90 when the first object names
   * {@code key} and one of {@code others}, 50 when it names just one of them; inside a CloudWatch
   * Logs envelope the same test on the escaped names in the messages gives 85.
   */
  static int score(byte[] head, int len, String key, String... others) {
    Set<String> names = firstObjectNames(head, len);
    if (names.isEmpty()) {
      return 0;
    }
    if (isLogsEnvelope(names)) {
      String t = text(head, len);
      if (t.contains("\\\"" + key + "\\\"")) {
        for (String o : others) {
          if (t.contains("\\\"" + o + "\\\"")) {
            return 85;
          }
        }
      }
      return 0;
    }
    int hits = 0;
    boolean hasKey = names.contains(key);
    for (String o : others) {
      if (names.contains(o)) {
        hits++;
      }
    }
    if (hasKey && hits > 0) {
      return 90;
    }
    return hasKey || hits > 1 ? 50 : 0;
  }
}
