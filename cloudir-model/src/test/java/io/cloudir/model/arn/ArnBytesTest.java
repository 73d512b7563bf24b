package io.cloudir.model.arn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The eight-at-a-time helpers of {@link ArnBytes} against one-character-at-a-time references on
 * random byte strings rich in the bytes they look for (seeded; the seed is in every message).
 */
class ArnBytesTest {

  /** Bytes that matter to some helper, plus a few that matter to none. */
  private static final byte[] ALPHABET = {
    ':', '/', '0', '5', '9', '/' - 1, ':' + 1, 0x1f, 0x20, 0x7f, 0x7e, (byte) 0x80, (byte) 0xff,
    (byte) 0xaf, (byte) 0xba, 0, 'a', 'z', '?', 0x01, 0x21, (byte) 0x9f, (byte) 0xa0, (byte) 0xa1,
  };

  private static String latin1(byte[] b) {
    return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  @Test
  void helpersAgreeWithCharacterLoops() {
    long seed = System.nanoTime();
    SplittableRandom r = new SplittableRandom(seed);
    for (int iter = 0; iter < 100_000; iter++) {
      int n = 16 + r.nextInt(40);
      byte[] b = new byte[n];
      for (int i = 0; i < n; i++) {
        b[i] = ALPHABET[r.nextInt(ALPHABET.length)];
      }
      String msg = "seed " + seed + ", iteration " + iter;
      int from = 8 + r.nextInt(n - 8);
      int to = from + 1 + r.nextInt(Math.min(16, n - from));
      // keys: the shift register of ArnNames over the same bytes
      long k0 = 0;
      long k1 = 0;
      for (int i = from; i < to; i++) {
        k0 = ArnNames.push0(k0, k1);
        k1 = ArnNames.push1(k1, (char) (b[i] & 0xff));
      }
      assertEquals(k0, ArnBytes.key0(b, from, to), msg);
      assertEquals(k1, ArnBytes.key1(b, from, to), msg);
      // searches
      int colon = -1;
      int slash = -1;
      int sep = n;
      boolean control = false;
      for (int i = n - 1; i >= from; i--) {
        if (b[i] == ':') {
          colon = i;
        }
        if (b[i] == ':' || b[i] == '/') {
          sep = i;
        }
        if (slash < 0 && b[i] == '/') {
          slash = i;
        }
        control |= (b[i] & 0xff) < 0x20 || b[i] == 0x7f;
      }
      assertEquals(colon, ArnBytes.indexOf(b, from, n, ArnBytes.COLONS), msg);
      long colons = 0;
      for (int i = from; i < Math.min(from + 8, n); i++) {
        if (b[i] == ':') {
          colons |= 0x80L << (8 * (i - from));
        }
      }
      long word = ArnBytes.word(b, from, n);
      assertEquals(colons, ArnBytes.colons(word), msg);
      // the key of the first (up to) eight bytes, from the word instead of the array
      for (int len = 1; len <= Math.min(8, n - from); len++) {
        assertEquals(ArnBytes.key1(b, from, from + len), ArnBytes.key1(word, len), msg);
        assertEquals(0, ArnBytes.key0(b, from, from + len), msg);
      }
      assertEquals(sep, ArnBytes.separator(b, from, n), msg);
      assertEquals(slash, ArnBytes.lastIndexOf(b, from, n, ArnBytes.SLASHES), msg);
      assertEquals(!control, ArnBytes.noControl(b, from, n), msg);
      // twelve digits, read as two overlapping words
      int at = r.nextInt(n - 7);
      boolean digits = true;
      for (int i = at; i < at + 8; i++) {
        digits &= b[i] >= '0' && b[i] <= '9';
      }
      assertEquals(digits, ArnBytes.digits8(b, at), msg);
      // the view of a Latin-1 string is its bytes
      assertArrayEquals(b, ArnBytes.of(latin1(b)), msg);
    }
  }

  @Test
  void digitsAtEveryPosition() {
    byte[] b = "x0123456789x01234567".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    assertTrue(ArnBytes.digits8(b, 1));
    assertTrue(ArnBytes.digits8(b, 3));
    assertFalse(ArnBytes.digits8(b, 4)); // reaches the second x
    assertFalse(ArnBytes.digits8(b, 0));
  }

  @Test
  void charactersBeyondLatin1ReadAsQuestionMarksAtTheirIndex() {
    String s = "a\u00e9\u4e2d\ud83d\ude00b/";
    byte[] b = ArnBytes.of(s);
    assertEquals(s.length(), b.length);
    assertArrayEquals(new byte[] {'a', (byte) 0xe9, '?', '?', '?', 'b', '/'}, b);
    String t = "a\u4e2d:";
    assertArrayEquals(new byte[] {'a', '?', ':'}, ArnBytes.of(t));
  }
}
