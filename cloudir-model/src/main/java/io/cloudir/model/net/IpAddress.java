package io.cloudir.model.net;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An IPv4 or IPv6 address as a compact value (two {@code long}s and a flag), parsed straight
 * from bytes without allocating intermediate strings. IPv4 addresses are kept as IPv4 (not as
 * IPv4-mapped IPv6); {@link #toString()} gives dotted quads for IPv4 and the RFC 5952 canonical
 * text for IPv6.
 *
 * <p>Immutable and thread-safe; value semantics ({@code equals}, {@code hashCode}, {@code
 * compareTo}: all IPv4 before all IPv6, then numerically).
 */
public final class IpAddress implements Comparable<IpAddress> {
  private final long hi;
  private final long lo;
  private final boolean v4;

  private IpAddress(long hi, long lo, boolean v4) {
    this.hi = hi;
    this.lo = lo;
    this.v4 = v4;
  }

  /** The IPv4 address with the given 32 bits. */
  public static IpAddress ofV4(int bits) {
    return new IpAddress(0, bits & 0xFFFFFFFFL, true);
  }

  /** The IPv6 address with the given 128 bits. */
  public static IpAddress ofV6(long high, long low) {
    return new IpAddress(high, low, false);
  }

  /**
   * Parses an address.
   *
   * @throws IllegalArgumentException if the text is not an IPv4 or IPv6 address
   */
  public static IpAddress parse(String text) {
    IpAddress a = tryParse(text);
    if (a == null) {
      throw new IllegalArgumentException("not an IP address: " + text);
    }
    return a;
  }

  /** Parses an address, or returns {@code null}. */
  public static @Nullable IpAddress tryParse(String text) {
    byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
    return tryParse(b, 0, b.length);
  }

  /** Parses an address, or returns empty. */
  public static Optional<IpAddress> parseOptional(String text) {
    return Optional.ofNullable(tryParse(text));
  }

  /** Parses the ASCII bytes {@code [s, e)} as an address, or returns {@code null}. */
  public static @Nullable IpAddress tryParse(byte[] b, int s, int e) {
    long v4 = parseV4(b, s, e);
    if (v4 >= 0) {
      return new IpAddress(0, v4, true);
    }
    return parseV6(b, s, e);
  }

  /** The 32 bits of the IPv4 address in {@code [s, e)} as a non-negative long, or -1. */
  public static long parseV4(byte[] b, int s, int e) {
    long v = 0;
    int parts = 0;
    int p = s;
    while (parts < 4) {
      int digits = 0;
      int octet = 0;
      while (p < e && b[p] >= '0' && b[p] <= '9') {
        if (digits > 0 && octet == 0) {
          return -1; // leading zero
        }
        octet = octet * 10 + (b[p] - '0');
        digits++;
        p++;
        if (digits > 3) {
          return -1;
        }
      }
      if (digits == 0 || octet > 255) {
        return -1;
      }
      v = (v << 8) | octet;
      parts++;
      if (parts < 4) {
        if (p >= e || b[p] != '.') {
          return -1;
        }
        p++;
      }
    }
    return p == e ? v : -1;
  }

  private static @Nullable IpAddress parseV6(byte[] b, int s, int e) {
    if (e - s < 2 || e - s > 45) {
      return null;
    }
    int[] groups = new int[8];
    int n = 0;
    int gap = -1;
    int p = s;
    if (b[p] == ':') {
      if (b[p + 1] != ':') {
        return null;
      }
      gap = 0;
      p += 2;
      if (p == e) {
        return new IpAddress(0, 0, false);
      }
    }
    while (p < e) {
      if (n >= 8) {
        return null;
      }
      // an embedded IPv4 tail
      int q = p;
      while (q < e && b[q] != ':' && b[q] != '.') {
        q++;
      }
      if (q < e && b[q] == '.') {
        long v4 = parseV4(b, p, e);
        if (v4 < 0 || n > 6) {
          return null;
        }
        groups[n++] = (int) (v4 >>> 16);
        groups[n++] = (int) (v4 & 0xFFFF);
        p = e;
        break;
      }
      int g = 0;
      int digits = 0;
      while (p < e && b[p] != ':') {
        int h = hex(b[p]);
        if (h < 0 || digits == 4) {
          return null;
        }
        g = (g << 4) | h;
        digits++;
        p++;
      }
      if (digits == 0) {
        return null;
      }
      groups[n++] = g;
      if (p < e) {
        p++; // ':'
        if (p < e && b[p] == ':') {
          if (gap >= 0) {
            return null;
          }
          gap = n;
          p++;
        } else if (p == e) {
          return null; // trailing single colon
        }
      }
    }
    if (gap >= 0) {
      if (n == 8) {
        return null;
      }
      int move = n - gap;
      for (int i = 0; i < move; i++) {
        groups[7 - i] = groups[n - 1 - i];
      }
      for (int i = gap; i < 8 - move; i++) {
        groups[i] = 0;
      }
    } else if (n != 8) {
      return null;
    }
    long hi = 0;
    long lo = 0;
    for (int i = 0; i < 4; i++) {
      hi = (hi << 16) | groups[i];
      lo = (lo << 16) | groups[i + 4];
    }
    return new IpAddress(hi, lo, false);
  }

  private static int hex(byte c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  /** Whether this is an IPv4 address. */
  public boolean isV4() {
    return v4;
  }

  /** The 32 bits of an IPv4 address. @throws IllegalStateException for IPv6 */
  public int v4Bits() {
    if (!v4) {
      throw new IllegalStateException("not IPv4: " + this);
    }
    return (int) lo;
  }

  /** The high 64 bits (IPv6; 0 for IPv4). */
  public long high() {
    return hi;
  }

  /** The low 64 bits (IPv6), or the 32 bits of an IPv4 address. */
  public long low() {
    return lo;
  }

  /** The address bytes: 4 for IPv4, 16 for IPv6. */
  public byte[] toBytes() {
    if (v4) {
      int x = (int) lo;
      return new byte[] {(byte) (x >>> 24), (byte) (x >>> 16), (byte) (x >>> 8), (byte) x};
    }
    byte[] out = new byte[16];
    for (int i = 0; i < 8; i++) {
      out[i] = (byte) (hi >>> (56 - 8 * i));
      out[8 + i] = (byte) (lo >>> (56 - 8 * i));
    }
    return out;
  }

  /** Whether this address is in the CIDR block {@code network/prefixLength}. */
  public boolean isIn(IpAddress network, int prefixLength) {
    if (network.v4 != v4) {
      return false;
    }
    int bits = v4 ? 32 : 128;
    if (prefixLength < 0 || prefixLength > bits) {
      throw new IllegalArgumentException("prefix length " + prefixLength);
    }
    if (v4) {
      long mask = prefixLength == 0 ? 0 : (0xFFFFFFFFL << (32 - prefixLength)) & 0xFFFFFFFFL;
      return (lo & mask) == (network.lo & mask);
    }
    long mh = prefixLength >= 64 ? -1L : prefixLength == 0 ? 0 : -1L << (64 - prefixLength);
    long ml = prefixLength <= 64 ? 0 : prefixLength == 128 ? -1L : -1L << (128 - prefixLength);
    return (hi & mh) == (network.hi & mh) && (lo & ml) == (network.lo & ml);
  }

  /**
   * Whether this is a private, loopback, link-local or otherwise non-public address (RFC 1918,
   * 127/8, 169.254/16, 100.64/10, ::1, fc00::/7, fe80::/10).
   */
  public boolean isPrivate() {
    if (v4) {
      int a = (int) (lo >>> 24);
      int b2 = (int) ((lo >>> 16) & 0xFF);
      return a == 10 || a == 127 || (a == 172 && b2 >= 16 && b2 <= 31) || (a == 192 && b2 == 168)
          || (a == 169 && b2 == 254) || (a == 100 && b2 >= 64 && b2 <= 127) || a == 0;
    }
    if (hi == 0 && (lo == 1 || lo == 0)) {
      return true;
    }
    int top = (int) (hi >>> 48);
    return (top & 0xFE00) == 0xFC00 || (top & 0xFFC0) == 0xFE80;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof IpAddress a && a.hi == hi && a.lo == lo && a.v4 == v4;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(hi * 31 + lo) ^ (v4 ? 1 : 0);
  }

  @Override
  public int compareTo(IpAddress o) {
    if (v4 != o.v4) {
      return v4 ? -1 : 1;
    }
    int c = Long.compareUnsigned(hi, o.hi);
    return c != 0 ? c : Long.compareUnsigned(lo, o.lo);
  }

  /**
   * Dotted quad for IPv4, RFC 5952 text for IPv6 (IPv4-mapped addresses in the mixed notation of
   * its section 5, {@code ::ffff:192.0.2.1}).
   */
  @Override
  public String toString() {
    if (v4) {
      return ((lo >>> 24) & 0xFF) + "." + ((lo >>> 16) & 0xFF) + "." + ((lo >>> 8) & 0xFF) + "."
          + (lo & 0xFF);
    }
    if (hi == 0 && (lo >>> 32) == 0xFFFFL) {
      // RFC 5952 section 5: IPv4-mapped addresses in mixed notation
      return "::ffff:" + ((lo >>> 24) & 0xFF) + "." + ((lo >>> 16) & 0xFF) + "." + ((lo >>> 8) & 0xFF) + "."
          + (lo & 0xFF);
    }
    int[] g = new int[8];
    for (int i = 0; i < 4; i++) {
      g[i] = (int) ((hi >>> (48 - 16 * i)) & 0xFFFF);
      g[i + 4] = (int) ((lo >>> (48 - 16 * i)) & 0xFFFF);
    }
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; ) {
      if (g[i] == 0) {
        int j = i;
        while (j < 8 && g[j] == 0) {
          j++;
        }
        if (j - i > bestLen) {
          bestStart = i;
          bestLen = j - i;
        }
        i = j;
      } else {
        i++;
      }
    }
    StringBuilder sb = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(g[i]));
    }
    return sb.toString();
  }
}
