package io.cloudir.investigate.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.cloudir.investigate.IpEnricher;
import io.cloudir.model.net.IpAddress;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsnRangesTest {
  @TempDir Path dir;

  private static AsnRanges parse(String csv) {
    return AsnRanges.parse("asn.csv", csv.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsQuotedOrganisationsBothFamiliesHeaderCommentsAndCrlf() {
    AsnRanges r = parse("first_ip,last_ip,asn,organisation\r\n"
        + "# a comment\n"
        + "\n"
        + "192.0.2.0,192.0.2.255,64500,\"Example, Inc.\"\r\n"
        + "198.51.100.0,198.51.100.127,64501,\"LLC \"\"QUOTED\"\"\"\n"
        + "2001:db8::,2001:db8:ffff:ffff:ffff:ffff:ffff:ffff,64502,Plain Org\n"
        + "203.0.113.0,203.0.113.0,4294967295,\n");
    assertEquals(4, r.size());
    AsnRanges.AsnRange a = r.range(IpAddress.parse("192.0.2.77"));
    assertNotNull(a);
    assertEquals(64500, a.asn());
    assertEquals("Example, Inc.", a.organisation());
    assertEquals(IpAddress.parse("192.0.2.0"), a.first());
    assertEquals(IpAddress.parse("192.0.2.255"), a.last());
    assertEquals("LLC \"QUOTED\"", r.range(IpAddress.parse("198.51.100.127")).organisation());
    assertNull(r.range(IpAddress.parse("198.51.100.128")));
    assertEquals(new IpEnricher.Info(64502, "Plain Org", null),
        r.lookup(IpAddress.parse("2001:db8:1::1")));
    assertEquals(new IpEnricher.Info(4294967295L, null, null),
        r.lookup(IpAddress.parse("203.0.113.0")), "empty organisation is unknown");
    assertNull(r.lookup(IpAddress.parse("203.0.113.1")));
    assertNull(r.lookup(IpAddress.parse("::ffff:192.0.2.1")), "an IPv6 address is not IPv4");
    assertEquals(0, r.overlaps());
  }

  @Test
  void gzipAndSeveralFiles() throws Exception {
    Path a = dir.resolve("v4.csv.gz");
    ByteArrayOutputStream bo = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bo)) {
      gz.write("10.0.0.0,10.0.0.255,1,One\n".getBytes(StandardCharsets.UTF_8));
    }
    Files.write(a, bo.toByteArray());
    Path b = dir.resolve("v6.csv");
    Files.writeString(b, "fd00::,fd00::ff,2,Two\n10.0.0.128,10.0.0.128,3,Three\n");
    AsnRanges r = AsnRanges.load(List.of(a, b));
    assertEquals(1, r.range(IpAddress.parse("10.0.0.1")).asn());
    assertEquals(2, r.range(IpAddress.parse("fd00::10")).asn());
    assertEquals(3, r.range(IpAddress.parse("10.0.0.128")).asn(), "the nested range wins");
    assertEquals(1, r.range(IpAddress.parse("10.0.0.129")).asn(), "and the outer one resumes");
    assertEquals(1, r.overlaps());
    assertEquals(List.of(b + ":line 2: range overlaps the range at " + a
        + ":line 1; where they overlap the later-starting range wins"), r.warnings());
  }

  @Test
  void invalidLinesNameFileAndLine() {
    Map<String, String> bad = Map.of(
        "1.0.0.0,1.0.0.255,5\n", "expected 4 fields",
        "1.0.0.0,1.0.0.255,5,a,b\n", "expected 4 fields",
        "1.0.0.x,1.0.0.255,5,a\n", "not an IP address: 1.0.0.x",
        "1.0.0.9,1.0.0.1,5,a\n", "is after last address",
        "1.0.0.0,::1,5,a\n", "different families",
        "1.0.0.0,1.0.0.1,4294967296,a\n", "AS number is not an integer",
        "1.0.0.0,1.0.0.1,AS5,a\n", "AS number is not an integer",
        "1.0.0.0,1.0.0.1,5,\"unterminated\n", "bad CSV quoting",
        "1.0.0.0,1.0.0.1,5,a\"b\n", "bad CSV quoting");
    for (Map.Entry<String, String> e : bad.entrySet()) {
      EnrichmentDataException ex = assertThrows(EnrichmentDataException.class,
          () -> parse("2.0.0.0,2.0.0.1,7,fine\n" + e.getKey()), e.getKey());
      assertEquals(2, ex.location().line(), e.getKey());
      assertTrue(ex.getMessage().startsWith("asn.csv:offset 23:line 2: "), ex.getMessage());
      assertTrue(ex.reason().contains(e.getValue()), ex.getMessage());
    }
    byte[] notUtf8 = "1.0.0.0,1.0.0.1,5,\u00ff\n".getBytes(StandardCharsets.ISO_8859_1);
    assertTrue(assertThrows(EnrichmentDataException.class, () -> AsnRanges.parse("x", notUtf8))
        .reason().contains("not UTF-8"));
  }

  private record Spec(long start, long end) {}

  /**
   * Property: for random (often overlapping, nested and repeated) ranges, every address of the
   * space gets the range a linear scan picks: among the ranges holding it, the one that starts
   * last; for equal starts the shorter; for equal ranges the later line.
   */
  @Test
  void lookupAgreesWithALinearScan() {
    qt().withExamples(300).forAll(longs().all(), integers().between(0, 30), integers().between(0, 1))
        .checkAssert((seed, n, family) -> {
          SplittableRandom rnd = new SplittableRandom(seed);
          boolean v4 = family == 0;
          List<Spec> specs = new ArrayList<>();
          StringBuilder csv = new StringBuilder();
          for (int i = 0; i < n; i++) {
            long a = rnd.nextInt(256);
            long b = Math.min(255, a + (rnd.nextBoolean() ? rnd.nextInt(4) : rnd.nextInt(256)));
            specs.add(new Spec(a, b));
            csv.append(addr(v4, a)).append(',').append(addr(v4, b)).append(',').append(i)
                .append(",org").append(i % 3).append('\n');
          }
          AsnRanges r = parse(csv.toString());
          for (long x = 0; x < 256; x++) {
            int want = -1;
            for (int i = 0; i < specs.size(); i++) {
              Spec s = specs.get(i);
              if (s.start <= x && x <= s.end) {
                Spec w = want < 0 ? null : specs.get(want);
                if (w == null || s.start > w.start || (s.start == w.start && s.end < w.end)
                    || (s.start == w.start && s.end == w.end)) {
                  want = i;
                }
              }
            }
            AsnRanges.AsnRange got = r.range(addr(v4, x));
            assertEquals(want, got == null ? -1 : got.asn(), "address " + x + " in " + specs);
            if (got != null) {
              assertEquals("org" + (want % 3), got.organisation());
              assertTrue(got.contains(addr(v4, x)));
            }
          }
          // resolved pieces are sorted and disjoint
          List<AsnRanges.AsnRange> pieces = r.ranges();
          for (int i = 1; i < pieces.size(); i++) {
            assertTrue(pieces.get(i - 1).last().compareTo(pieces.get(i).first()) < 0);
          }
        });
  }

  /** Address {@code x} of a 256-address space: low in IPv4, at the very top of IPv6. */
  private static IpAddress addr(boolean v4, long x) {
    return v4 ? IpAddress.ofV4((int) (0x0A000000L + x)) : IpAddress.ofV6(-1L, -256L + x);
  }
}
