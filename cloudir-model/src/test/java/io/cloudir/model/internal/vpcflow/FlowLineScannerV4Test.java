package io.cloudir.model.internal.vpcflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.model.net.IpAddress;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The word-at-a-time IPv4 check of the flow log fast path ({@code FlowLineScanner.isV4}) accepts
 * exactly what the reference byte-by-byte parser {@link IpAddress#parseV4} accepts: on every octet
 * value and length in every position, and on random near-addresses (a byte changed, added or
 * removed; random strings of digits and dots) placed at random offsets with random bytes around.
 */
class FlowLineScannerV4Test {

  private static boolean reference(String text) {
    byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
    return IpAddress.parseV4(b, 0, b.length) >= 0;
  }

  /** {@code text} at a random offset of a buffer with random bytes around it. */
  private static boolean fast(String text, SplittableRandom r) {
    byte[] t = text.getBytes(StandardCharsets.ISO_8859_1);
    byte[] b = new byte[r.nextInt(12) + t.length + 16 + r.nextInt(4)];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (r.nextBoolean() ? "0123456789. ".charAt(r.nextInt(12)) : r.nextInt(256));
    }
    int s = r.nextInt(b.length - t.length - 15);
    System.arraycopy(t, 0, b, s, t.length);
    return FlowLineScanner.isV4(b, s, s + t.length);
  }

  @Test
  void everyOctetInEveryPosition() {
    SplittableRandom r = new SplittableRandom(1);
    String[] octets = new String[1000 + 100 + 10];
    int n = 0;
    for (int v = 0; v < 1000; v++) {
      octets[n++] = Integer.toString(v);
    }
    for (int v = 0; v < 100; v++) {
      octets[n++] = (v < 10 ? "00" : "0") + v; // three digits with leading zeros
    }
    for (int v = 0; v < 10; v++) {
      octets[n++] = "0" + v;
    }
    int accepted = 0;
    for (String o : octets) {
      for (int pos = 0; pos < 4; pos++) {
        String[] parts = {"1", "22", "255", "0"};
        parts[pos] = o;
        String text = String.join(".", parts);
        boolean want = reference(text);
        assertEquals(want, fast(text, r), text);
        if (want) {
          accepted++;
        }
      }
    }
    assertEquals(4 * 256, accepted); // 0..255 written canonically, in each position
  }

  @Test
  void agreesWithTheReferenceOnNearAddresses() {
    long seed = System.nanoTime();
    SplittableRandom r = new SplittableRandom(seed);
    String alphabet = "0123456789.....259x:";
    int valid = 0;
    int invalid = 0;
    for (int it = 0; it < 300_000; it++) {
      StringBuilder sb = new StringBuilder();
      int mode = r.nextInt(3);
      if (mode < 2) {
        for (int i = 0; i < 4; i++) {
          if (i > 0) {
            sb.append('.');
          }
          int k = r.nextInt(8);
          sb.append(k == 0 ? "0" + r.nextInt(100) : k == 1 ? Integer.toString(250 + r.nextInt(10))
              : Integer.toString(r.nextInt(k == 2 ? 2000 : 256)));
        }
        if (mode == 1) {
          sb.setCharAt(r.nextInt(sb.length()), alphabet.charAt(r.nextInt(alphabet.length())));
          if (r.nextBoolean()) {
            sb.insert(r.nextInt(sb.length() + 1), alphabet.charAt(r.nextInt(alphabet.length())));
          } else if (sb.length() > 1) {
            sb.deleteCharAt(r.nextInt(sb.length()));
          }
        }
      } else {
        int len = 1 + r.nextInt(17);
        for (int i = 0; i < len; i++) {
          sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
      }
      String text = sb.toString();
      boolean want = reference(text);
      assertEquals(want, fast(text, r), "seed " + seed + ": '" + text + "'");
      if (want) {
        valid++;
      } else {
        invalid++;
      }
    }
    assertTrue(valid > 20_000 && invalid > 50_000, "seed " + seed + ": " + valid + " valid, " + invalid + " invalid");
  }
}
