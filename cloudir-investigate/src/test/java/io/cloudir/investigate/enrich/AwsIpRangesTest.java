package io.cloudir.investigate.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.cloudir.model.net.IpAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AwsIpRangesTest {
  /** A file in the published layout (addresses from the documentation ranges). */
  static final String SAMPLE = """
      {
        "syncToken": "1700000000",
        "createDate": "2026-11-01-00-00-00",
        "prefixes": [
          {"ip_prefix": "198.51.100.0/24", "region": "us-east-1", "service": "AMAZON",
           "network_border_group": "us-east-1"},
          {"ip_prefix": "198.51.100.0/24", "region": "us-east-1", "service": "EC2",
           "network_border_group": "us-east-1"},
          {"ip_prefix": "198.51.100.64/26", "region": "us-east-1", "service": "S3",
           "network_border_group": "us-east-1"},
          {"ip_prefix": "203.0.113.0/25", "region": "GLOBAL", "service": "CLOUDFRONT",
           "network_border_group": "GLOBAL"}
        ],
        "ipv6_prefixes": [
          {"ipv6_prefix": "2001:db8:1000::/36", "region": "eu-west-1", "service": "AMAZON",
           "network_border_group": "eu-west-1"},
          {"ipv6_prefix": "2001:db8:1000::/40", "region": "eu-west-1", "service": "EC2",
           "network_border_group": "eu-west-1", "newMember": 1}
        ]
      }""";

  private static AwsIpRanges sample() {
    return AwsIpRanges.parse("ip-ranges.json", SAMPLE.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> services(AwsIpRanges r, String ip) {
    return r.matches(IpAddress.parse(ip)).stream().map(AwsIpRanges.Prefix::service).toList();
  }

  @Test
  void matchesMostSpecificFirstWithEveryListing() {
    AwsIpRanges r = sample();
    assertEquals("1700000000", r.syncToken());
    assertEquals("2026-11-01-00-00-00", r.createDate());
    assertEquals(6, r.prefixes().size());
    assertEquals(List.of("S3", "AMAZON", "EC2"), services(r, "198.51.100.70"));
    assertEquals(List.of("AMAZON", "EC2"), services(r, "198.51.100.200"));
    assertEquals(List.of("CLOUDFRONT"), services(r, "203.0.113.127"));
    assertEquals(List.of(), services(r, "203.0.113.128"));
    assertEquals(List.of("EC2", "AMAZON"), services(r, "2001:db8:10ff::1"));
    assertEquals(List.of("AMAZON"), services(r, "2001:db8:1100::1"));
    assertFalse(r.contains(IpAddress.parse("2001:db8:2000::")));
    AwsIpRanges.Prefix p = r.matches(IpAddress.parse("198.51.100.70")).get(0);
    assertEquals("198.51.100.64/26", p.cidr());
    assertEquals("us-east-1", p.networkBorderGroup());
    IpDetails d = r.details(IpAddress.parse("198.51.100.70"));
    assertEquals(3, d.aws().size());
    assertNull(r.lookup(IpAddress.parse("198.51.100.70")), "no AS or country facts");
  }

  @Test
  void invalidFilesNameTheJsonPath() {
    Map<String, String> bad = Map.of(
        "[]", "$: must be a JSON object",
        "{}", "$: has no \"prefixes\" array",
        "{\"prefixes\": {}}", "$.prefixes: must be an array",
        "{\"prefixes\": [1]}", "$.prefixes[0]: must be an object",
        "{\"prefixes\": [{\"ip_prefix\": \"10.0.0.1/8\", \"region\": \"r\", \"service\": \"s\"}]}",
        "$.prefixes[0].ip_prefix: host bits set in 10.0.0.1/8",
        "{\"prefixes\": [{\"ip_prefix\": \"10.0.0.0/33\", \"region\": \"r\", \"service\": \"s\"}]}",
        "$.prefixes[0].ip_prefix: not an IPv4 CIDR block",
        "{\"prefixes\": [], \"ipv6_prefixes\": [{\"ipv6_prefix\": \"10.0.0.0/8\", \"region\": \"r\", \"service\": \"s\"}]}",
        "$.ipv6_prefixes[0].ipv6_prefix: not an IPv6 CIDR block",
        "{\"prefixes\": [{\"ip_prefix\": \"10.0.0.0/8\", \"service\": \"s\"}]}",
        "$.prefixes[0].region: missing or empty",
        "{\"prefixes\": [{\"ip_prefix\": \"10.0.0.0/8\", \"region\": 5, \"service\": \"s\"}]}",
        "$.prefixes[0].region: must be a string");
    for (Map.Entry<String, String> e : bad.entrySet()) {
      EnrichmentDataException ex = assertThrows(EnrichmentDataException.class,
          () -> AwsIpRanges.parse("f.json", e.getKey().getBytes(StandardCharsets.UTF_8)));
      assertTrue(ex.getMessage().startsWith("f.json:" + e.getValue()), ex.getMessage());
    }
    EnrichmentDataException notJson = assertThrows(EnrichmentDataException.class,
        () -> AwsIpRanges.parse("f.json", "{\"prefixes\": [".getBytes(StandardCharsets.UTF_8)));
    assertTrue(notJson.getMessage().startsWith("f.json:offset "), notJson.getMessage());
  }

  /** Property: matches() equals a linear scan over random nested blocks. */
  @Test
  void matchesAgreeWithALinearScan() {
    qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom rnd = new SplittableRandom(seed);
      StringBuilder json = new StringBuilder("{\"prefixes\": [");
      int n = rnd.nextInt(30);
      for (int i = 0; i < n; i++) {
        int len = 16 + rnd.nextInt(17);
        IpAddress net = MaxMindDb.network(IpAddress.ofV4(0x0A0A0000 | rnd.nextInt(1 << 16)), len);
        json.append(i == 0 ? "" : ",").append("{\"ip_prefix\":\"").append(net).append('/')
            .append(len).append("\",\"region\":\"r").append(i).append("\",\"service\":\"S\"}");
      }
      AwsIpRanges r = AwsIpRanges.parse("p", json.append("]}").toString()
          .getBytes(StandardCharsets.UTF_8));
      for (int k = 0; k < 200; k++) {
        IpAddress ip = IpAddress.ofV4(0x0A0A0000 | rnd.nextInt(1 << 16));
        List<AwsIpRanges.Prefix> want = new ArrayList<>();
        for (AwsIpRanges.Prefix p : r.prefixes()) {
          if (ip.isIn(p.network(), p.prefixLength())) {
            want.add(p);
          }
        }
        want.sort((a, b) -> Integer.compare(b.prefixLength(), a.prefixLength()));
        assertEquals(want, r.matches(ip), "seed " + seed + " " + ip);
      }
    });
  }
}
