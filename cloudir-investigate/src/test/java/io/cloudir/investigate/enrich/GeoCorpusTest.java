package io.cloudir.investigate.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.maxmind.db.Reader;
import io.cloudir.model.net.IpAddress;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The real databases of {@code ../shared/geo} (read in place, never copied). Their data is known
 * to be inaccurate, so these tests check structure and consistency, never a real address's
 * country or AS: cloudir's MaxMind DB reader agrees with MaxMind's own reader on thousands of
 * random addresses, and every range boundary of the ASN files finds its own range.
 */
@Tag("corpus")
class GeoCorpusTest {
  private static Path geo() {
    Path d = Path.of(System.getProperty("cloudir.shared", "../../shared"), "geo");
    Assertions.assertTrue(Files.isDirectory(d), "corpus profile needs ../shared/geo; not present: " + d);
    return d;
  }

  @Test
  void mmdbAgreesWithMaxMindsReaderOnRandomAddresses() throws Exception {
    Path f = geo().resolve("geo-whois-asn-country.mmdb");
    MaxMindDb db = MaxMindDb.open(f);
    assertEquals(6, db.metadata().ipVersion());
    assertTrue(List.of(24, 28, 32).contains(db.metadata().recordSize()));
    MaxMindEnricher en = new MaxMindEnricher(db);
    long seed = new SplittableRandom().nextLong();
    SplittableRandom rnd = new SplittableRandom(seed);
    // allocated IPv6 space is sparse: take a third of the IPv6 probes inside the ranges of the
    // ASN file (any allocated address will do; the two files need not agree)
    List<Line> v6 = lines(geo().resolve("asn-ipv6.csv.gz"));
    int found4 = 0;
    int found6 = 0;
    try (Reader theirs = new Reader(f.toFile())) {
      for (int i = 0; i < 6000; i++) {
        IpAddress ip = switch (i % 3) {
          case 0 -> IpAddress.ofV4(rnd.nextInt());
          case 1 -> {
            Line l = v6.get(rnd.nextInt(v6.size()));
            yield rnd.nextBoolean() ? l.first() : IpAddress.ofV6(l.first().high(),
                l.first().low() | (rnd.nextLong() & (l.last().low() ^ l.first().low())));
          }
          default -> IpAddress.ofV6(rnd.nextLong(), rnd.nextLong());
        };
        Differential.Answer a = Differential.ours(db, ip);
        assertEquals(Differential.theirs(theirs, ip), a, "seed " + seed + " ip " + ip);
        if (a.value() != null) {
          if (ip.isV4()) {
            found4++;
          } else {
            found6++;
          }
          MmdbValue rec = db.lookup(ip);
          String cc = rec.stringAt("country_code");
          assertNotNull(cc, "every record of this database carries country_code: " + rec);
          assertTrue(cc.matches("[A-Z]{2}"), cc);
          assertEquals(cc, en.details(ip).country());
          assertEquals(cc, en.lookup(ip).country());
        }
      }
    }
    assertTrue(found4 > 1000, "most random IPv4 addresses are allocated: " + found4);
    assertTrue(found6 > 1000, "addresses inside ASN-file ranges are mostly in the country database: " + found6);
  }

  /** One line of an ASN file, split here independently of the loader. */
  record Line(int number, IpAddress first, IpAddress last, long asn) {}

  static List<Line> lines(Path gz) throws Exception {
    List<Line> out = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.UTF_8))) {
      String l;
      int n = 0;
      while ((l = in.readLine()) != null) {
        n++;
        String[] f = l.split(",", 4);
        out.add(new Line(n, IpAddress.parse(f[0]), IpAddress.parse(f[1]), Long.parseLong(f[2])));
      }
    }
    return out;
  }

  @Test
  void everyAsnRangeBoundaryFindsItsOwnRange() throws Exception {
    for (String name : List.of("asn-ipv4.csv.gz", "asn-ipv6.csv.gz")) {
      Path f = geo().resolve(name);
      AsnRanges r = AsnRanges.load(f);
      List<Line> lines = lines(f);
      // overlaps counted independently: a line starting at or before the furthest end so far
      Set<Integer> involved = new HashSet<>();
      int overlaps = 0;
      Line furthest = null;
      for (Line l : lines) {
        if (furthest != null && l.first().compareTo(furthest.last()) <= 0) {
          overlaps++;
          involved.add(l.number());
          involved.add(furthest.number());
        }
        if (furthest == null || l.last().compareTo(furthest.last()) > 0) {
          furthest = l;
        }
      }
      assertEquals(overlaps, r.overlaps(), name);
      assertEquals(Math.min(overlaps, 20), r.warnings().size(), name);
      for (String w : r.warnings()) {
        assertTrue(w.matches(".*" + name + ":line \\d+: range overlaps the range at .*" + name
            + ":line \\d+;.*"), w);
      }
      // every line's first address finds that line's AS; its last address too, unless the line
      // overlaps another (the later-starting range wins there)
      for (Line l : lines) {
        assertEquals(l.asn(), r.range(l.first()).asn(), name + ":" + l.number());
        if (!involved.contains(l.number())) {
          AsnRanges.AsnRange got = r.range(l.last());
          assertEquals(l.asn(), got.asn(), name + ":" + l.number());
          assertEquals(l.first(), got.first(), name + ":" + l.number());
          assertEquals(l.last(), got.last(), name + ":" + l.number());
        }
      }
      // the resolved pieces: every boundary finds its own piece, and nothing just before it
      // except the piece that ends there
      AsnRanges.AsnRange prev = null;
      for (AsnRanges.AsnRange a : r.ranges()) {
        assertEquals(a, r.range(a.first()), name);
        assertEquals(a, r.range(a.last()), name);
        IpAddress before = minusOne(a.first());
        if (before != null) {
          AsnRanges.AsnRange b = r.range(before);
          assertTrue(b == null || (b.equals(prev) && b.last().equals(before)), name + " " + a);
        }
        prev = a;
      }
      assertTrue(r.size() >= lines.size(), "resolving overlaps only splits ranges");
    }
  }

  @Test
  void compositeOfTheRealFiles() throws Exception {
    Path d = geo();
    CompositeIpEnricher en = CompositeIpEnricher.builder()
        .addGeoIp(d.resolve("geo-whois-asn-country.mmdb"))
        .addAsn(d.resolve("asn-ipv4.csv.gz")).addAsn(d.resolve("asn-ipv6.csv.gz")).build();
    AsnRanges v4 = (AsnRanges) en.sources().get(1);
    MaxMindDb db = ((MaxMindEnricher) en.sources().get(0)).database();
    // the first range of the IPv4 file: both facts come from their own source
    AsnRanges.AsnRange first = v4.ranges().get(0);
    IpDetails det = en.details(first.first());
    assertNotNull(det);
    assertEquals(first.asn(), det.asn());
    MmdbValue rec = db.lookup(first.first());
    assertEquals(rec == null ? null : rec.stringAt("country_code"), det.country());
  }

  static IpAddress minusOne(IpAddress a) {
    if (a.isV4()) {
      return a.v4Bits() == 0 ? null : IpAddress.ofV4(a.v4Bits() - 1);
    }
    if (a.high() == 0 && a.low() == 0) {
      return null;
    }
    return IpAddress.ofV6(a.low() == 0 ? a.high() - 1 : a.high(), a.low() - 1);
  }
}
