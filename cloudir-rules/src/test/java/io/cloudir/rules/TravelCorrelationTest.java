package io.cloudir.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import io.cloudir.investigate.IpEnricher;
import io.cloudir.investigate.enrich.DetailedIpEnricher;
import io.cloudir.investigate.enrich.Geo;
import io.cloudir.investigate.enrich.IpDetails;
import io.cloudir.investigate.enrich.MaxMindEnricher;
import io.cloudir.model.LogRecord;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.model.net.IpAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The {@code travel} correlation: impossible travel from coordinates, or by country. */
class TravelCorrelationTest {
  private static final Instant T0 = Instant.parse("2026-03-14T09:00:00Z");

  private static IpDetails city(String country, String name, double lat, double lon, int radius) {
    return new IpDetails(-1, null, country, name, new Geo.Point(lat, lon), radius, List.of());
  }

  private static IpDetails country(String iso) {
    return new IpDetails(-1, null, iso, null, null, -1, List.of());
  }

  /** A user-supplied table (the enricher interface is the user's extension point). */
  private static DetailedIpEnricher table(Map<String, IpDetails> m) {
    return ip -> m.get(ip.toString());
  }

  private static final Map<String, IpDetails> CITIES = Map.of(
      "203.0.113.7", city("NL", "Amsterdam", 52.37, 4.89, 20),
      "198.51.100.7", city("AU", "Sydney", -33.87, 151.21, 20),
      "198.51.100.200", city("NL", "Rotterdam", 51.92, 4.48, 10),
      "192.0.2.1", country("BE"),
      "192.0.2.2", country("FR"));

  static CloudTrailEvent call(String user, String ip, Instant t, String id) {
    return CloudTrailEvent.parse("{\"eventVersion\":\"1.09\",\"eventTime\":\"" + t + "\","
        + "\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"ListBuckets\","
        + "\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"" + ip + "\","
        + "\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::111122223333:user/" + user
        + "\",\"accountId\":\"111122223333\",\"userName\":\"" + user + "\","
        + "\"accessKeyId\":\"AKIAEXAMPLE" + user.toUpperCase(java.util.Locale.ROOT) + "\"},"
        + "\"eventID\":\"" + id + "\",\"recipientAccountId\":\"111122223333\"}");
  }

  private static Rule rule(Correlation c) {
    return Rule.builder("travel").title("Travel by {actor.arn}").logSource(LogSource.cloudTrail())
        .when(Field.of("userIdentity.type").equalsAny("IAMUser")).correlation(c).build();
  }

  private static List<Finding> run(Rule r, IpEnricher en, LogRecord... records) {
    EngineOptions o = EngineOptions.defaults();
    List<Finding> out = new ArrayList<>();
    Session s = Engine.compile(List.of(r), en == null ? o : o.ipEnricher(en)).newSession(out::add);
    for (LogRecord rec : records) {
      s.accept(rec);
    }
    s.flush();
    return out;
  }

  @Test
  void coordinatesTooFarForTheTimeMakeOneFindingNamingBothEvents() {
    List<Finding> f = run(rule(Correlation.travel().build()), table(CITIES),
        call("alice", "203.0.113.7", T0, "ev-a"),
        call("alice", "198.51.100.7", T0.plus(Duration.ofHours(2)), "ev-b"));
    assertEquals(1, f.size(), f.toString());
    Finding x = f.get(0);
    assertEquals(List.of("ev-a", "ev-b"), x.eventIds());
    assertEquals("arn:aws:iam::111122223333:user/alice", x.principal());
    assertEquals(T0.plus(Duration.ofHours(2)), x.time());
    Map<String, String> d = x.details();
    assertEquals("203.0.113.7 (Amsterdam, NL)", d.get("from"));
    assertEquals("198.51.100.7 (Sydney, AU)", d.get("to"));
    assertEquals("coordinates", d.get("basis"));
    assertEquals("2h00m", d.get("elapsed"));
    // independent oracle: the angle between the two unit vectors, radii subtracted
    double km = chordAngle(52.37, 4.89, -33.87, 151.21) * Geo.EARTH_RADIUS_KM - 40;
    assertEquals(Math.round(km), Long.parseLong(d.get("distanceKm")));
    assertEquals(Math.round(km / 2), Long.parseLong(d.get("speedKmh")));
    assertTrue(x.title().startsWith("Travel by arn:aws:iam::111122223333:user/alice ["),
        x.title());
    assertTrue(x.title().contains("Amsterdam, NL") && x.title().contains("km/h"), x.title());
    assertTrue(x.toJson().contains("\"details\":{\"from\":\"203.0.113.7 (Amsterdam, NL)\""),
        x.toJson());
  }

  /** The central angle from the dot product of unit vectors (not the haversine formula). */
  private static double chordAngle(double la1, double lo1, double la2, double lo2) {
    double[] a = unit(la1, lo1);
    double[] b = unit(la2, lo2);
    double cx = a[1] * b[2] - a[2] * b[1];
    double cy = a[2] * b[0] - a[0] * b[2];
    double cz = a[0] * b[1] - a[1] * b[0];
    return Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz),
        a[0] * b[0] + a[1] * b[1] + a[2] * b[2]);
  }

  private static double[] unit(double lat, double lon) {
    double p = Math.toRadians(lat);
    double l = Math.toRadians(lon);
    return new double[] {Math.cos(p) * Math.cos(l), Math.cos(p) * Math.sin(l), Math.sin(p)};
  }

  @Test
  void nearbySlowUnknownOrOtherPrincipalsMakeNoFinding() {
    Rule r = rule(Correlation.travel().build());
    DetailedIpEnricher en = table(CITIES);
    assertEquals(0, run(r, en, call("alice", "203.0.113.7", T0, "1"),
        call("alice", "198.51.100.200", T0.plus(Duration.ofMinutes(5)), "2")).size(),
        "Amsterdam to Rotterdam is below the minimum distance");
    assertEquals(0, run(r, en, call("alice", "203.0.113.7", T0, "1"),
        call("alice", "198.51.100.7", T0.plus(Duration.ofHours(20)), "2")).size(),
        "16 600 km in 20 h is an airliner");
    assertEquals(0, run(r, en, call("alice", "203.0.113.7", T0, "1"),
        call("bob", "198.51.100.7", T0.plus(Duration.ofHours(1)), "2")).size(), "two people");
    assertEquals(0, run(r, null, call("alice", "203.0.113.7", T0, "1"),
        call("alice", "198.51.100.7", T0.plus(Duration.ofHours(1)), "2")).size(),
        "no enricher: silent");
    assertEquals(0, run(r, en, call("alice", "203.0.113.7", T0, "1"),
        call("alice", "10.0.0.1", T0.plus(Duration.ofMinutes(1)), "2"),
        call("alice", "ec2.amazonaws.com", T0.plus(Duration.ofMinutes(2)), "3")).size(),
        "unknown places take no part");
    // the window: the previous sighting is forgotten after it
    assertEquals(0, run(rule(Correlation.travel().window(Duration.ofMinutes(30)).build()), en,
        call("alice", "203.0.113.7", T0, "1"),
        call("alice", "198.51.100.7", T0.plus(Duration.ofHours(1)), "2")).size());
    // a lower minimum distance lets the nearby pair through at a high enough speed
    assertEquals(1, run(rule(Correlation.travel().minDistance(0).build()), en,
        call("alice", "203.0.113.7", T0, "1"),
        call("alice", "198.51.100.200", T0.plus(Duration.ofSeconds(30)), "2")).size());
  }

  @Test
  void consecutiveMeansTheLastSightingCounts() {
    // Amsterdam, Sydney (impossible), Sydney again (no move), Amsterdam 30 h later (possible)
    List<Finding> f = run(rule(Correlation.travel().window(Duration.ofDays(3)).build()),
        table(CITIES),
        call("alice", "203.0.113.7", T0, "1"),
        call("alice", "198.51.100.7", T0.plus(Duration.ofHours(1)), "2"),
        call("alice", "198.51.100.7", T0.plus(Duration.ofHours(2)), "3"),
        call("alice", "203.0.113.7", T0.plus(Duration.ofHours(32)), "4"));
    assertEquals(1, f.size(), f.toString());
    assertEquals(List.of("1", "2"), f.get(0).eventIds());
  }

  @Test
  void countryLevelFallbackWithItsOwnWindow() {
    DetailedIpEnricher en = table(CITIES);
    Rule r = rule(Correlation.travel().build());
    List<Finding> f = run(r, en, call("alice", "192.0.2.1", T0, "1"),
        call("alice", "192.0.2.2", T0.plus(Duration.ofMinutes(30)), "2"));
    assertEquals(1, f.size());
    assertEquals("country", f.get(0).details().get("basis"));
    assertTrue(!f.get(0).details().containsKey("distanceKm"));
    assertEquals(0, run(r, en, call("alice", "192.0.2.1", T0, "1"),
        call("alice", "192.0.2.2", T0.plus(Duration.ofMinutes(90)), "2")).size());
    assertEquals(1, run(rule(Correlation.travel().countryWindow(Duration.ofHours(2)).build()), en,
        call("alice", "192.0.2.1", T0, "1"),
        call("alice", "192.0.2.2", T0.plus(Duration.ofMinutes(90)), "2")).size());
    // coordinates on one side only: country level (Amsterdam NL, then BE)
    assertEquals(1, run(r, en, call("alice", "203.0.113.7", T0, "1"),
        call("alice", "192.0.2.1", T0.plus(Duration.ofMinutes(10)), "2")).size());
    // an enricher that only knows countries (the IpEnricher interface, no details)
    IpEnricher countriesOnly = ip -> ip.toString().startsWith("203.")
        ? new IpEnricher.Info(-1, null, "NL") : new IpEnricher.Info(-1, null, "AU");
    assertEquals(1, run(r, countriesOnly, call("alice", "203.0.113.7", T0, "1"),
        call("alice", "198.51.100.7", T0.plus(Duration.ofMinutes(10)), "2")).size());
  }

  @Test
  void groupByKeysOtherThanThePrincipal() {
    // keyed by the access key: two users sharing nothing, one key seen in two places
    Rule r = rule(Correlation.travel().groupBy("userIdentity.accountId").build());
    assertEquals(1, run(r, table(CITIES), call("alice", "203.0.113.7", T0, "1"),
        call("bob", "198.51.100.7", T0.plus(Duration.ofHours(1)), "2")).size(),
        "one account, two places");
  }

  @Test
  void checkpointBetweenTheTwoSightingsGivesTheSameFinding() {
    Engine e = Engine.compile(List.of(rule(Correlation.travel().build())),
        EngineOptions.defaults().ipEnricher(table(CITIES)));
    List<Finding> whole = new ArrayList<>();
    Session s = e.newSession(whole::add);
    s.accept(call("alice", "203.0.113.7", T0, "1"));
    byte[] cp = s.checkpoint();
    s.accept(call("alice", "198.51.100.7", T0.plus(Duration.ofHours(1)), "2"));
    s.flush();
    List<Finding> resumed = new ArrayList<>();
    Session r = e.restore(cp, resumed::add);
    r.accept(call("alice", "198.51.100.7", T0.plus(Duration.ofHours(1)), "2"));
    r.flush();
    assertEquals(1, whole.size());
    assertEquals(whole, resumed);
  }

  @Test
  void yamlFormAndItsErrors() {
    String y = "id: t\nlogsource: {type: cloudtrail}\ndetection: {s: {userIdentity.type: IAMUser}}\n"
        + "correlation: {type: travel, maxSpeed: 900.5, minDistance: 100, countryWindow: 3h,"
        + " window: 12h}\n";
    Correlation c = RuleLoader.parse("t.yml", y).get(0).correlation();
    assertEquals(Correlation.Kind.TRAVEL, c.kind());
    assertEquals(900.5, c.maxSpeedKmh());
    assertEquals(100, c.minDistanceKm());
    assertEquals(Duration.ofHours(3), c.countryWindow());
    assertEquals(Duration.ofHours(12), c.window());
    Correlation d = RuleLoader.parse("t.yml", y.replace(", maxSpeed: 900.5, minDistance: 100,"
        + " countryWindow: 3h, window: 12h", "")).get(0).correlation();
    assertEquals(Correlation.DEFAULT_MAX_SPEED_KMH, d.maxSpeedKmh());
    assertEquals(Correlation.DEFAULT_MIN_DISTANCE_KM, d.minDistanceKm());
    assertEquals(Duration.ofHours(24), d.window());
    RuleException wrongKind = assertThrows(RuleException.class, () -> RuleLoader.parse("t.yml",
        y.replace("type: travel", "type: threshold")));
    assertTrue(wrongKind.getMessage().contains("for travel correlations"),
        wrongKind.getMessage());
    RuleException notNumber = assertThrows(RuleException.class, () -> RuleLoader.parse("t.yml",
        y.replace("900.5", "fast")));
    assertTrue(notNumber.getMessage().contains("maxSpeed") && notNumber.location().line() == 4,
        notNumber.getMessage());
    assertThrows(RuleException.class, () -> RuleLoader.parse("t.yml", y.replace("900.5", "0")));
    assertThrows(IllegalArgumentException.class, () -> Correlation.travel().minDistance(-1)
        .build());
  }

  /**
   * For random places and gaps, a finding comes exactly when an independent computation of the
   * speed (vector angle, radii subtracted) exceeds the limit over the minimum distance.
   */
  @Test
  void findsExactlyTheImpossibleOnes() {
    Rule r = rule(Correlation.travel().build());
    org.quicktheories.core.Gen<double[]> points = doubles().between(-89, 89)
        .zip(doubles().between(-179, 179), (la, lo) -> new double[] {la, lo});
    qt().withExamples(150).forAll(points, points, integers().between(1, 2000))
        .checkAssert((p1, p2, minutes) -> {
          double la1 = p1[0];
          double lo1 = p1[1];
          double la2 = p2[0];
          double lo2 = p2[1];
          Map<String, IpDetails> m = new HashMap<>();
          m.put("203.0.113.7", city("AA", "A", la1, lo1, 10));
          m.put("198.51.100.7", city("BB", "B", la2, lo2, 10));
          List<Finding> f = run(r, table(m), call("alice", "203.0.113.7", T0, "1"),
              call("alice", "198.51.100.7", T0.plus(Duration.ofMinutes(minutes)), "2"));
          double km = Math.max(0, chordAngle(la1, lo1, la2, lo2) * Geo.EARTH_RADIUS_KM - 20);
          double speed = km / (minutes / 60.0);
          if (Math.abs(km - 500) < 1e-3 || Math.abs(speed - 1000) < 1e-3) {
            return; // at a boundary rounding may go either way
          }
          boolean want = km >= 500 && speed > 1000;
          assertEquals(want ? 1 : 0, f.size(), km + " km in " + minutes + " min");
        });
  }

  @Test
  void theWrittenCityDatabaseDrivesIt() throws Exception {
    // written by cloudir-investigate's MaxMind DB test writer (CityDatabaseTest keeps it current)
    Path mmdb = Path.of("src/test/resources/io/cloudir/rules/travel-cities.mmdb");
    MaxMindEnricher en = MaxMindEnricher.open(mmdb);
    Rule r = rule(Correlation.travel().build());
    List<Finding> f = run(r, en, call("alice", "203.0.113.7", T0, "1"),
        call("alice", "2001:db8::7", T0.plus(Duration.ofHours(3)), "2"),
        call("alice", "192.0.2.10", T0.plus(Duration.ofHours(4)), "3"));
    // Amsterdam -> Tokyo in 3 h and Tokyo -> New York in 1 h are both impossible
    assertEquals(2, f.size(), f.toString());
    assertEquals("203.0.113.7 (Amsterdam, NL)", f.get(0).details().get("from"));
    assertEquals("2001:db8::7 (Tokyo, JP)", f.get(0).details().get("to"));
    assertEquals("2001:db8::7 (Tokyo, JP)", f.get(1).details().get("from"));
    assertEquals("192.0.2.10 (New York, US)", f.get(1).details().get("to"));
    assertEquals("coordinates", f.get(1).details().get("basis"));
    assertEquals(0, run(r, en, call("alice", "203.0.113.7", T0, "1"),
        call("alice", "198.51.100.200", T0.plus(Duration.ofMinutes(10)), "2")).size(),
        "Amsterdam -> Rotterdam");
  }

  @Test
  @Tag("corpus")
  void theRealCountryDatabaseFallsBackToCountries() throws Exception {
    Path mmdb = Path.of(System.getProperty("cloudir.shared", "../../shared"), "geo",
        "geo-whois-asn-country.mmdb");
    Assertions.assertTrue(Files.isRegularFile(mmdb), "corpus profile needs ../shared/geo; not present: " + mmdb);
    MaxMindEnricher geo = MaxMindEnricher.open(mmdb);
    // two public resolvers the database places in different countries (its data is not a source
    // of truth, so the pair is chosen from what it says)
    List<String> candidates = List.of("8.8.8.8", "1.1.1.1", "9.9.9.9", "208.67.222.222",
        "4.2.2.2", "77.88.8.8", "114.114.114.114", "180.76.76.76", "94.140.14.14",
        "185.228.168.9");
    String a = null;
    String b = null;
    for (String x : candidates) {
      IpDetails dx = geo.details(IpAddress.parse(x));
      if (dx == null || dx.country() == null) {
        continue;
      }
      if (a == null) {
        a = x;
      } else if (!dx.country().equals(geo.details(IpAddress.parse(a)).country())) {
        b = x;
        break;
      }
    }
    assertTrue(a != null && b != null, "the database places no two resolvers in two countries");
    IpDetails da = geo.details(IpAddress.parse(a));
    assertEquals(null, da.location(), "a country-only database has no coordinates");
    Rule r = rule(Correlation.travel().build());
    List<Finding> f = run(r, geo, call("alice", a, T0, "1"),
        call("alice", b, T0.plus(Duration.ofMinutes(20)), "2"));
    assertEquals(1, f.size());
    assertEquals("country", f.get(0).details().get("basis"));
    assertTrue(f.get(0).details().get("from").contains(da.country()), f.get(0).details().toString());
    assertEquals(0, run(r, geo, call("alice", a, T0, "1"),
        call("alice", b, T0.plus(Duration.ofHours(3)), "2")).size());
    assertEquals(0, run(r, geo, call("alice", a, T0, "1"),
        call("alice", a, T0.plus(Duration.ofMinutes(1)), "2")).size());
  }
}
