package io.cloudir.investigate.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.cloudir.investigate.Entities;
import io.cloudir.investigate.Entity;
import io.cloudir.investigate.IpEnricher;
import io.cloudir.investigate.Timeline;
import io.cloudir.model.Provenance;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.model.net.IpAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompositeIpEnricherTest {
  @TempDir Path dir;

  static MmdbValue m(Object... kv) {
    Map<String, MmdbValue> out = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      Object v = kv[i + 1];
      out.put((String) kv[i], v instanceof String s ? MmdbValue.ofString(s) : (MmdbValue) v);
    }
    return MmdbValue.ofMap(out);
  }

  /** A GeoIP2-City-shaped record. */
  static MmdbValue city(String iso, String name, double lat, double lon, int radius) {
    return m("city", m("geoname_id", MmdbValue.ofLong(MmdbValue.Type.UINT32, 1),
            "names", m("de", name + "-de", "en", name)),
        "country", m("iso_code", iso, "names", m("en", "Country " + iso)),
        "location", m("accuracy_radius", MmdbValue.ofLong(MmdbValue.Type.UINT16, radius),
            "latitude", MmdbValue.ofDouble(lat), "longitude", MmdbValue.ofDouble(lon),
            "time_zone", "Etc/UTC"));
  }

  static MmdbValue asn(long n, String org) {
    return m("autonomous_system_number", MmdbValue.ofLong(MmdbValue.Type.UINT32, n),
        "autonomous_system_organization", org);
  }

  @Test
  void readsCityCountryAndAsnLayouts() {
    IpDetails c = MaxMindEnricher.facts(city("NL", "Amsterdam", 52.37, 4.89, 20));
    assertEquals("NL", c.country());
    assertEquals("Amsterdam", c.city());
    assertEquals(new Geo.Point(52.37, 4.89), c.location());
    assertEquals(20, c.accuracyRadiusKm());
    assertEquals(-1, c.asn());
    assertEquals("SE", MaxMindEnricher.facts(m("country_code", "se")).country(),
        "ip-location-db country layout, upper-cased");
    IpDetails a = MaxMindEnricher.facts(asn(64500, "Example AS"));
    assertEquals(64500, a.asn());
    assertEquals("Example AS", a.asOrganization());
    assertNull(a.location());
    IpDetails bad = MaxMindEnricher.facts(m("location", m("latitude", MmdbValue.ofDouble(95),
        "longitude", MmdbValue.ofDouble(0))));
    assertNull(bad.location(), "out-of-range coordinates are ignored");
    assertEquals(true, bad.isEmpty());
  }

  @Test
  void firstSourceThatKnowsAFactWins() throws Exception {
    Path cityDb = dir.resolve("city.mmdb");
    Files.write(cityDb, new MmdbWriter(6, 24).insert("198.51.100.0/24",
        city("NL", "Amsterdam", 52.37, 4.89, 20)).insert("2001:db8::/32",
        city("DE", "Berlin", 52.52, 13.40, 50)).build().bytes());
    Path asnDb = dir.resolve("asn.mmdb");
    Files.write(asnDb, new MmdbWriter(4, 28).insert("198.51.100.0/25", asn(64500, "Example AS"))
        .build().bytes());
    Path asnCsv = dir.resolve("asn.csv");
    Files.writeString(asnCsv, "198.51.100.0,198.51.100.255,64999,Fallback AS\n"
        + "2001:db8::,2001:db8::ffff,65001,Six AS\n", StandardCharsets.UTF_8);
    Path aws = dir.resolve("ip-ranges.json");
    Files.writeString(aws, AwsIpRangesTest.SAMPLE);
    CompositeIpEnricher en = CompositeIpEnricher.builder().addGeoIp(cityDb).addAsn(asnDb)
        .addAsn(asnCsv).addAwsIpRanges(aws).build();
    assertEquals(4, en.sources().size());
    IpDetails d = en.details(IpAddress.parse("198.51.100.70"));
    assertNotNull(d);
    assertEquals("NL", d.country());
    assertEquals(64500, d.asn(), "the ASN database is asked before the CSV");
    assertEquals("Example AS", d.asOrganization());
    assertEquals(List.of("S3", "AMAZON", "EC2"),
        d.aws().stream().map(AwsIpRanges.Prefix::service).toList());
    IpDetails upper = en.details(IpAddress.parse("198.51.100.200"));
    assertEquals(64999, upper.asn(), "outside the ASN database's /25: the CSV answers");
    assertEquals("Fallback AS", upper.asOrganization());
    assertEquals(new IpEnricher.Info(65001, "Six AS", "DE"), en.lookup(IpAddress.parse("2001:db8::1")));
    assertNull(en.details(IpAddress.parse("192.0.2.1")));
    // cached records: the same object for two addresses of one record
    MaxMindEnricher geo = (MaxMindEnricher) en.sources().get(0);
    assertSame(geo.details(IpAddress.parse("198.51.100.1")), geo.details(IpAddress.parse("198.51.100.2")));
  }

  @Test
  void entitiesCarryTheFacts() throws Exception {
    Path cityDb = dir.resolve("city.mmdb");
    Files.write(cityDb, new MmdbWriter(6, 32).insert("198.51.100.0/24",
        city("NL", "Amsterdam", 52.37, 4.89, 20)).build().bytes());
    CompositeIpEnricher en = CompositeIpEnricher.builder().addGeoIp(cityDb)
        .add(AsnRanges.parse("a", "198.51.100.0,198.51.100.255,64500,Example AS\n"
            .getBytes(StandardCharsets.UTF_8))).build();
    String json = "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\","
        + "\"arn\":\"arn:aws:iam::111122223333:user/alice\",\"accountId\":\"111122223333\","
        + "\"accessKeyId\":\"AKIAALICE0000000001\"},\"eventTime\":\"2026-03-14T09:00:00Z\","
        + "\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"ListBuckets\","
        + "\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"198.51.100.4\","
        + "\"eventID\":\"e1\",\"eventType\":\"AwsApiCall\","
        + "\"recipientAccountId\":\"111122223333\"}";
    CloudTrailEvent ev = CloudTrailEvent.parse(json.getBytes(StandardCharsets.UTF_8),
        Provenance.inMemory());
    Entities ents = Timeline.of(List.of(ev)).entities(en);
    Entity ip = ents.get(Entity.Kind.IP, "198.51.100.4").orElseThrow();
    assertEquals("NL", ip.attributes().get("country"));
    assertEquals("64500", ip.attributes().get("asn"));
    assertEquals("Example AS", ip.attributes().get("asOrganization"));
  }
}
