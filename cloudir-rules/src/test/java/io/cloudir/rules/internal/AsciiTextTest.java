package io.cloudir.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/** {@link AsciiText#plain}'s eight-bytes-at-a-time scan against a byte-by-byte reference. */
class AsciiTextTest {
  private static boolean reference(byte[] b, int s, int e) {
    for (int i = s; i < e; i++) {
      if (b[i] < 0x20 || b[i] == '\\') {
        return false;
      }
    }
    return true;
  }

  /** Mostly printable ASCII with now and then one of the bytes that make a text not plain. */
  private static Gen<byte[]> texts() {
    byte[] special = {0, 0x1f, 0x20, 0x5c, 0x5b, 0x5d, 0x7f, (byte) 0x80, (byte) 0xff, 0x21,
        0x3c, 0x1c, (byte) 0xdc};
    return SourceDSL.lists().of(SourceDSL.integers().between(0, 99)).ofSizeBetween(0, 40)
        .map(l -> {
          byte[] b = new byte[l.size()];
          for (int i = 0; i < b.length; i++) {
            int v = l.get(i);
            b[i] = v < 87 ? (byte) (0x20 + v) : special[v - 87];
          }
          return b;
        });
  }

  @Test
  void agreesWithTheByteByByteScanOnEveryRange() {
    qt().withExamples(3000).forAll(texts(), SourceDSL.integers().between(0, 40),
        SourceDSL.integers().between(0, 40)).checkAssert((b, x, y) -> {
          int s = Math.min(Math.min(x, y), b.length);
          int e = Math.min(Math.max(x, y), b.length);
          assertEquals(reference(b, s, e), AsciiText.plain(b, s, e));
        });
  }

  @Test
  void everySingleByteValueAtEveryPositionOfAWord() {
    for (int v = 0; v < 256; v++) {
      for (int pos = 0; pos < 16; pos++) {
        byte[] b = "abcdefghijklmnop".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        b[pos] = (byte) v;
        assertEquals(reference(b, 0, 16), AsciiText.plain(b, 0, 16), "byte " + v + " at " + pos);
      }
    }
  }
}
