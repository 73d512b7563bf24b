package io.cloudir.rules.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A minimal streaming JSON writer (commas handled; strings escaped per RFC 8259). */
public final class JsonOut {
  private final StringBuilder sb = new StringBuilder(256);
  private boolean needComma;

  /** Starts an object. */
  public JsonOut beginObject() {
    comma();
    sb.append('{');
    needComma = false;
    return this;
  }

  /** Ends an object. */
  public JsonOut endObject() {
    sb.append('}');
    needComma = true;
    return this;
  }

  /** Starts an array. */
  public JsonOut beginArray() {
    comma();
    sb.append('[');
    needComma = false;
    return this;
  }

  /** Ends an array. */
  public JsonOut endArray() {
    sb.append(']');
    needComma = true;
    return this;
  }

  /** A member name. */
  public JsonOut name(String n) {
    comma();
    quote(sb, n);
    sb.append(':');
    needComma = false;
    return this;
  }

  /** A string or null. */
  public JsonOut value(@Nullable String s) {
    comma();
    if (s == null) {
      sb.append("null");
    } else {
      quote(sb, s);
    }
    needComma = true;
    return this;
  }

  /** A number. */
  public JsonOut value(long n) {
    comma();
    sb.append(n);
    needComma = true;
    return this;
  }

  /** Raw JSON text (already valid). */
  public JsonOut raw(String json) {
    comma();
    sb.append(json);
    needComma = true;
    return this;
  }

  /** An array of strings. */
  public JsonOut strings(List<String> list) {
    beginArray();
    for (String s : list) {
      value(s);
    }
    return endArray();
  }

  private void comma() {
    if (needComma) {
      sb.append(',');
      needComma = false;
    }
  }

  /** Appends {@code s} as a JSON string. */
  public static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  /** {@code s} as a JSON string. */
  public static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2);
    quote(b, s);
    return b.toString();
  }

  @Override
  public String toString() {
    return sb.toString();
  }
}
