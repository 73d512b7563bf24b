package io.cloudir.rules.internal;

import io.cloudir.model.net.IpAddress;
import org.jspecify.annotations.Nullable;

/**
 * A network: an address and a prefix length. Parses {@code a.b.c.d/n}, IPv6 {@code x::/n}, and a
 * bare address (a /32 or /128).
 *
 * @param address the address (host bits are kept as written)
 * @param prefix the prefix length
 */
public record Cidr(IpAddress address, int prefix) {
  /**
   * Parses a CIDR block.
   *
   * @throws IllegalArgumentException when the text is not one
   */
  public static Cidr parse(String text) {
    Cidr c = tryParse(text);
    if (c == null) {
      throw new IllegalArgumentException("not a CIDR block: '" + text + "'");
    }
    return c;
  }

  /** Parses a CIDR block or address, or returns null. */
  public static @Nullable Cidr tryParse(String text) {
    String t = text.trim();
    int slash = t.indexOf('/');
    String a = slash < 0 ? t : t.substring(0, slash);
    IpAddress ip = IpAddress.tryParse(a);
    if (ip == null) {
      return null;
    }
    int max = ip.isV4() ? 32 : 128;
    int p = max;
    if (slash >= 0) {
      String n = t.substring(slash + 1);
      if (n.isEmpty() || n.length() > 3 || !n.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
        return null;
      }
      p = Integer.parseInt(n);
      if (p > max) {
        return null;
      }
    }
    return new Cidr(ip, p);
  }

  /** Whether {@code inner} (an address or network) lies inside this network. */
  public boolean contains(Cidr inner) {
    return inner.address.isV4() == address.isV4() && inner.prefix >= prefix
        && inner.address.isIn(address, prefix);
  }
}
