package io.cloudir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudir.investigate.enrich.AsnRanges;
import io.cloudir.investigate.enrich.MaxMindDb;
import io.cloudir.investigate.enrich.MmdbValue;
import io.cloudir.model.net.IpAddress;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --geoip}, {@code --asn} and {@code --aws-ip-ranges} on {@code timeline} and {@code entities}. */
class EnrichCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static String event(String id, String ip) {
    return "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":"
        + "\"arn:aws:iam::111122223333:user/alice\",\"accountId\":\"111122223333\","
        + "\"accessKeyId\":\"AKIAALICE0000000001\"},\"eventTime\":\"2026-03-14T09:00:0" + id
        + "Z\",\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"ListBuckets\",\"awsRegion\":"
        + "\"us-east-1\",\"sourceIPAddress\":\"" + ip + "\",\"eventID\":\"e" + id + "\","
        + "\"eventType\":\"AwsApiCall\",\"recipientAccountId\":\"111122223333\"}";
  }

  private Path trail(String... ips) throws Exception {
    StringBuilder sb = new StringBuilder("{\"Records\":[");
    for (int i = 0; i < ips.length; i++) {
      sb.append(i == 0 ? "" : ",").append(event(Integer.toString(i), ips[i]));
    }
    Path f = dir.resolve("trail.json");
    Files.writeString(f, sb.append("]}"));
    return f;
  }

  private static void str(ByteArrayOutputStream o, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    o.write(0x40 | b.length);
    o.write(b, 0, b.length);
  }

  private static void u16(ByteArrayOutputStream o, String key, int v) {
    str(o, key);
    o.write(0xA1);
    o.write(v);
  }

  /**
   * A hand-made MaxMind DB (the format specification, byte by byte): IPv4, 24-bit records, one
   * node whose right record (addresses 128.0.0.0/1) holds {"country_code": "NL"}.
   */
  static byte[] tinyMmdb() {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    o.writeBytes(new byte[] {0, 0, 1, 0, 0, 17}); // left: no data (= node count 1); right: data 0
    o.writeBytes(new byte[16]);
    o.write(0xE1); // map of 1
    str(o, "country_code");
    str(o, "NL");
    o.writeBytes(new byte[] {(byte) 0xAB, (byte) 0xCD, (byte) 0xEF});
    o.writeBytes("MaxMind.com".getBytes(StandardCharsets.US_ASCII));
    o.write(0xE5); // map of 5
    str(o, "node_count");
    o.write(0xC1);
    o.write(1);
    u16(o, "record_size", 24);
    u16(o, "ip_version", 4);
    u16(o, "binary_format_major_version", 2);
    str(o, "database_type");
    str(o, "tiny");
    return o.toByteArray();
  }

  private List<String> files() throws Exception {
    Path mmdb = dir.resolve("tiny.mmdb");
    Files.write(mmdb, tinyMmdb());
    Path asn = dir.resolve("asn.csv");
    Files.writeString(asn, "198.51.100.0,198.51.100.255,64500,\"Example, Inc.\"\n");
    Path aws = dir.resolve("ip-ranges.json");
    Files.writeString(aws, "{\"prefixes\":[{\"ip_prefix\":\"198.51.100.0/24\",\"region\":"
        + "\"us-east-1\",\"service\":\"EC2\",\"network_border_group\":\"us-east-1\"}],"
        + "\"ipv6_prefixes\":[]}");
    return List.of("--geoip", mmdb.toString(), "--asn", asn.toString(), "--aws-ip-ranges",
        aws.toString());
  }

  private static CliRun run(String cmd, List<String> opts, String... rest) {
    List<String> args = new ArrayList<>();
    args.add(cmd);
    args.addAll(opts);
    args.addAll(List.of(rest));
    return CliRun.run(args.toArray(new String[0]));
  }

  @Test
  void entitiesCarryCountryAsnAndAws() throws Exception {
    CliRun r = run("entities", files(), trail("198.51.100.4", "10.0.0.7").toString());
    assertEquals(0, r.code(), r.err());
    JsonNode ip = null;
    JsonNode priv = null;
    for (String l : r.outLines()) {
      JsonNode n = JSON.readTree(l);
      if (n.get("kind").asText().equals("ip") && n.get("id").asText().equals("198.51.100.4")) {
        ip = n;
      }
      if (n.get("kind").asText().equals("ip") && n.get("id").asText().equals("10.0.0.7")) {
        priv = n;
      }
    }
    assertEquals("NL", ip.get("attributes").get("country").asText());
    assertEquals("64500", ip.get("attributes").get("asn").asText());
    assertEquals("Example, Inc.", ip.get("attributes").get("asOrganization").asText());
    assertEquals(JSON.readTree("{\"asn\":64500,\"asOrganization\":\"Example, Inc.\","
        + "\"country\":\"NL\",\"aws\":[\"EC2:us-east-1:198.51.100.0/24\"]}"), ip.get("ipInfo"));
    assertNull(priv.get("ipInfo"), "nothing is known about 10.0.0.7");
    assertFalse(priv.get("attributes").has("country"));
    CliRun t = run("entities", files(), "--format", "table", trail("198.51.100.4").toString());
    assertTrue(t.outLines().get(0).endsWith("\tIP_INFO"));
    assertTrue(t.out().contains("198.51.100.4\t") && t.out().contains("\tNL AS64500 aws:EC2:us-east-1\n"),
        t.out());
  }

  @Test
  void timelineCarriesSourceIpInfo() throws Exception {
    CliRun r = run("timeline", files(), trail("198.51.100.4", "10.0.0.7").toString());
    assertEquals(0, r.code(), r.err());
    List<String> l = r.outLines();
    JsonNode first = JSON.readTree(l.get(0));
    assertEquals("NL", first.get("sourceIpInfo").get("country").asText());
    assertEquals(64500, first.get("sourceIpInfo").get("asn").asLong());
    assertNull(JSON.readTree(l.get(1)).get("sourceIpInfo"));
    CliRun t = run("timeline", files(), "--format", "table", trail("198.51.100.4").toString());
    assertTrue(t.outLines().get(1).contains("198.51.100.4 (NL AS64500 aws:EC2:us-east-1)"), t.out());
    // without enrichment files: no sourceIpInfo
    CliRun plain = CliRun.run("timeline", trail("198.51.100.4").toString());
    assertNull(JSON.readTree(plain.outLines().get(0)).get("sourceIpInfo"));
  }

  @Test
  void badEnrichmentFilesAreUsageErrors() throws Exception {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "1.0.0.0,1.0.0.255,13335,ok\n1.0.0.9,1.0.0.1,5,backwards\n");
    Path t = trail("198.51.100.4");
    CliRun r = CliRun.run("entities", "--asn", bad.toString(), t.toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("--asn " + bad + ": " + bad + ":offset 27:line 2: first address"),
        r.err());
    CliRun m = CliRun.run("timeline", "--geoip", bad.toString(), t.toString());
    assertEquals(1, m.code());
    assertTrue(m.err().contains("--geoip " + bad + ": ") && m.err().contains("no MaxMind DB metadata marker"),
        m.err());
    CliRun missing = CliRun.run("timeline", "--aws-ip-ranges", dir.resolve("nope.json").toString(),
        t.toString());
    assertEquals(1, missing.code());
    assertTrue(missing.err().contains("cannot read"), missing.err());
  }

  /** The real ../shared/geo files: the CLI reports what the library reads for that address. */
  @Test
  @Tag("corpus")
  void realGeoFiles() throws Exception {
    Path geo = Path.of(System.getProperty("cloudir.shared", "../../shared"), "geo");
    Assertions.assertTrue(Files.isDirectory(geo), "corpus profile needs ../shared/geo; not present");
    Path mmdb = geo.resolve("geo-whois-asn-country.mmdb");
    Path asn = geo.resolve("asn-ipv4.csv.gz");
    AsnRanges ranges = AsnRanges.load(asn);
    IpAddress ip = ranges.ranges().get(ranges.ranges().size() / 2).first();
    MmdbValue rec = MaxMindDb.open(mmdb).lookup(ip);
    CliRun r = CliRun.run("entities", "--geoip", mmdb.toString(), "--asn", asn.toString(),
        trail(ip.toString()).toString());
    assertEquals(0, r.code(), r.err());
    JsonNode n = null;
    for (String l : r.outLines()) {
      JsonNode x = JSON.readTree(l);
      if (x.get("kind").asText().equals("ip")) {
        n = x;
      }
    }
    assertEquals(ranges.range(ip).asn(), n.get("ipInfo").get("asn").asLong());
    if (rec != null) {
      assertEquals(rec.stringAt("country_code"), n.get("ipInfo").get("country").asText());
    }
  }
}
