package io.cloudir.model.route53;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.model.MalformedInputException;
import io.cloudir.model.RecordWarning;
import io.cloudir.model.SourceType;
import io.cloudir.model.net.IpAddress;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResolverQueryLogRecordTest {
  // written for this test: an AAAA query from an instance, two answers, DNS Firewall ALERT
  static final String FULL = """
      {"version":"1.100000","account_id":"111122223333","region":"eu-central-1","vpc_id":"vpc-0abc",
       "query_timestamp":"2024-02-29T23:59:58.123Z","query_name":"evil.example.","query_type":"AAAA",
       "query_class":"IN","rcode":"NOERROR","answers":[{"Rdata":"2001:db8::1","Type":"AAAA","Class":"IN"},
       {"Rdata":"cdn.example.","Type":"CNAME","Class":"IN"}],"srcaddr":"10.0.1.5","srcport":"53001",
       "transport":"UDP","srcids":{"instance":"i-0123456789abcdef0","resolver_endpoint":"rslvr-out-1",
       "resolver_network_interface":"rni-1","future":1},"firewall_rule_action":"ALERT",
       "firewall_rule_group_id":"rslvr-frg-1","firewall_domain_list_id":"rslvr-fdl-1","firewall_protection":"DGA"}
      """;

  @Test
  void everyDocumentedField() {
    ResolverQueryLogRecord r = ResolverQueryLogRecord.parse(FULL);
    assertEquals(SourceType.ROUTE53_RESOLVER, r.source());
    assertEquals("1.100000", r.version());
    assertEquals("111122223333", r.accountId());
    assertEquals("eu-central-1", r.region());
    assertEquals("vpc-0abc", r.vpcId());
    assertEquals(Instant.parse("2024-02-29T23:59:58.123Z"), r.time());
    assertEquals(Instant.parse("2024-02-29T23:59:58.123Z").toEpochMilli(), r.queryTimestampMillis());
    assertEquals("2024-02-29T23:59:58.123Z", r.queryTimestampText());
    assertEquals("evil.example.", r.queryName());
    assertEquals("AAAA", r.queryType());
    assertEquals("IN", r.queryClass());
    assertEquals("NOERROR", r.rcode());
    assertEquals(List.of(new ResolverAnswer("2001:db8::1", "AAAA", "IN"), new ResolverAnswer("cdn.example.", "CNAME", "IN")),
        r.answers());
    assertEquals(IpAddress.parse("10.0.1.5"), r.srcaddr());
    assertEquals(53001, r.srcport());
    assertEquals("UDP", r.transport());
    assertEquals("i-0123456789abcdef0", r.instanceId());
    assertEquals("rslvr-out-1", r.resolverEndpointId());
    assertEquals("rni-1", r.resolverNetworkInterfaceId());
    assertEquals(1, r.srcids().get("future").asLong());
    assertEquals("ALERT", r.firewallRuleAction());
    assertEquals("rslvr-frg-1", r.firewallRuleGroupId());
    assertEquals("rslvr-fdl-1", r.firewallDomainListId());
    assertEquals("DGA", r.unknownFields().get("firewall_protection").asString());
    assertTrue(r.warnings().isEmpty(), r.warnings().toString());
    assertSame(r.rcode(), ResolverQueryLogRecord.parse(FULL).rcode());
    assertTrue(r.valueEquals(ResolverField.INSTANCE, "i-0123456789abcdef0"));
    assertEquals(r, ResolverQueryLogRecord.parse(r.toJson()));
  }

  @Test
  void portsAndWarnings() {
    assertEquals(53, ResolverQueryLogRecord.parse("{\"query_name\":\"a.\",\"query_timestamp\":\"2021-02-04T17:51:55Z\",\"srcport\":53}").srcport());
    ResolverQueryLogRecord none = ResolverQueryLogRecord.parse("{\"query_name\":\"a.\"}");
    assertEquals(ResolverQueryLogRecord.NO_PORT, none.srcport());
    assertNull(none.time());
    assertEquals(List.of("query_timestamp.missing"), codes(none.warnings()));
    ResolverQueryLogRecord bad = ResolverQueryLogRecord.parse(
        "{\"query_name\":\"a.\",\"query_timestamp\":\"2022-06-25 00:27:53\",\"srcport\":\"70000\",\"answers\":{}}");
    assertEquals(List.of("query_timestamp.malformed", "field.type"), codes(bad.warnings()));
    assertTrue(bad.warnings().get(1).detail().contains("srcport"));
    assertTrue(bad.warnings().get(1).detail().contains("answers"));
    assertEquals(ResolverQueryLogRecord.NO_PORT, bad.srcport());
    assertEquals(List.of(), bad.answers());
    assertThrows(MalformedInputException.class,
        () -> ResolverQueryLogRecord.parse("{\"srcids\":{\"instance\":\"a\",\"instance\":\"b\"}}"));
  }

  private static List<String> codes(List<RecordWarning> w) {
    return w.stream().map(RecordWarning::code).toList();
  }
}
