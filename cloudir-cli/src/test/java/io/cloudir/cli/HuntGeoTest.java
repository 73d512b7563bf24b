package io.cloudir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudir.investigate.enrich.IpDetails;
import io.cloudir.investigate.enrich.MaxMindEnricher;
import io.cloudir.model.net.IpAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hunt --geoip}: the enrichment files become the rules engine's IP enricher, so the
 * built-in new-country and impossible-travel rules fire; without them they stay silent. The
 * addresses are chosen from what each database answers.
 */
class HuntGeoTest {
  static final String TRAVEL = "aws-console-login-impossible-travel";
  static final String KEY_TRAVEL = "aws-iam-user-impossible-travel";
  static final String NEW_COUNTRY = "aws-console-login-new-country";
  static final String ALICE = "arn:aws:iam::111122223333:user/alice";
  static final String BOB = "arn:aws:iam::111122223333:user/bob";

  @TempDir Path dir;

  private static String login(String id, String time, String ip) {
    return "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":"
        + "\"AIDAALICE\",\"arn\":\"" + ALICE + "\",\"accountId\":\"111122223333\",\"userName\":"
        + "\"alice\"},\"eventTime\":\"" + time + "\",\"eventSource\":\"signin.amazonaws.com\","
        + "\"eventName\":\"ConsoleLogin\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"" + ip
        + "\",\"userAgent\":\"Mozilla/5.0\",\"requestParameters\":null,\"responseElements\":"
        + "{\"ConsoleLogin\":\"Success\"},\"additionalEventData\":{\"MFAUsed\":\"Yes\"},"
        + "\"eventID\":\"" + id + "\",\"eventType\":\"AwsConsoleSignIn\","
        + "\"recipientAccountId\":\"111122223333\"}";
  }

  private static String apiCall(String id, String time, String ip) {
    return "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":"
        + "\"AIDABOB\",\"arn\":\"" + BOB + "\",\"accountId\":\"111122223333\",\"userName\":\"bob\","
        + "\"accessKeyId\":\"AKIAEXAMPLEBOB000001\"},\"eventTime\":\"" + time + "\","
        + "\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"ListBuckets\",\"awsRegion\":"
        + "\"us-east-1\",\"sourceIPAddress\":\"" + ip + "\",\"userAgent\":\"aws-cli/2\","
        + "\"eventID\":\"" + id + "\",\"eventType\":\"AwsApiCall\","
        + "\"recipientAccountId\":\"111122223333\"}";
  }

  /**
   * Alice signs in from {@code a} (learning period), then from {@code a} and, minutes later, from
   * {@code b}; Bob's access key is used from {@code a} then {@code b} within minutes.
   */
  private Path trail(String a, String b) throws Exception {
    List<String> events = List.of(
        login("l-old", "2026-02-20T09:00:00Z", a),
        login("l-1", "2026-03-14T09:00:00Z", a),
        login("l-2", "2026-03-14T09:07:00Z", b),
        apiCall("k-1", "2026-03-14T10:00:00Z", a),
        apiCall("k-2", "2026-03-14T10:04:00Z", b));
    Path f = dir.resolve("trail.json");
    Files.writeString(f, "{\"Records\":[" + String.join(",", events) + "]}");
    return f;
  }

  /** The findings of one rule, by rule id. */
  private static Map<String, List<JsonNode>> byRule(CliRun r) throws Exception {
    Map<String, List<JsonNode>> m = new TreeMap<>();
    for (JsonNode f : HuntCommandTest.findings(r)) {
      m.computeIfAbsent(f.get("rule").asText(), k -> new ArrayList<>()).add(f);
    }
    return m;
  }

  private static List<String> ids(JsonNode finding) {
    List<String> ids = new ArrayList<>();
    finding.get("eventIds").forEach(n -> ids.add(n.asText()));
    return ids;
  }

  private static IpDetails details(MaxMindEnricher db, String ip) {
    return db.details(IpAddress.parse(ip));
  }

  @Test
  @Tag("corpus")
  void countryDatabaseFiresNewCountryAndTravelByCountry() throws Exception {
    Path mmdb = Path.of(System.getProperty("cloudir.shared", "../../shared"), "geo",
        "geo-whois-asn-country.mmdb");
    Assertions.assertTrue(Files.isRegularFile(mmdb), "corpus profile needs ../shared/geo; not present: " + mmdb);
    MaxMindEnricher db = MaxMindEnricher.open(mmdb);
    // the first two addresses N.1.2.3 the database places in two different countries
    String a = null;
    String b = null;
    for (int n = 2; n < 224 && b == null; n++) {
      String ip = n + ".1.2.3";
      IpDetails d = details(db, ip);
      if (d == null || d.country() == null) {
        continue;
      }
      if (a == null) {
        a = ip;
      } else if (!d.country().equals(details(db, a).country())) {
        b = ip;
      }
    }
    assertNotNull(b, "the database places no two addresses in two countries");
    String ca = details(db, a).country();
    String cb = details(db, b).country();
    Path input = trail(a, b);

    CliRun r = CliRun.run("hunt", "--geoip", mmdb.toString(), input.toString());
    assertEquals(0, r.code(), r.err());
    Map<String, List<JsonNode>> f = byRule(r);
    assertEquals(1, f.getOrDefault(TRAVEL, List.of()).size(), f.keySet().toString());
    JsonNode travel = f.get(TRAVEL).get(0);
    assertEquals(List.of("l-1", "l-2"), ids(travel));
    assertEquals(ALICE, travel.get("principal").asText());
    assertEquals("country", travel.get("details").get("basis").asText());
    assertTrue(travel.get("details").get("from").asText().contains(ca), travel.toString());
    assertTrue(travel.get("details").get("to").asText().contains(cb), travel.toString());

    assertEquals(1, f.getOrDefault(NEW_COUNTRY, List.of()).size(), f.keySet().toString());
    JsonNode fresh = f.get(NEW_COUNTRY).get(0);
    assertEquals(List.of("l-2"), ids(fresh));
    assertTrue(fresh.get("title").asText().contains(cb) && fresh.get("title").asText().contains(b),
        fresh.toString());

    assertEquals(1, f.getOrDefault(KEY_TRAVEL, List.of()).size(), f.keySet().toString());
    assertEquals(List.of("k-1", "k-2"), ids(f.get(KEY_TRAVEL).get(0)));
    assertEquals(BOB, f.get(KEY_TRAVEL).get(0).get("principal").asText());

    // the same input without a database: those rules stay silent, the others still run
    CliRun plain = CliRun.run("hunt", input.toString());
    assertEquals(0, plain.code(), plain.err());
    Map<String, List<JsonNode>> p = byRule(plain);
    assertTrue(!p.containsKey(TRAVEL) && !p.containsKey(KEY_TRAVEL) && !p.containsKey(NEW_COUNTRY),
        p.keySet().toString());
    assertTrue(plain.lastErrLine().endsWith(" events=5 findings=" + plain.outLines().size()),
        plain.lastErrLine());
  }

  /** Great-circle distance by the haversine formula (the test's own oracle). */
  private static double km(IpDetails x, IpDetails y) {
    double p1 = Math.toRadians(x.location().latitude());
    double p2 = Math.toRadians(y.location().latitude());
    double dp = p2 - p1;
    double dl = Math.toRadians(y.location().longitude() - x.location().longitude());
    double h = Math.sin(dp / 2) * Math.sin(dp / 2)
        + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * 6371.0 * Math.asin(Math.sqrt(h));
  }

  @Test
  void cityDatabaseFiresTravelByCoordinates() throws Exception {
    // a small city database (copied from cloudir-rules' tests, written by cloudir-investigate's
    // MaxMind DB test writer)
    Path mmdb = Path.of("src/test/resources/io/cloudir/cli/travel-cities.mmdb");
    MaxMindEnricher db = MaxMindEnricher.open(mmdb);
    List<String> located = new ArrayList<>();
    for (String ip : List.of("192.0.2.1", "192.0.2.10", "198.51.100.1", "198.51.100.200",
        "203.0.113.1", "203.0.113.7", "2001:db8::1", "2001:db8::7")) {
      IpDetails d = details(db, ip);
      if (d != null && d.location() != null && d.city() != null) {
        located.add(ip);
      }
    }
    // a pair more than 2000 km apart (impossible in minutes) and a pair less than 100 km apart
    String farA = null;
    String farB = null;
    String nearA = null;
    String nearB = null;
    for (String x : located) {
      for (String y : located) {
        double d = km(details(db, x), details(db, y));
        if (d > 2000 && farA == null) {
          farA = x;
          farB = y;
        } else if (d > 0 && d < 100 && nearA == null) {
          nearA = x;
          nearB = y;
        }
      }
    }
    assertNotNull(farA, "no two far-apart cities in " + located);
    CliRun r = CliRun.run("hunt", "--geoip", mmdb.toString(), trail(farA, farB).toString());
    assertEquals(0, r.code(), r.err());
    List<JsonNode> travel = byRule(r).getOrDefault(TRAVEL, List.of());
    assertEquals(1, travel.size(), r.out());
    JsonNode d = travel.get(0).get("details");
    assertEquals("coordinates", d.get("basis").asText());
    assertEquals(List.of("l-1", "l-2"), ids(travel.get(0)));
    assertTrue(d.get("from").asText().contains(details(db, farA).city()), d.toString());
    assertTrue(d.get("to").asText().contains(details(db, farB).city()), d.toString());
    assertEquals(1, byRule(r).getOrDefault(KEY_TRAVEL, List.of()).size(), r.out());
    if (nearA != null) {
      CliRun near = CliRun.run("hunt", "--geoip", mmdb.toString(),
          trail(nearA, nearB).toString());
      assertEquals(0, near.code(), near.err());
      assertTrue(!byRule(near).containsKey(TRAVEL), "nearby cities are no travel: " + near.out());
    }
  }

  @Test
  void unreadableEnrichmentFileIsAUsageError() throws Exception {
    Path bad = dir.resolve("bad.mmdb");
    Files.writeString(bad, "not a database");
    CliRun r = CliRun.run("hunt", "--geoip", bad.toString(), trail("203.0.113.7", "198.51.100.7")
        .toString());
    assertEquals(1, r.code());
    assertTrue(r.err().startsWith("cloudir: --geoip " + bad + ": "), r.err());
    assertEquals("", r.out());
  }
}
