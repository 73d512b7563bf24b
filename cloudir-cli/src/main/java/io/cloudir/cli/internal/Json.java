package io.cloudir.cli.internal;

import java.time.Instant;
import java.util.Collection;
import org.jspecify.annotations.Nullable;

/**
 * A tiny JSON writer for the investigation commands' output lines.
 *
 * <p>Not thread-safe (wraps one StringBuilder).
 */
final class Json {
  private final StringBuilder sb = new StringBuilder(256).append('{');
  private boolean first = true;

  private Json key(String k) {
    if (!first) {
      sb.append(',');
    }
    first = false;
    str(sb, k);
    return this.colon();
  }

  private Json colon() {
    sb.append(':');
    return this;
  }

  Json put(String k, @Nullable String v) {
    key(k);
    if (v == null) {
      sb.append("null");
    } else {
      str(sb, v);
    }
    return this;
  }

  Json put(String k, @Nullable Instant v) {
    return put(k, v == null ? null : v.toString());
  }

  Json put(String k, long v) {
    key(k);
    sb.append(v);
    return this;
  }

  Json putStrings(String k, Collection<String> v) {
    key(k);
    sb.append('[');
    boolean f = true;
    for (String s : v) {
      if (!f) {
        sb.append(',');
      }
      f = false;
      str(sb, s);
    }
    sb.append(']');
    return this;
  }

  /** Writes a raw JSON value (already valid JSON). */
  Json putRaw(String k, String json) {
    key(k);
    sb.append(json);
    return this;
  }

  /** The object as one line. */
  String end() {
    return sb.append('}').toString();
  }

  /** {@code s} as a JSON string literal appended to {@code out}. */
  static void str(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
