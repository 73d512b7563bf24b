package io.cloudir.model.cloudtrail;

import org.jspecify.annotations.Nullable;

/**
 * Facts encoded in AWS access key ids.
 *
 * <p>Stateless and thread-safe.
 */
public final class AccessKeys {
  private AccessKeys() {}

  /**
   * The 12-digit account id encoded in an access key id ({@code AKIA…}, {@code ASIA…} and the
   * other four-letter prefixes of the current format: base32 characters after the prefix, whose
   * first 6 bytes hold the account in bits 7..46), or null when the id is not of that format.
   */
  public static @Nullable String accountOf(String keyId) {
    if (keyId.length() < 16 || keyId.length() > 128) {
      return null;
    }
    long acc = 0;
    int bits = 0;
    byte[] out = new byte[6];
    int n = 0;
    for (int i = 4; i < keyId.length() && n < 6; i++) {
      char c = keyId.charAt(i);
      int v;
      if (c >= 'A' && c <= 'Z') {
        v = c - 'A';
      } else if (c >= '2' && c <= '7') {
        v = c - '2' + 26;
      } else {
        return null;
      }
      acc = (acc << 5) | v;
      bits += 5;
      if (bits >= 8) {
        out[n++] = (byte) (acc >>> (bits - 8));
        bits -= 8;
      }
    }
    if (n < 6) {
      return null;
    }
    for (int i = 0; i < keyId.length(); i++) {
      // the prefix is four capital letters and the rest base32 (RFC 4648 alphabet)
      char c = keyId.charAt(i);
      if (!(c >= 'A' && c <= 'Z') && (i < 4 || c < '2' || c > '7')) {
        return null;
      }
    }
    long z = 0;
    for (byte b : out) {
      z = (z << 8) | (b & 0xFF);
    }
    long account = (z & 0x7fffffffff80L) >>> 7;
    String s = Long.toString(account);
    if (s.length() > 12) {
      return null;
    }
    return "0".repeat(12 - s.length()) + s;
  }

  /** Whether the id is a long-term IAM key ({@code AKIA}). */
  public static boolean isLongTerm(String keyId) {
    return keyId.startsWith("AKIA");
  }

  /** Whether the id is a temporary STS key ({@code ASIA}). */
  public static boolean isTemporary(String keyId) {
    return keyId.startsWith("ASIA");
  }
}
