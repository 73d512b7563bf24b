package io.cloudir.model.vpcflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cloudir.model.net.IpAddress;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The allocation-free IPv6 check of flow log indexing agrees with {@link IpAddress#tryParse}. */
class Ipv6SyntaxTest {
  private static final String ALPHABET = "0123456789abcdefABCDEF:.:g ";

  @Test
  void agreesWithIpAddressOnMutatedAddresses() {
    long seed = System.nanoTime();
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < 200_000; i++) {
      String text;
      IpAddress a = IpAddress.ofV6(r.nextLong(), r.nextInt(4) == 0 ? 0 : r.nextLong());
      text = r.nextInt(8) == 0 ? "::ffff:" + IpAddress.ofV4(r.nextInt()) : a.toString();
      StringBuilder sb = new StringBuilder(text);
      int edits = r.nextInt(4);
      for (int k = 0; k < edits && sb.length() > 0; k++) {
        int at = r.nextInt(sb.length());
        switch (r.nextInt(3)) {
          case 0 -> sb.deleteCharAt(at);
          case 1 -> sb.insert(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
          default -> sb.setCharAt(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
      }
      byte[] b = sb.toString().getBytes(StandardCharsets.US_ASCII);
      boolean expected = IpAddress.tryParse(b, 0, b.length) != null && IpAddress.parseV4(b, 0, b.length) < 0;
      assertEquals(expected, FlowLogView.isV6(b, 0, b.length), "seed " + seed + ": '" + sb + "'");
    }
  }
}
