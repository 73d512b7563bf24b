package io.cloudir.aws.internal;

import io.cloudir.model.internal.json.JsonStrings;
import io.cloudir.model.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * A small pretty JSON writer shaped like the AWS CLI's output (four-space indentation,
 * {@code ": "} after names). Values are written as they come: call {@link #name} inside objects,
 * then one value. Not thread-safe.
 */
public final class Json {
  private static final DateTimeFormatter CLI_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter CLI_TIME_WHOLE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);

  private final StringBuilder sb = new StringBuilder(4096);
  private int depth;
  private boolean first = true;
  private boolean afterName;

  /** Appends a JSON string literal of {@code s}. */
  public static StringBuilder quote(StringBuilder out, String s) {
    return JsonStrings.quote(out, s);
  }

  /** A JSON string literal of {@code s}. */
  public static String quote(String s) {
    return quote(new StringBuilder(s.length() + 2), s).toString();
  }

  /** A time as the AWS CLI prints it ({@code 2026-03-14T09:00:00+00:00}, microseconds if any). */
  public static String cliTime(Instant t) {
    return (t.getNano() == 0 ? CLI_TIME_WHOLE : CLI_TIME).format(t);
  }

  private void before() {
    if (afterName) {
      afterName = false;
      return;
    }
    if (depth > 0) {
      if (!first) {
        sb.append(',');
      }
      newline();
    }
    first = false;
  }

  private void newline() {
    sb.append('\n');
    for (int i = 0; i < depth; i++) {
      sb.append("    ");
    }
  }

  /** Starts an object. */
  public Json beginObject() {
    before();
    sb.append('{');
    depth++;
    first = true;
    return this;
  }

  /** Ends an object. */
  public Json endObject() {
    return end('}');
  }

  /** Starts an array. */
  public Json beginArray() {
    before();
    sb.append('[');
    depth++;
    first = true;
    return this;
  }

  /** Ends an array. */
  public Json endArray() {
    return end(']');
  }

  private Json end(char c) {
    depth--;
    if (!first) {
      newline();
    }
    sb.append(c);
    first = false;
    return this;
  }

  /** A member name; the next call writes its value. */
  public Json name(String n) {
    before();
    quote(sb, n).append(": ");
    afterName = true;
    return this;
  }

  /** A string value, or null. */
  public Json value(@org.jspecify.annotations.Nullable String s) {
    before();
    if (s == null) {
      sb.append("null");
    } else {
      quote(sb, s);
    }
    return this;
  }

  /** A number value. */
  public Json value(long n) {
    before();
    sb.append(n);
    return this;
  }

  /** A boolean value. */
  public Json value(boolean b) {
    before();
    sb.append(b);
    return this;
  }

  /** A time value as the AWS CLI prints it, or null. */
  public Json time(@org.jspecify.annotations.Nullable Instant t) {
    return value(t == null ? null : cliTime(t));
  }

  /** A name and a string value, skipped when the value is null (as the CLI omits absent members). */
  public Json field(String n, @org.jspecify.annotations.Nullable String s) {
    return s == null ? this : name(n).value(s);
  }

  /** A name and a time value, skipped when null. */
  public Json timeField(String n, @org.jspecify.annotations.Nullable Instant t) {
    return t == null ? this : name(n).time(t);
  }

  /** A string map as an object. */
  public Json map(Map<String, String> m) {
    beginObject();
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(m).entrySet()) {
      name(e.getKey()).value(e.getValue());
    }
    return endObject();
  }

  /** A parsed JSON value, re-indented. */
  public Json value(JsonValue v) {
    switch (v.type()) {
      case OBJECT -> {
        beginObject();
        for (Map.Entry<String, JsonValue> e : v.entries()) {
          name(e.getKey()).value(e.getValue());
        }
        endObject();
      }
      case ARRAY -> {
        beginArray();
        for (JsonValue e : v.elements()) {
          value(e);
        }
        endArray();
      }
      case STRING -> value(v.asString());
      case NUMBER -> {
        before();
        sb.append(v.toJson());
      }
      default -> {
        before();
        sb.append(v.toJson());
      }
    }
    return this;
  }

  /** The text written so far, with a final newline. */
  public String text() {
    return sb + "\n";
  }
}
