package io.cloudir.iam.internal.eval;

import io.cloudir.model.net.IpAddress;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/** Parsing of typed condition values. Stateless and thread-safe. */
public final class Values {
  /** Marks a value that is not a date. */
  public static final long NO_DATE = Long.MIN_VALUE;

  private Values() {}

  /** A decimal number, or NaN when {@code s} is not one. */
  public static double number(String s) {
    if (s.isEmpty() || s.length() > 64) {
      return Double.NaN;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
        return Double.NaN;
      }
    }
    try {
      return new BigDecimal(s).doubleValue();
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /**
   * A date as epoch milliseconds: ISO-8601 (instant, with offset, local date-time taken as UTC, or
   * a date at midnight UTC) or epoch seconds (an integer); {@link #NO_DATE} otherwise.
   */
  public static long date(String s) {
    if (s.isEmpty() || s.length() > 64) {
      return NO_DATE;
    }
    char c0 = s.charAt(0);
    if (!(c0 >= '0' && c0 <= '9') && c0 != '-' && c0 != '+') {
      return NO_DATE; // every accepted form starts with a digit or a sign (cheap rejection)
    }
    boolean digits = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9') && !(i == 0 && c == '-' && s.length() > 1)) {
        digits = false;
        break;
      }
    }
    if (digits) {
      try {
        return Math.multiplyExact(Long.parseLong(s), 1000L);
      } catch (NumberFormatException | ArithmeticException e) {
        return NO_DATE;
      }
    }
    try {
      return Instant.parse(s).toEpochMilli();
    } catch (DateTimeParseException | ArithmeticException e) {
      // next form
    }
    try {
      return OffsetDateTime.parse(s).toInstant().toEpochMilli();
    } catch (DateTimeParseException | ArithmeticException e) {
      // next form
    }
    try {
      return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeParseException | ArithmeticException e) {
      // next form
    }
    try {
      return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    } catch (DateTimeParseException | ArithmeticException e) {
      return NO_DATE;
    }
  }

  /** A CIDR block (or a bare address as a host block): address and prefix length. */
  public record Cidr(IpAddress network, int prefix) {}

  /** Parses {@code a.b.c.d/n}, {@code v6::/n} or a bare address; {@code null} if invalid. */
  public static @Nullable Cidr cidr(String s) {
    int slash = s.indexOf('/');
    String addr = slash < 0 ? s : s.substring(0, slash);
    IpAddress ip = IpAddress.tryParse(addr.strip());
    if (ip == null) {
      return null;
    }
    int max = ip.isV4() ? 32 : 128;
    int prefix = max;
    if (slash >= 0) {
      String p = s.substring(slash + 1).strip();
      if (p.isEmpty() || p.length() > 3) {
        return null;
      }
      for (int i = 0; i < p.length(); i++) {
        if (p.charAt(i) < '0' || p.charAt(i) > '9') {
          return null;
        }
      }
      prefix = Integer.parseInt(p);
      if (prefix > max) {
        return null;
      }
    }
    return new Cidr(ip, prefix);
  }

  /** Base64-decoded bytes, or {@code null} if {@code s} is not base64. */
  public static byte @Nullable [] base64(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+'
          || c == '/' || c == '=')) {
        return null; // the decoder would reject it: no exception for the common case
      }
    }
    try {
      return Base64.getDecoder().decode(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** {@code TRUE}/{@code FALSE} for {@code true}/{@code false} ignoring case, else null. */
  public static @Nullable Boolean bool(String s) {
    if (s.equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    }
    if (s.equalsIgnoreCase("false")) {
      return Boolean.FALSE;
    }
    return null;
  }
}
