package io.cloudir.rules.internal;

import io.cloudir.model.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Field values as the matchers see them: {@link String}, {@link Boolean}, {@link Long}, {@link
 * BigDecimal}, or a {@link JsonValue} object/array. JSON {@code null} is absence.
 */
public final class Values {
  private Values() {}

  /** Adds the Java value of a JSON value to {@code out} (nothing for JSON null). */
  public static void addJson(JsonValue v, List<Object> out) {
    switch (v.type()) {
      case STRING -> out.add(v.asString());
      case NUMBER -> {
        BigDecimal d = v.asBigDecimal();
        out.add(fits(d) ? (Object) d.longValueExact() : d);
      }
      case BOOLEAN -> out.add(v.asBoolean());
      case NULL -> { }
      default -> out.add(v);
    }
  }

  private static boolean fits(BigDecimal d) {
    try {
      d.longValueExact();
      return true;
    } catch (ArithmeticException e) {
      return false;
    }
  }

  /** The text of a value: strings as is, numbers in plain notation, containers as JSON. */
  public static String text(Object v) {
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (v instanceof JsonValue j) {
      return j.toJson();
    }
    return String.valueOf(v);
  }

  /** A value as a number, or null when it is not one (strings are parsed). */
  public static @Nullable BigDecimal number(Object v) {
    if (v instanceof Long l) {
      return BigDecimal.valueOf(l);
    }
    if (v instanceof Integer i) {
      return BigDecimal.valueOf(i);
    }
    if (v instanceof BigDecimal d) {
      return d;
    }
    if (v instanceof Double d) {
      return d.isNaN() || d.isInfinite() ? null : BigDecimal.valueOf(d);
    }
    if (v instanceof String s) {
      return number(s);
    }
    return null;
  }

  /** Parses a decimal number (JSON syntax, optional leading {@code +}); null otherwise. */
  public static @Nullable BigDecimal number(String s) {
    String t = s.trim();
    if (t.isEmpty() || t.length() > 64) {
      return null;
    }
    char c = t.charAt(0);
    if (!(c == '-' || c == '+' || (c >= '0' && c <= '9'))) {
      return null;
    }
    for (int i = 0; i < t.length(); i++) {
      char x = t.charAt(i);
      if (!((x >= '0' && x <= '9') || x == '.' || x == '-' || x == '+' || x == 'e' || x == 'E')) {
        return null;
      }
    }
    try {
      return new BigDecimal(t);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * Parses an ISO-8601 time: an instant ({@code 2024-03-14T09:00:00Z}), a date-time with offset,
   * or a date (midnight UTC); null otherwise.
   */
  public static @Nullable Instant time(String s) {
    String t = s.trim();
    if (t.length() < 10 || t.length() > 40 || t.charAt(4) != '-') {
      return null;
    }
    try {
      if (t.length() == 10) {
        return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(t);
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  /** A value as a time: ISO strings, or numbers as epoch seconds (below 10^11) or milliseconds. */
  public static @Nullable Instant timeOf(Object v) {
    if (v instanceof Instant i) {
      return i;
    }
    if (v instanceof String s) {
      Instant i = time(s);
      if (i != null) {
        return i;
      }
    }
    BigDecimal d = v instanceof String ? null : number(v);
    if (d == null) {
      return null;
    }
    long n = d.longValue();
    return Math.abs(n) < 100_000_000_000L ? Instant.ofEpochSecond(n) : Instant.ofEpochMilli(n);
  }
}
