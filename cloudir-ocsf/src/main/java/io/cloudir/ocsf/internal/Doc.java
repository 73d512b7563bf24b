package io.cloudir.ocsf.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A JSON object under construction: members in insertion order, {@code null} values and empty
 * objects or arrays left out when written, nested objects created on first use by {@link #obj}.
 * Values are {@link String}, {@link Long}, {@link Integer}, {@link Boolean}, {@link Doc}, {@link
 * Raw} (JSON text already valid) or a {@link List} of those.
 *
 * <p>Not thread-safe: one writer call builds and serialises one document.
 */
public final class Doc {
  private final Map<String, Object> members = new LinkedHashMap<>();

  /** JSON text that is already valid (copied as it is). */
  public record Raw(String json) {}

  /** Sets {@code name} to {@code value}; {@code null} removes nothing and adds nothing. */
  public Doc put(String name, @Nullable Object value) {
    if (value != null) {
      members.put(name, value);
    }
    return this;
  }

  /** Sets {@code name} to {@code value} when it is not negative (the records' "absent" marker). */
  public Doc putCount(String name, long value) {
    if (value >= 0) {
      members.put(name, value);
    }
    return this;
  }

  /** The nested object {@code name}, created when missing. */
  public Doc obj(String name) {
    Object o = members.get(name);
    if (o instanceof Doc d) {
      return d;
    }
    Doc d = new Doc();
    members.put(name, d);
    return d;
  }

  /** Appends {@code value} to the array {@code name}, created when missing. */
  @SuppressWarnings("unchecked")
  public Doc add(String name, Object value) {
    Object o = members.get(name);
    List<Object> list;
    if (o instanceof List<?> l) {
      list = (List<Object>) l;
    } else {
      list = new ArrayList<>();
      members.put(name, list);
    }
    list.add(value);
    return this;
  }

  /** Appends {@code value} to the array {@code name} unless the array already holds it. */
  public Doc addDistinct(String name, Object value) {
    Object o = members.get(name);
    if (o instanceof List<?> l && l.contains(value)) {
      return this;
    }
    return add(name, value);
  }

  /** Whether {@code name} would be written (present and not empty). */
  public boolean has(String name) {
    Object v = members.get(name);
    return v != null && !emptyValue(v);
  }

  /** Whether nothing would be written for this object. */
  public boolean isEmpty() {
    for (Object v : members.values()) {
      if (!emptyValue(v)) {
        return false;
      }
    }
    return true;
  }

  private static boolean emptyValue(Object v) {
    if (v instanceof Doc d) {
      return d.isEmpty();
    }
    if (v instanceof List<?> l) {
      for (Object e : l) {
        if (!emptyValue(e)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /** The object as one line of JSON text. */
  public String toJson() {
    StringBuilder sb = new StringBuilder(512);
    write(sb);
    return sb.toString();
  }

  private void write(StringBuilder sb) {
    sb.append('{');
    boolean more = false;
    for (Map.Entry<String, Object> e : members.entrySet()) {
      if (emptyValue(e.getValue())) {
        continue;
      }
      if (more) {
        sb.append(',');
      }
      more = true;
      string(sb, e.getKey());
      sb.append(':');
      value(sb, e.getValue());
    }
    sb.append('}');
  }

  private static void value(StringBuilder sb, Object v) {
    if (v instanceof String s) {
      string(sb, s);
    } else if (v instanceof Doc d) {
      d.write(sb);
    } else if (v instanceof Raw r) {
      sb.append(r.json());
    } else if (v instanceof List<?> l) {
      sb.append('[');
      boolean more = false;
      for (Object e : l) {
        if (emptyValue(e)) {
          continue;
        }
        if (more) {
          sb.append(',');
        }
        more = true;
        value(sb, e);
      }
      sb.append(']');
    } else {
      sb.append(v); // Long, Integer, Boolean
    }
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** Appends {@code s} as a JSON string: quotes, backslash and controls escaped (RFC 8259). */
  static void string(StringBuilder sb, String s) {
    sb.append('"');
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\' && c != 0x2028 && c != 0x2029) {
        continue;
      }
      sb.append(s, run, i);
      run = i + 1;
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c == '\n') {
        sb.append("\\n");
      } else {
        sb.append("\\u").append(HEX[c >>> 12]).append(HEX[(c >>> 8) & 15])
            .append(HEX[(c >>> 4) & 15]).append(HEX[c & 15]);
      }
    }
    sb.append(s, run, s.length()).append('"');
  }
}
