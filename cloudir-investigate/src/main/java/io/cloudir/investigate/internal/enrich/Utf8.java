package io.cloudir.investigate.internal.enrich;

/**
 * Strict UTF-8 validation (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
 *
 * <p>Stateless and thread-safe.
 */
final class Utf8 {
  private Utf8() {}

  /** The offset of the first byte of the first invalid sequence in {@code [s, e)}, or -1. */
  static int firstInvalid(byte[] b, int s, int e) {
    int i = s;
    while (i < e) {
      int c = b[i] & 0xFF;
      if (c < 0x80) {
        i++;
        continue;
      }
      int n;
      int min;
      if (c >= 0xC2 && c <= 0xDF) {
        n = 1;
        min = 0x80;
      } else if (c >= 0xE0 && c <= 0xEF) {
        n = 2;
        min = 0x800;
      } else if (c >= 0xF0 && c <= 0xF4) {
        n = 3;
        min = 0x10000;
      } else {
        return i;
      }
      if (i + n >= e) {
        return i;
      }
      int cp = c & (0x3F >> n);
      for (int k = 1; k <= n; k++) {
        int d = b[i + k] & 0xFF;
        if ((d & 0xC0) != 0x80) {
          return i;
        }
        cp = (cp << 6) | (d & 0x3F);
      }
      if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return i;
      }
      i += n + 1;
    }
    return -1;
  }
}
