package io.cloudir.model.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** IpAddress against java.net.InetAddress and brute-force references. */
class IpAddressPropertyTest {

  static byte[] jdk(String literal) {
    try {
      return InetAddress.getByName(literal).getAddress();
    } catch (UnknownHostException e) {
      throw new AssertionError("the JDK rejects " + literal, e);
    }
  }

  static String dotted(int bits) {
    return (bits >>> 24) + "." + ((bits >>> 16) & 0xff) + "." + ((bits >>> 8) & 0xff) + "." + (bits & 0xff);
  }

  static int[] groups(long hi, long lo) {
    int[] g = new int[8];
    for (int i = 0; i < 4; i++) {
      g[i] = (int) ((hi >>> (48 - 16 * i)) & 0xffff);
      g[4 + i] = (int) ((lo >>> (48 - 16 * i)) & 0xffff);
    }
    return g;
  }

  /** 16 bytes of hi/lo computed here, not by the class under test. */
  static byte[] bytes(long hi, long lo) {
    byte[] b = new byte[16];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (hi >>> (56 - 8 * i));
      b[8 + i] = (byte) (lo >>> (56 - 8 * i));
    }
    return b;
  }

  /** Clears the 16-bit groups whose bit is set in {@code zeroMask} (to create runs of zeros). */
  static long[] withZeros(long hi, long lo, int zeroMask) {
    for (int i = 0; i < 8; i++) {
      if ((zeroMask & (1 << i)) != 0) {
        long m = ~(0xffffL << (48 - 16 * (i % 4)));
        if (i < 4) {
          hi &= m;
        } else {
          lo &= m;
        }
      }
    }
    return new long[] {hi, lo};
  }

  /** A textual form of the address chosen by {@code style}, written here independently. */
  static String textForm(long hi, long lo, int style, long noise) {
    int[] g = groups(hi, lo);
    SplittableRandom r = new SplittableRandom(noise);
    switch (style) {
      case 0: { // all 8 groups, random case and leading zeros
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
          if (i > 0) {
            sb.append(':');
          }
          String h = Integer.toHexString(g[i]);
          int pad = r.nextInt(5 - h.length());
          sb.append("0".repeat(pad)).append(r.nextBoolean() ? h.toUpperCase(Locale.ROOT) : h);
        }
        return sb.toString();
      }
      case 1: { // the longest zero run (or a random one) as "::"
        int bestS = -1;
        int bestL = 0;
        for (int i = 0; i < 8; i++) {
          int j = i;
          while (j < 8 && g[j] == 0) {
            j++;
          }
          if (j - i > bestL || (j - i > 0 && r.nextInt(3) == 0)) {
            bestS = i;
            bestL = j - i;
          }
          i = Math.max(i, j);
        }
        if (bestS < 0) {
          return textForm(hi, lo, 0, noise);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < bestS; i++) {
          sb.append(i > 0 ? ":" : "").append(Integer.toHexString(g[i]));
        }
        sb.append("::");
        for (int i = bestS + bestL; i < 8; i++) {
          sb.append(i > bestS + bestL ? ":" : "").append(Integer.toHexString(g[i]).toUpperCase(Locale.ROOT));
        }
        return sb.toString();
      }
      default: { // six groups then the last 32 bits as a dotted quad
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 6; i++) {
          sb.append(Integer.toHexString(g[i])).append(':');
        }
        return sb.append(dotted((int) lo)).toString();
      }
    }
  }

  // ---------------------------------------------------------------- round trips

  @Test
  void ipv4RoundTrip() {
    qt().forAll(integers().all()).checkAssert(bits -> {
      IpAddress a = IpAddress.ofV4(bits);
      assertEquals(dotted(bits), a.toString());
      IpAddress b = IpAddress.parse(a.toString());
      assertEquals(a, b);
      assertEquals(a.hashCode(), b.hashCode());
      assertTrue(b.isV4());
      assertEquals(bits, b.v4Bits());
      assertArrayEquals(jdk(a.toString()), b.toBytes());
    });
  }

  @Test
  void ipv6RoundTrip() {
    qt().forAll(longs().all(), longs().all(), integers().between(0, 255)).checkAssert((h, l, zeros) -> {
      long[] v = withZeros(h, l, zeros);
      IpAddress a = IpAddress.ofV6(v[0], v[1]);
      assertFalse(a.isV4());
      IpAddress b = IpAddress.parse(a.toString());
      assertEquals(a, b, a::toString);
      assertEquals(v[0], b.high());
      assertEquals(v[1], b.low());
      assertArrayEquals(bytes(v[0], v[1]), b.toBytes());
      String s = a.toString();
      assertEquals(s.toLowerCase(Locale.ROOT), s, "lower case");
      assertFalse(s.contains(":::"));
      assertTrue(s.indexOf("::") == s.lastIndexOf("::"), "at most one ::");
    });
  }

  // ---------------------------------------------------------------- agreement with the JDK

  @Test
  void agreesWithInetAddressOnGeneratedIpv6Forms() {
    qt().forAll(longs().all(), longs().all(), integers().between(0, 255), integers().between(0, 2))
        .checkAssert((h, l, zeros, style) -> {
          long[] v = withZeros(h, l, zeros);
          String text = textForm(v[0], v[1], style, h ^ l);
          IpAddress a = IpAddress.tryParse(text);
          assertNotNull(a, text);
          assertFalse(a.isV4(), text);
          byte[] j = jdk(text);
          if (j.length == 4) {
            // the JDK turns IPv4-mapped addresses into IPv4 ones
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(j, 0, mapped, 12, 4);
            j = mapped;
          }
          assertArrayEquals(j, a.toBytes(), text);
          assertArrayEquals(bytes(v[0], v[1]), a.toBytes(), text);
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"::", "::1", "1::", "::ffff:1.2.3.4", "::FFFF:1.2.3.4", "::1.2.3.4", "64:ff9b::192.0.2.33",
      "2001:DB8::A:B", "FE80::1", "0:0:0:0:0:0:0:0", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
      "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8", "1::8",
      "0001:0002:0003:0004:0005:0006:0007:0008", "1:2:3:4:5::1.2.3.4", "0.0.0.0", "255.255.255.255", "10.0.0.1"})
  void agreesWithInetAddressOnFixedForms(String text) {
    IpAddress a = IpAddress.parse(text);
    byte[] j = jdk(text);
    byte[] ours = a.toBytes();
    if (j.length == 4 && ours.length == 16) {
      assertArrayEquals(j, Arrays.copyOfRange(ours, 12, 16), text);
      assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff},
          Arrays.copyOfRange(ours, 0, 12), text);
    } else {
      assertArrayEquals(j, ours, text);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ":", "1.2.3", "256.1.1.1", "01.2.3.4", "1.2.3.04", "00.0.0.0", "1.2.3.4.5", "1..2.3",
      ".1.2.3", "1.2.3.", "1.2.3.-4", "1.2.3.4 ", " 1.2.3.4", "1.2.3.1000", ":::", "1::2::3", "1:2:3:4:5:6:7:8:9",
      "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8::", "::1:2:3:4:5:6:7:8", "12345::", "g::", "1:", ":1", "1::2:",
      "::ffff:1.2.3", "::ffff:256.1.1.1", "::1.2.3.4:5", "1.2.3.4::", "1:2:3:4:5:6:7:1.2.3.4", "fe80::1%eth0",
      "[::1]", "::-1", "0x1.2.3.4", "1.2.3.4/32", "AWS Internal", "ec2.amazonaws.com", "１.２.３.４"})
  void rejectsInvalidForms(String text) {
    assertNull(IpAddress.tryParse(text), text);
    assertEquals(Optional.empty(), IpAddress.parseOptional(text));
    assertThrows(IllegalArgumentException.class, () -> IpAddress.parse(text));
  }

  @Test
  void parsesASliceOfBytes() {
    byte[] b = "xx10.1.2.3yy".getBytes(StandardCharsets.US_ASCII);
    assertEquals(IpAddress.parse("10.1.2.3"), IpAddress.tryParse(b, 2, 10));
    assertEquals(IpAddress.parse("10.1.2.3").low(), IpAddress.parseV4(b, 2, 10));
    assertEquals(-1, IpAddress.parseV4(b, 0, 10));
    byte[] c = "[2001:db8::1]".getBytes(StandardCharsets.US_ASCII);
    assertEquals(IpAddress.parse("2001:db8::1"), IpAddress.tryParse(c, 1, c.length - 1));
  }

  // ---------------------------------------------------------------- CIDR

  /** Whether the first {@code prefix} bits of the two byte arrays agree, bit by bit. */
  static boolean bruteIn(byte[] a, byte[] n, int prefix) {
    for (int i = 0; i < prefix; i++) {
      int ba = (a[i / 8] >>> (7 - i % 8)) & 1;
      int bn = (n[i / 8] >>> (7 - i % 8)) & 1;
      if (ba != bn) {
        return false;
      }
    }
    return true;
  }

  @Test
  void isInAgreesWithBitComparisonIpv6() {
    qt().forAll(longs().all(), longs().all(), integers().between(0, 128), integers().between(-1, 127))
        .checkAssert((h, l, prefix, flip) -> {
          IpAddress a = IpAddress.ofV6(h, l);
          long nh = h;
          long nl = l;
          if (flip >= 0) { // flip one bit (bit 0 = most significant)
            if (flip < 64) {
              nh ^= 1L << (63 - flip);
            } else {
              nl ^= 1L << (127 - flip);
            }
          }
          IpAddress net = IpAddress.ofV6(nh, nl);
          boolean expected = bruteIn(bytes(h, l), bytes(nh, nl), prefix);
          assertEquals(expected, a.isIn(net, prefix), () -> a + " in " + net + "/" + prefix);
          assertEquals(flip < 0 || flip >= prefix, expected);
        });
  }

  @Test
  void isInAgreesWithBitComparisonIpv4() {
    qt().forAll(integers().all(), integers().all(), integers().between(0, 32), integers().between(0, 32))
        .checkAssert((xBoxed, y, prefix, shared) -> {
          int x = xBoxed;
          // y shares its first `shared` bits with x
          int mask = shared == 0 ? 0 : -1 << (32 - shared);
          int n = (x & mask) | (y & ~mask);
          IpAddress a = IpAddress.ofV4(x);
          IpAddress net = IpAddress.ofV4(n);
          byte[] ab = {(byte) (x >>> 24), (byte) (x >>> 16), (byte) (x >>> 8), (byte) x};
          byte[] nb = {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
          assertEquals(bruteIn(ab, nb, prefix), a.isIn(net, prefix), () -> a + " in " + net + "/" + prefix);
        });
  }

  @Test
  void isInEdgeCases() {
    IpAddress v4 = IpAddress.parse("10.1.2.3");
    IpAddress v6 = IpAddress.parse("::a01:203");
    assertFalse(v4.isIn(v6, 0), "families never match");
    assertFalse(v6.isIn(v4, 0));
    assertTrue(v4.isIn(IpAddress.parse("0.0.0.0"), 0));
    assertTrue(v4.isIn(IpAddress.parse("10.0.0.0"), 8));
    assertFalse(v4.isIn(IpAddress.parse("10.0.0.0"), 16));
    assertTrue(v4.isIn(v4, 32));
    assertTrue(IpAddress.parse("2001:db8:1::5").isIn(IpAddress.parse("2001:db8::"), 32));
    assertFalse(IpAddress.parse("2001:db9::").isIn(IpAddress.parse("2001:db8::"), 32));
    assertThrows(IllegalArgumentException.class, () -> v4.isIn(v4, 33));
    assertThrows(IllegalArgumentException.class, () -> v4.isIn(v4, -1));
    assertThrows(IllegalArgumentException.class, () -> v6.isIn(v6, 129));
  }

  // ---------------------------------------------------------------- RFC 5952 text

  @ParameterizedTest
  @CsvSource({
      "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1", // 4.2.3: first of equal runs
      "2001:0db8:0000:0000:0000:0000:0002:0001, 2001:db8::2:1", // 4.1: no leading zeros
      "2001:db8:0:0:0:0:2:1, 2001:db8::2:1",
      "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1", // 4.2.2: a single 0 is not shortened
      "2001:0:0:1:0:0:0:1, 2001:0:0:1::1", // 4.2.3: the longest run
      "2001:DB8:0:0:0:0:0:1, 2001:db8::1", // 4.3: lower case
      "2001:db8:aaaa:bbbb:cccc:dddd:eeee:aaaa, 2001:db8:aaaa:bbbb:cccc:dddd:eeee:aaaa",
      "0:0:0:0:0:0:0:0, ::",
      "0:0:0:0:0:0:0:1, ::1",
      "1:0:0:0:0:0:0:0, 1::",
      "fe80:0:0:0:0:0:0:0, fe80::",
      "0:0:1:0:0:0:0:0, 0:0:1::",
      "::ffff:192.0.2.1, ::ffff:192.0.2.1", // 5: IPv4-mapped addresses in mixed notation
      "::ffff:c000:0201, ::ffff:192.0.2.1",
      "::ffff:0:0, ::ffff:0.0.0.0",
      "::1:ffff:c000:201, ::1:ffff:c000:201",
      "1.2.3.4, 1.2.3.4"})
  void rfc5952Text(String input, String canonical) {
    assertEquals(canonical, IpAddress.parse(input).toString());
    assertEquals(IpAddress.parse(input), IpAddress.parse(canonical));
  }

  // ---------------------------------------------------------------- the rest of the value

  @Test
  void orderingAndEquality() {
    assertTrue(IpAddress.parse("255.255.255.255").compareTo(IpAddress.parse("::")) < 0, "IPv4 before IPv6");
    assertTrue(IpAddress.parse("9.0.0.0").compareTo(IpAddress.parse("10.0.0.0")) < 0);
    assertTrue(IpAddress.parse("128.0.0.0").compareTo(IpAddress.parse("127.255.255.255")) > 0, "unsigned");
    assertTrue(IpAddress.parse("8000::").compareTo(IpAddress.parse("7fff::")) > 0, "unsigned");
    assertTrue(IpAddress.parse("::1:0:0:0:0").compareTo(IpAddress.parse("::ffff:ffff:ffff:ffff")) > 0);
    assertFalse(IpAddress.parse("1.2.3.4").equals(IpAddress.parse("::1.2.3.4")), "families differ");
    assertFalse(IpAddress.parse("1.2.3.4").equals(IpAddress.parse("::ffff:1.2.3.4")));
    assertEquals(0, IpAddress.parse("1::").compareTo(IpAddress.parse("1:0::0")));
    assertThrows(IllegalStateException.class, () -> IpAddress.parse("::1").v4Bits());
  }

  @ParameterizedTest
  @CsvSource({"10.0.0.1,true", "172.16.0.1,true", "172.31.255.255,true", "172.32.0.1,false", "192.168.1.1,true",
      "192.169.1.1,false", "127.0.0.1,true", "169.254.169.254,true", "100.64.0.1,true", "100.128.0.1,false",
      "8.8.8.8,false", "0.0.0.0,true", "::1,true", "::,true", "fc00::1,true", "fdff::1,true", "fe80::1,true",
      "febf::1,true", "fec0::1,false", "2001:db8::1,false"})
  void isPrivate(String text, boolean expected) {
    assertEquals(expected, IpAddress.parse(text).isPrivate(), text);
  }
}
