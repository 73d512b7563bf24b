package io.cloudir.parsers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudir.model.LogRecord;
import io.cloudir.model.SourceType;
import io.cloudir.model.route53.ResolverQueryLogRecord;
import io.cloudir.model.waf.WafLogRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;

/** Shared checks of the WAF and Resolver corpus tests. */
final class JsonFormatsCorpusTest {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonFormatsCorpusTest() {}

  record Result(List<LogRecord> records, List<Rejection> rejections, ReadStats stats) {}

  static Result read(String path, @Nullable SourceType type) {
    List<Rejection> rejections = new ArrayList<>();
    List<LogRecord> records = new ArrayList<>();
    ReadStats stats;
    try (RecordStream s = LogReader.builder().type(type).onRejection(rejections::add).build()
        .open(List.of(LogSource.of(CloudTrailCorpusTest.corpus().resolve(path))))) {
      s.forEach(records::add);
      stats = s.stats();
    }
    assertEquals(stats.parsed(), records.size());
    assertEquals(stats.records(), stats.parsed() + stats.rejected());
    return new Result(records, rejections, stats);
  }

  static Stream<DynamicTest> counts(String prefix, SourceType type, Class<? extends LogRecord> cls)
      throws IOException {
    return CloudTrailCorpusTest.manifest(prefix).stream().map(e -> DynamicTest.dynamicTest(e.path(), () -> {
      int expected = Integer.parseInt(e.count());
      // detected from content, and the same when the type is given
      for (SourceType t : new SourceType[] {null, type}) {
        Result r = read(e.path(), t);
        assertEquals(expected, r.stats().parsed(), e.path() + " (" + t + ") rejections: " + r.rejections());
        assertEquals(0, r.stats().rejected(), e.path() + " rejections: " + r.rejections());
        for (LogRecord rec : r.records()) {
          assertTrue(cls.isInstance(rec), rec.getClass().getName());
          assertEquals(type, rec.source());
          assertTrue(rec.provenance().source().endsWith(e.path()));
          assertTrue(rec.provenance().offset() >= 0);
          assertTrue(rec.provenance().line() >= 1);
          String json = rec.toJson();
          assertTrue(json.indexOf('\n') < 0, "one line");
          // as delivered: equal JSON to the bytes at the record's offset, read independently
          assertEquals(MAPPER.readTree(json), MAPPER.readTree(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
      }
    }));
  }

  static @Nullable String text(JsonNode n, String path) {
    JsonNode v = n.at(path);
    if (v.isMissingNode() || v.isNull()) {
      return null;
    }
    return v.isTextual() ? v.textValue() : v.toString();
  }

  static void differentialWaf(WafLogRecord r) throws IOException {
    JsonNode n = MAPPER.readTree(r.toJson());
    assertEquals(n, MAPPER.readTree(r.json().toJson()));
    JsonNode ts = n.get("timestamp");
    assertEquals(ts != null && ts.isIntegralNumber() ? ts.longValue() : WafLogRecord.ABSENT, r.timestampMillis());
    assertEquals(text(n, "/webaclId"), r.webaclId());
    assertEquals(text(n, "/terminatingRuleId"), r.terminatingRuleId());
    assertEquals(text(n, "/terminatingRuleType"), r.terminatingRuleType());
    assertEquals(text(n, "/action"), r.action() == null ? null : r.action().value());
    assertEquals(text(n, "/httpSourceName"), r.httpSourceName());
    assertEquals(text(n, "/httpSourceId"), r.httpSourceId());
    assertEquals(text(n, "/httpRequest/clientIp"), r.clientIpText());
    String ip = text(n, "/httpRequest/clientIp");
    if (ip != null) {
      assertEquals(java.net.InetAddress.getByName(ip).getHostAddress().replace(":0:0:", "::"),
          r.clientIp() == null ? null : r.clientIp().toString().replace(":0:0:", "::"));
    }
    assertEquals(text(n, "/httpRequest/country"), r.country());
    assertEquals(text(n, "/httpRequest/uri"), r.uri());
    assertEquals(text(n, "/httpRequest/args"), r.args());
    assertEquals(text(n, "/httpRequest/httpVersion"), r.httpVersion());
    assertEquals(text(n, "/httpRequest/httpMethod"), r.httpMethod());
    assertEquals(text(n, "/httpRequest/requestId"), r.requestId());
    assertEquals(text(n, "/httpRequest/scheme"), r.scheme());
    assertEquals(text(n, "/httpRequest/host"), r.host());
    assertEquals(text(n, "/httpRequest/fragment"), r.fragment());
    assertEquals(text(n, "/ja3Fingerprint"), r.ja3Fingerprint());
    assertEquals(text(n, "/ja4Fingerprint"), r.ja4Fingerprint());
    JsonNode rc = n.get("responseCodeSent");
    assertEquals(rc != null && rc.isIntegralNumber() ? rc.longValue() : WafLogRecord.ABSENT, r.responseCodeSent());
    JsonNode fv = n.get("formatVersion");
    assertEquals(fv != null && fv.isIntegralNumber() ? fv.longValue() : WafLogRecord.ABSENT, r.formatVersion());
    // headers: same names and values in order; case-insensitive lookup finds the first
    JsonNode hs = n.at("/httpRequest/headers");
    List<String> expected = new ArrayList<>();
    for (JsonNode h : hs) {
      expected.add(text(h, "/name") + "=" + text(h, "/value"));
    }
    List<String> actual = new ArrayList<>();
    r.headers().forEach(h -> actual.add(h.name() + "=" + h.value()));
    assertEquals(expected, actual);
    for (JsonNode h : hs) {
      String name = text(h, "/name");
      if (name == null) {
        continue;
      }
      String first = null;
      for (JsonNode g : hs) {
        String gn = text(g, "/name");
        if (gn != null && gn.equalsIgnoreCase(name) && text(g, "/value") != null) {
          first = text(g, "/value");
          break;
        }
      }
      assertEquals(first, r.header(name.toUpperCase(java.util.Locale.ROOT)));
    }
    List<String> labels = new ArrayList<>();
    for (JsonNode l : n.path("labels")) {
      labels.add(text(l, "/name"));
    }
    assertEquals(labels, r.labels());
    assertEquals(n.path("ruleGroupList").size(), r.ruleGroupList().size());
    for (int i = 0; i < r.ruleGroupList().size(); i++) {
      JsonNode g = n.path("ruleGroupList").get(i);
      assertEquals(text(g, "/ruleGroupId"), r.ruleGroupList().get(i).ruleGroupId());
      assertEquals(text(g, "/terminatingRule/ruleId"),
          r.ruleGroupList().get(i).terminatingRule() == null ? null : r.ruleGroupList().get(i).terminatingRule().ruleId());
      assertEquals(g.path("nonTerminatingMatchingRules").size(), r.ruleGroupList().get(i).nonTerminatingMatchingRules().size());
    }
    assertEquals(n.path("rateBasedRuleList").size(), r.rateBasedRuleList().size());
    for (int i = 0; i < r.rateBasedRuleList().size(); i++) {
      JsonNode g = n.path("rateBasedRuleList").get(i);
      assertEquals(text(g, "/rateBasedRuleId"), r.rateBasedRuleList().get(i).rateBasedRuleId());
      assertEquals(text(g, "/limitKey"), r.rateBasedRuleList().get(i).limitKey());
      JsonNode w = g.get("evaluationWindowSec");
      long win = w == null ? WafLogRecord.ABSENT : w.isTextual() ? Long.parseLong(w.textValue()) : w.longValue();
      assertEquals(win, r.rateBasedRuleList().get(i).evaluationWindowSec());
      assertEquals(g.path("maxRateAllowed").asLong(WafLogRecord.ABSENT), r.rateBasedRuleList().get(i).maxRateAllowed());
    }
    assertEquals(n.path("nonTerminatingMatchingRules").size(), r.nonTerminatingMatchingRules().size());
    // unknown fields are kept
    List<String> unknown = new ArrayList<>();
    n.fieldNames().forEachRemaining(f -> {
      boolean known = false;
      for (io.cloudir.model.waf.WafField k : io.cloudir.model.waf.WafField.values()) {
        known |= !k.inHttpRequest() && k.jsonName().equals(f);
      }
      if (!known) {
        unknown.add(f);
      }
    });
    assertEquals(unknown, new ArrayList<>(r.unknownFields().keySet()));
  }

  static void differentialResolver(ResolverQueryLogRecord r) throws IOException {
    JsonNode n = MAPPER.readTree(r.toJson());
    assertEquals(text(n, "/version"), r.version());
    assertEquals(text(n, "/account_id"), r.accountId());
    assertEquals(text(n, "/region"), r.region());
    assertEquals(text(n, "/vpc_id"), r.vpcId());
    assertEquals(java.time.Instant.parse(text(n, "/query_timestamp")), r.time());
    assertEquals(text(n, "/query_name"), r.queryName());
    assertEquals(text(n, "/query_type"), r.queryType());
    assertEquals(text(n, "/query_class"), r.queryClass());
    assertEquals(text(n, "/rcode"), r.rcode());
    assertEquals(text(n, "/srcaddr"), r.srcaddrText());
    assertEquals(text(n, "/srcaddr"), r.srcaddr() == null ? null : r.srcaddr().toString());
    assertEquals(Integer.parseInt(text(n, "/srcport")), r.srcport());
    assertEquals(text(n, "/transport"), r.transport());
    assertEquals(text(n, "/srcids/instance"), r.instanceId());
    assertEquals(text(n, "/srcids/resolver_endpoint"), r.resolverEndpointId());
    assertEquals(text(n, "/srcids/resolver_network_interface"), r.resolverNetworkInterfaceId());
    assertEquals(text(n, "/firewall_rule_action"), r.firewallRuleAction());
    assertEquals(text(n, "/firewall_rule_group_id"), r.firewallRuleGroupId());
    assertEquals(text(n, "/firewall_domain_list_id"), r.firewallDomainListId());
    assertEquals(n.path("answers").size(), r.answers().size());
    for (int i = 0; i < r.answers().size(); i++) {
      JsonNode a = n.path("answers").get(i);
      assertEquals(text(a, "/Rdata"), r.answers().get(i).rdata());
      assertEquals(text(a, "/Type"), r.answers().get(i).type());
      assertEquals(text(a, "/Class"), r.answers().get(i).dnsClass());
    }
  }
}
