package io.cloudir.model.route53;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudir.model.MalformedInputException;
import io.cloudir.model.RecordWarning;
import io.cloudir.model.SourceType;
import io.cloudir.model.net.IpAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PublicDnsQueryLogRecordTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void documentedExample() throws Exception {
    PublicDnsQueryLogRecord r = PublicDnsQueryLogRecord.parse(
        "1.0 2017-12-13T08:15:50.235Z Z123412341234 example.com AAAA NOERROR TCP Region 192.168.3.1 192.168.222.0/24");
    assertEquals("1.0", r.version());
    assertEquals(Instant.parse("2017-12-13T08:15:50.235Z"), r.time());
    assertEquals("Z123412341234", r.hostedZoneId());
    assertEquals("example.com", r.queryName());
    assertEquals("AAAA", r.queryType());
    assertEquals("NOERROR", r.responseCode());
    assertEquals("TCP", r.protocol());
    assertEquals("Region", r.edgeLocation());
    assertEquals(IpAddress.parse("192.168.3.1"), r.resolverIp());
    assertEquals("192.168.222.0/24", r.ednsClientSubnet());
    assertEquals(IpAddress.parse("192.168.222.0"), r.ednsClientSubnetAddress());
    assertEquals(24, r.ednsClientSubnetPrefixLength());
    assertEquals(SourceType.ROUTE53_PUBLIC, r.source());
    assertTrue(r.warnings().isEmpty());
    JsonNode j = JSON.readTree(r.toJson());
    List<String> keys = new ArrayList<>();
    j.fieldNames().forEachRemaining(keys::add);
    assertEquals(List.of("version", "query_timestamp", "hosted_zone_id", "query_name", "query_type",
        "response_code", "protocol", "edge_location", "resolver_ip", "edns_client_subnet"), keys);
    assertEquals("2017-12-13T08:15:50.235Z", j.get("query_timestamp").asText());
    assertEquals("1.0", j.get("version").asText());
  }

  @Test
  void dashSubnetIsNullAndIpv6ResolverParses() throws Exception {
    PublicDnsQueryLogRecord r = PublicDnsQueryLogRecord.parse(
        "1.0 2017-12-13T08:16:03.983Z Z123412341234 example.com ANY NOERROR UDP Region 2001:db8::1234 -");
    assertNull(r.ednsClientSubnet());
    assertEquals(-1, r.ednsClientSubnetPrefixLength());
    assertEquals(IpAddress.parse("2001:db8::1234"), r.resolverIp());
    assertTrue(JSON.readTree(r.toJson()).get("edns_client_subnet").isNull());
  }

  @Test
  void wrongFieldCountIsRejected() {
    MalformedInputException e = assertThrows(MalformedInputException.class,
        () -> PublicDnsQueryLogRecord.parse("1.0 2017-12-13T08:16:03.983Z Z1 example.com A NOERROR UDP Region 192.0.2.1"));
    assertTrue(e.reason().contains("found 9"), e.reason());
    String line = "1.0 2017-12-13T08:16:03.983Z Z1 example.com A NOERROR UDP Region 192.0.2.1 - extra";
    MalformedInputException x = assertThrows(MalformedInputException.class, () -> PublicDnsQueryLogRecord.parse(line));
    assertEquals(line.indexOf("extra"), x.location().offset());
  }

  @Test
  void oddValuesAreKeptAndFlagged() {
    PublicDnsQueryLogRecord r = PublicDnsQueryLogRecord.parse(
        "1.0 yesterday Z1 example.com A NOERROR UDP FRA6  not-an-ip 10.0.0.0/99");
    assertNull(r.time());
    assertEquals("yesterday", r.queryTimestampText());
    assertNull(r.resolverIp());
    assertEquals(List.of("line.spacing", "query_timestamp.malformed", "resolver_ip.malformed",
        "edns_client_subnet.malformed"), r.warnings().stream().map(RecordWarning::code).toList());
  }

  @Test
  void builderRoundTrips() {
    qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom rnd = new SplittableRandom(seed);
      Instant t = Instant.ofEpochMilli(rnd.nextLong(0, 7_000_000_000_000L));
      IpAddress ip = rnd.nextBoolean() ? IpAddress.ofV4(rnd.nextInt()) : IpAddress.ofV6(rnd.nextLong(), rnd.nextLong());
      String subnet = rnd.nextBoolean() ? null : IpAddress.ofV4(rnd.nextInt() & 0xFFFFFF00) + "/24";
      PublicDnsQueryLogRecord r = PublicDnsQueryLogRecord.builder().version("1.0").queryTimestamp(t)
          .hostedZoneId("Z" + Long.toString(rnd.nextLong() >>> 1, 36).toUpperCase(java.util.Locale.ROOT))
          .queryName("h" + rnd.nextInt(1000) + ".example.com").queryType("TXT").responseCode("SERVFAIL")
          .protocol("UDP").edgeLocation("IAD89-C1").resolverIp(ip).ednsClientSubnet(subnet).build();
      assertEquals(t, r.time());
      assertEquals(ip, r.resolverIp());
      assertEquals(subnet, r.ednsClientSubnet());
      assertEquals(r, PublicDnsQueryLogRecord.parse(r.toLine()));
      assertTrue(r.warnings().isEmpty(), r.warnings().toString());
      try {
        JsonNode j = JSON.readTree(r.toJson());
        assertEquals(r.toLine(), String.join(" ", List.of(j.get("version").asText(), j.get("query_timestamp").asText(),
            j.get("hosted_zone_id").asText(), j.get("query_name").asText(), j.get("query_type").asText(),
            j.get("response_code").asText(), j.get("protocol").asText(), j.get("edge_location").asText(),
            j.get("resolver_ip").asText(), j.get("edns_client_subnet").isNull() ? "-" : j.get("edns_client_subnet").asText())));
      } catch (java.io.IOException e) {
        throw new AssertionError(e);
      }
    });
  }
}
