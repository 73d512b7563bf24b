package io.cloudir.investigate.enrich;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.maxmind.db.Reader;
import io.cloudir.model.net.IpAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * City databases (coordinates, accuracy radius, city name) written by {@link MmdbWriter} in the
 * three common layouts, read through {@link MaxMindEnricher} and checked against MaxMind's own
 * reader; the coordinates then drive {@link Geo#travel}.
 */
class CityDatabaseTest {
  /** The city database cloudir-rules' travel tests read (written here, checked in there). */
  static final Path RULES_FIXTURE = Path.of("..", "cloudir-rules", "src", "test", "resources",
      "io", "cloudir", "rules", "travel-cities.mmdb");

  private static MmdbValue m(Object... kv) {
    return CompositeIpEnricherTest.m(kv);
  }

  /** A DB-IP city-lite-shaped record: names, no accuracy radius. */
  static MmdbValue dbIp(String iso, String name, double lat, double lon) {
    return m("city", m("names", m("en", name)), "continent", m("code", "EU"),
        "country", m("iso_code", iso, "names", m("en", "Country " + iso)),
        "location", m("latitude", MmdbValue.ofDouble(lat), "longitude", MmdbValue.ofDouble(lon)),
        "subdivisions", MmdbValue.ofArray(List.of(m("names", m("en", "Region")))));
  }

  /** An ip-location-db city-shaped record: flat fields, float coordinates. */
  static MmdbValue flat(String iso, String name, float lat, float lon) {
    return m("city", name, "country_code", iso.toLowerCase(java.util.Locale.ROOT),
        "latitude", MmdbValue.ofFloat(lat), "longitude", MmdbValue.ofFloat(lon),
        "timezone", "Etc/UTC");
  }

  /** The database the rules' travel tests use: four cities, IPv4 and IPv6, GeoIP2 layout. */
  static byte[] rulesFixture() {
    return new MmdbWriter(6, 28).databaseType("cloudir-test-City")
        .insert("203.0.113.0/24", CompositeIpEnricherTest.city("NL", "Amsterdam", 52.37, 4.89, 20))
        .insert("198.51.100.0/25", CompositeIpEnricherTest.city("AU", "Sydney", -33.87, 151.21, 20))
        .insert("198.51.100.128/25",
            CompositeIpEnricherTest.city("NL", "Rotterdam", 51.92, 4.48, 10))
        .insert("192.0.2.0/24", CompositeIpEnricherTest.city("US", "New York", 40.71, -74.01, 50))
        .insert("2001:db8::/32", CompositeIpEnricherTest.city("JP", "Tokyo", 35.68, 139.69, 100))
        .build().bytes();
  }

  @Test
  void theRulesFixtureIsWhatTheWriterWrites() throws Exception {
    byte[] now = rulesFixture();
    if (Boolean.getBoolean("cloudir.regenerate") || !Files.exists(RULES_FIXTURE)) {
      Files.createDirectories(RULES_FIXTURE.getParent());
      Files.write(RULES_FIXTURE, now);
    }
    assertArrayEquals(now, Files.readAllBytes(RULES_FIXTURE),
        "stale fixture: run this test with -Dcloudir.regenerate=true");
    MaxMindEnricher en = new MaxMindEnricher(MaxMindDb.of("fixture", now));
    IpDetails syd = en.details(IpAddress.parse("198.51.100.7"));
    assertNotNull(syd);
    assertEquals("Sydney", syd.city());
    assertEquals(new Geo.Point(-33.87, 151.21), syd.location());
    IpDetails tokyo = en.details(IpAddress.parse("2001:db8::42"));
    assertNotNull(tokyo);
    assertEquals(100, tokyo.accuracyRadiusKm());
    assertEquals("cloudir-test-City", en.database().metadata().databaseType());
  }

  @ParameterizedTest
  @ValueSource(ints = {24, 28, 32})
  void everyCityLayoutGivesCoordinatesAndAgreesWithMaxMindsReader(int recordSize)
      throws Exception {
    byte[] bytes = new MmdbWriter(6, recordSize).sharedStrings(recordSize == 28)
        .insert("203.0.113.0/24", CompositeIpEnricherTest.city("NL", "Amsterdam", 52.37, 4.89, 20))
        .insert("198.51.100.0/24", dbIp("DE", "Berlin", 52.52, 13.405))
        .insert("192.0.2.0/24", flat("BR", "São Paulo", -23.55f, -46.63f))
        .insert("2001:db8::/48", dbIp("CL", "Santiago", -33.45, -70.66))
        .build().bytes();
    MaxMindEnricher en = new MaxMindEnricher(MaxMindDb.of("city.mmdb", bytes));
    IpDetails ams = en.details(IpAddress.parse("203.0.113.200"));
    assertNotNull(ams);
    assertEquals(new IpDetails(-1, null, "NL", "Amsterdam", new Geo.Point(52.37, 4.89), 20,
        List.of()), ams);
    IpDetails ber = en.details(IpAddress.parse("198.51.100.1"));
    assertNotNull(ber);
    assertEquals("Berlin", ber.city());
    assertEquals(-1, ber.accuracyRadiusKm(), "DB-IP gives no radius");
    assertEquals(new Geo.Point(52.52, 13.405), ber.location());
    IpDetails sp = en.details(IpAddress.parse("192.0.2.9"));
    assertNotNull(sp);
    assertEquals("BR", sp.country(), "upper-cased");
    assertEquals("São Paulo", sp.city());
    assertEquals(-23.55f, (float) sp.location().latitude());
    assertEquals(-46.63f, (float) sp.location().longitude());
    assertNull(en.details(IpAddress.parse("8.8.8.8")));
    // MaxMind's reader sees the same coordinates in the same file
    try (Reader r = Differential.reader(bytes)) {
      for (String ip : List.of("203.0.113.200", "198.51.100.1", "2001:db8:0:1::")) {
        IpAddress a = IpAddress.parse(ip);
        @SuppressWarnings("unchecked")
        Map<String, Object> rec = (Map<String, Object>) Differential.theirs(r, a).value();
        assertNotNull(rec, ip);
        @SuppressWarnings("unchecked")
        Map<String, Object> loc = (Map<String, Object>) rec.get("location");
        IpDetails d = en.details(a);
        assertNotNull(d);
        assertEquals(((Number) loc.get("latitude")).doubleValue(), d.location().latitude(), ip);
        assertEquals(((Number) loc.get("longitude")).doubleValue(), d.location().longitude(), ip);
      }
    }
    // the coordinates make the travel test distance-based
    Instant t0 = Instant.parse("2026-03-14T09:00:00Z");
    IpDetails santiago = en.details(IpAddress.parse("2001:db8::1"));
    assertNotNull(santiago);
    Geo.Travel t = Geo.travel(ams, t0, santiago, t0.plus(Duration.ofHours(3)));
    assertEquals(Geo.Basis.COORDINATES, t.basis());
    assertTrue(t.impossible(), t.toString());
    assertEquals(Geo.Basis.COORDINATES, Geo.travel(ams, t0, ber, t0).basis());
  }

  /**
   * Random cities on random networks: every address inside a network reads back the city's exact
   * coordinates, radius and name, whatever the record size and tree shape (seeded; the seed is
   * printed on failure).
   */
  @Test
  void randomCityDatabasesReadBackExactly() {
    long seed = new SplittableRandom().nextLong();
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int round = 0; round < 40; round++) {
      int rs = new int[] {24, 28, 32}[rnd.nextInt(3)];
      MmdbWriter w = new MmdbWriter(rnd.nextBoolean() ? 4 : 6, rs);
      List<int[]> nets = new ArrayList<>();
      List<IpDetails> want = new ArrayList<>();
      int n = 1 + rnd.nextInt(12);
      for (int i = 0; i < n; i++) {
        // distinct, non-overlapping /24s: the first octet is the index
        int net = ((10 + i) << 24) | (rnd.nextInt(1 << 16) << 8);
        double lat = Math.round(rnd.nextDouble(-90, 90) * 1e4) / 1e4;
        double lon = Math.round(rnd.nextDouble(-180, 180) * 1e4) / 1e4;
        int radius = 1 + rnd.nextInt(1000);
        String name = "City-" + Integer.toHexString(rnd.nextInt());
        String iso = "" + (char) ('A' + rnd.nextInt(26)) + (char) ('A' + rnd.nextInt(26));
        w.insert(IpAddress.ofV4(net) + "/24", CompositeIpEnricherTest.city(iso, name, lat, lon,
            radius));
        nets.add(new int[] {net});
        want.add(new IpDetails(-1, null, iso, name, new Geo.Point(lat, lon), radius, List.of()));
      }
      MaxMindEnricher en = new MaxMindEnricher(MaxMindDb.of("r.mmdb", w.build().bytes()));
      for (int i = 0; i < n; i++) {
        IpAddress a = IpAddress.ofV4(nets.get(i)[0] | rnd.nextInt(256));
        assertEquals(want.get(i), en.details(a), "seed " + seed + ", " + a);
      }
    }
  }
}
