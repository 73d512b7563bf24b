package io.cloudir.model.waf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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

class WafLogRecordTest {
  // written for this test: a BLOCK by a managed rule group with every documented field
  static final String FULL = """
      {"timestamp":1700000000123,"formatVersion":1,
       "webaclId":"arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/shop/0a1b2c3d",
       "terminatingRuleId":"AWS-AWSManagedRulesSQLiRuleSet","terminatingRuleType":"MANAGED_RULE_GROUP",
       "action":"BLOCK","terminatingRuleMatchDetails":[{"conditionType":"SQL_INJECTION","location":"QUERY_STRING","matchedData":["1","OR","1"]}],
       "httpSourceName":"ALB","httpSourceId":"111122223333-app/shop/abc",
       "ruleGroupList":[{"ruleGroupId":"AWS#AWSManagedRulesSQLiRuleSet","terminatingRule":{"ruleId":"SQLi_QUERYARGUMENTS","action":"BLOCK","ruleMatchDetails":null},"nonTerminatingMatchingRules":[{"ruleId":"X","action":"COUNT","overriddenAction":"BLOCK"}],"excludedRules":null,"customerConfig":null}],
       "rateBasedRuleList":[{"rateBasedRuleId":"r1","limitKey":"IP","maxRateAllowed":"2000","evaluationWindowSec":60,"limitValue":"198.51.100.7"}],
       "nonTerminatingMatchingRules":[{"ruleId":"count-all","action":"COUNT"}],
       "requestHeadersInserted":[{"name":"x-waf","value":"1"}],"responseCodeSent":403,
       "httpRequest":{"clientIp":"2001:db8::7","country":"DE","headers":[
         {"name":"Host","value":"shop.example"},{"name":"User-Agent","value":"sqlmap/1.7"},
         {"name":"X-Dup","value":"a"},{"name":"x-dup","value":"b"},{"name":"X-\\u0045sc","value":"e\\"q"}],
         "uri":"/search","args":"q=1%20OR%201=1","httpVersion":"HTTP/2.0","httpMethod":"GET",
         "requestId":"1-abc","fragment":"frag","scheme":"https","host":"shop.example"},
       "labels":[{"name":"awswaf:managed:aws:sql-database:SQLi_QueryArguments"},{"name":"awswaf:clientip:geo:country:DE"}],
       "captchaResponse":{"responseCode":0,"solveTimestamp":1699999999},
       "challengeResponse":{"responseCode":202,"failureReason":"TOKEN_MISSING"},
       "ja3Fingerprint":"0123456789abcdef0123456789abcdef","ja4Fingerprint":"t13d1516h2_8daaf6152771_02713d6af862",
       "oversizeFields":["REQUEST_BODY"],"requestBodySize":9000,"requestBodySizeInspectedByWAF":8192,
       "cfDistributionTenantId":"dt-1","clientAsn":64500,"forwardedAsn":"64501",
       "newField":{"a":[1,2]}}
      """;

  @Test
  void everyDocumentedField() {
    WafLogRecord r = WafLogRecord.parse(FULL);
    assertEquals(SourceType.WAF, r.source());
    assertEquals(Instant.ofEpochMilli(1700000000123L), r.time());
    assertEquals(1700000000123L, r.timestampMillis());
    assertEquals(1, r.formatVersion());
    assertEquals("arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/shop/0a1b2c3d", r.webaclId());
    assertEquals("AWS-AWSManagedRulesSQLiRuleSet", r.terminatingRuleId());
    assertEquals("MANAGED_RULE_GROUP", r.terminatingRuleType());
    assertSame(WafAction.BLOCK, r.action());
    assertEquals("SQL_INJECTION", r.terminatingRuleMatchDetails().get(0).getString("conditionType"));
    assertEquals("ALB", r.httpSourceName());
    assertEquals("111122223333-app/shop/abc", r.httpSourceId());
    RuleGroup g = r.ruleGroupList().get(0);
    assertEquals("AWS#AWSManagedRulesSQLiRuleSet", g.ruleGroupId());
    assertEquals("SQLi_QUERYARGUMENTS", g.terminatingRule().ruleId());
    assertSame(WafAction.BLOCK, g.terminatingRule().action());
    assertNull(g.terminatingRule().ruleMatchDetails());
    assertEquals("BLOCK", g.nonTerminatingMatchingRules().get(0).overriddenAction());
    assertNull(g.excludedRules());
    RateBasedRule rb = r.rateBasedRuleList().get(0);
    assertEquals(2000, rb.maxRateAllowed());
    assertEquals(60, rb.evaluationWindowSec());
    assertEquals("198.51.100.7", rb.limitValue());
    assertEquals("count-all", r.nonTerminatingMatchingRules().get(0).ruleId());
    assertSame(WafAction.COUNT, r.nonTerminatingMatchingRules().get(0).action());
    assertEquals(List.of(new HttpHeader("x-waf", "1")), r.requestHeadersInserted());
    assertEquals(403, r.responseCodeSent());
    assertEquals(IpAddress.parse("2001:db8::7"), r.clientIp());
    assertEquals("DE", r.country());
    assertEquals(5, r.headers().size());
    assertEquals("sqlmap/1.7", r.header("user-agent"));
    assertEquals("a", r.header("X-DUP"));
    assertEquals(List.of("a", "b"), r.headerValues("x-dup"));
    assertEquals("e\"q", r.header("x-esc"));
    assertNull(r.header("Cookie"));
    assertEquals("/search", r.uri());
    assertEquals("q=1%20OR%201=1", r.args());
    assertEquals("HTTP/2.0", r.httpVersion());
    assertEquals("GET", r.httpMethod());
    assertEquals("1-abc", r.requestId());
    assertEquals("frag", r.fragment());
    assertEquals("https", r.scheme());
    assertEquals("shop.example", r.host());
    assertEquals(List.of("awswaf:managed:aws:sql-database:SQLi_QueryArguments", "awswaf:clientip:geo:country:DE"),
        r.labels());
    assertTrue(r.hasLabel("awswaf:clientip:geo:country:DE"));
    assertEquals(0, r.captchaResponse().responseCode());
    assertEquals(1699999999, r.captchaResponse().solveTimestamp());
    assertEquals("TOKEN_MISSING", r.challengeResponse().failureReason());
    assertEquals(WafLogRecord.ABSENT, r.challengeResponse().solveTimestamp());
    assertEquals("0123456789abcdef0123456789abcdef", r.ja3Fingerprint());
    assertEquals("t13d1516h2_8daaf6152771_02713d6af862", r.ja4Fingerprint());
    assertEquals(List.of("REQUEST_BODY"), r.oversizeFields());
    assertEquals(9000, r.requestBodySize());
    assertEquals(8192, r.requestBodySizeInspectedByWAF());
    assertEquals("dt-1", r.cfDistributionTenantId());
    assertEquals(64500, r.clientAsn());
    assertEquals(64501, r.forwardedAsn());
    assertEquals(List.of("newField"), List.copyOf(r.unknownFields().keySet()));
    assertEquals("{\"a\":[1,2]}", r.unknownFields().get("newField").toJson());
    assertTrue(r.warnings().isEmpty(), r.warnings().toString());
  }

  @Test
  void canonicalStringsAreShared() {
    WafLogRecord a = WafLogRecord.parse(FULL);
    WafLogRecord b = WafLogRecord.parse(FULL);
    assertSame(a.httpSourceName(), b.httpSourceName());
    assertSame(a.country(), b.country());
    assertSame(a.httpMethod(), b.httpMethod());
    assertSame(a.terminatingRuleId(), b.terminatingRuleId());
  }

  @Test
  void toJsonIsTheRecordOnOneLine() {
    WafLogRecord r = WafLogRecord.parse(FULL);
    String json = r.toJson();
    assertFalse(json.contains("\n"));
    assertTrue(json.startsWith("{\"timestamp\":1700000000123,\"formatVersion\":1,\"webaclId\""), json);
    // white space inside strings is kept, escapes are kept as written
    assertTrue(json.contains("\"args\":\"q=1%20OR%201=1\""));
    assertTrue(json.contains("\"X-\\u0045sc\""));
    assertTrue(json.contains("\"sqlmap/1.7\""));
    assertEquals(r, WafLogRecord.parse(json));
    assertEquals(r.json(), WafLogRecord.parse(json).json());
    assertEquals(json, WafLogRecord.parse(json).toJson());
    assertTrue(WafLogRecord.parse("{ \"webaclId\" : \"a b\" }").toJson().equals("{\"webaclId\":\"a b\"}"));
  }

  @Test
  void zeroCopyAccessors() {
    WafLogRecord r = WafLogRecord.parse(FULL);
    assertTrue(r.valueEquals(WafField.ACTION, "BLOCK"));
    assertFalse(r.valueEquals(WafField.ACTION, "ALLOW"));
    assertTrue(r.valueEquals(WafField.CLIENT_IP, "2001:db8::7"));
    assertTrue(r.has(WafField.FRAGMENT));
    String raw = new String(r.buffer(), r.valueStart(WafField.URI), r.valueEnd(WafField.URI) - r.valueStart(WafField.URI),
        java.nio.charset.StandardCharsets.UTF_8);
    assertEquals("\"/search\"", raw);
    assertEquals(WafLogRecord.parse("{\"action\":\"BLOCK\"}").valueHash(WafField.ACTION), r.valueHash(WafField.ACTION));
    assertNotEquals(0, r.valueHash(WafField.ACTION));
    assertEquals(0, r.valueHash(WafField.CHALLENGE_RESPONSE) == 0 ? 1 : 0);
    assertEquals("httpRequest.clientIp", WafField.CLIENT_IP.path());
  }

  @Test
  void warnings() {
    assertEquals(List.of("timestamp.missing"), codes(WafLogRecord.parse("{\"webaclId\":\"w\"}").warnings()));
    WafLogRecord iso = WafLogRecord.parse("{\"webaclId\":\"w\",\"timestamp\":\"2022-06-25T00:27:53Z\"}");
    assertEquals(List.of("timestamp.format"), codes(iso.warnings()));
    assertEquals(Instant.parse("2022-06-25T00:27:53Z"), iso.time());
    WafLogRecord digits = WafLogRecord.parse("{\"webaclId\":\"w\",\"timestamp\":\"1533689070589\"}");
    assertEquals(Instant.ofEpochMilli(1533689070589L), digits.time());
    assertEquals(List.of("timestamp.format"), codes(digits.warnings()));
    WafLogRecord bad = WafLogRecord.parse("{\"webaclId\":\"w\",\"timestamp\":\"yesterday\"}");
    assertNull(bad.time());
    assertEquals(List.of("timestamp.malformed"), codes(bad.warnings()));
    assertNull(WafLogRecord.parse("{\"webaclId\":\"w\",\"timestamp\":1.5}").time());
    WafLogRecord action = WafLogRecord.parse("{\"timestamp\":1,\"webaclId\":\"w\",\"action\":\"TARPIT\"}");
    assertEquals(List.of("action.unknown"), codes(action.warnings()));
    assertFalse(action.action().isKnown());
    assertEquals("TARPIT", action.action().value());
    WafLogRecord types = WafLogRecord.parse(
        "{\"timestamp\":1,\"webaclId\":7,\"responseCodeSent\":\"403\",\"labels\":{},\"httpRequest\":{\"country\":[]}}");
    assertEquals(List.of("field.type"), codes(types.warnings()));
    assertTrue(types.warnings().get(0).detail().contains("webaclId"));
    assertTrue(types.warnings().get(0).detail().contains("httpRequest.country"));
    assertEquals("7", types.webaclId());
    assertEquals(403, types.responseCodeSent());
    assertEquals("[]", types.country());
    assertEquals(List.of(), types.labels());
    assertTrue(types.hasWarnings());
  }

  private static List<String> codes(List<RecordWarning> w) {
    return w.stream().map(RecordWarning::code).toList();
  }

  @Test
  void strictness() {
    assertThrows(MalformedInputException.class, () -> WafLogRecord.parse("{\"action\":\"A\",\"action\":\"B\"}"));
    assertThrows(MalformedInputException.class,
        () -> WafLogRecord.parse("{\"httpRequest\":{\"uri\":\"/\",\"uri\":\"/x\"}}"));
    assertThrows(MalformedInputException.class, () -> WafLogRecord.parse("{\"x\":1,\"\\u0078\":2}"));
    assertThrows(MalformedInputException.class, () -> WafLogRecord.parse("[1]"));
    assertThrows(MalformedInputException.class, () -> WafLogRecord.parse("{\"a\":1} {}"));
    assertThrows(MalformedInputException.class, () -> WafLogRecord.parse("{\"a\":1"));
    // headers inside arrays are free-form: repeated names there are kept
    assertEquals(2, WafLogRecord.parse("{\"httpRequest\":{\"headers\":[{\"name\":\"a\"},{\"name\":\"a\"}]}}").headers().size());
  }

  @Test
  void detachAndProvenance() {
    byte[] big = (" " + FULL + " ").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    WafLogRecord r = WafLogRecord.parse(big, io.cloudir.model.Provenance.of("f", 10, 2));
    assertEquals("f", r.provenance().source());
    WafLogRecord d = r.detach();
    assertEquals(r, d);
    assertEquals(d.recordEnd() - d.recordStart(), d.buffer().length);
    assertEquals(r.toJson(), d.toJson());
    assertEquals(r.hashCode(), d.hashCode());
    assertEquals(5, r.withProvenance(io.cloudir.model.Provenance.of("g", 5, 1)).provenance().offset());
  }

  @Test
  void headerLookupSkipsNullNamesAndValuesAndKeepsTheLastDuplicateMember() {
    WafLogRecord r = WafLogRecord.parse("{\"webaclId\":\"w\",\"httpRequest\":{\"headers\":["
        + "{\"name\":\"UA\",\"value\":null},{\"value\":\"v0\",\"name\":null},7,"
        + "{\"name\":\"x\",\"name\":\"ua\",\"value\":\"v1\",\"value\":\"v2\"},"
        + "{\"name\":\"ua\",\"value\":\"v3\"}]}}");
    assertEquals("v2", r.header("Ua"));
    assertNull(r.header("x"));
    long sp = r.headerValueSpan("UA");
    assertEquals("\"v2\"", new String(r.buffer(), (int) (sp >>> 32), (int) sp - (int) (sp >>> 32),
        java.nio.charset.StandardCharsets.UTF_8));
  }
}
