package io.cloudir.parsers;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cloudir.model.LogRecord;
import io.cloudir.model.MalformedInputException;
import io.cloudir.model.Provenance;
import io.cloudir.model.SourceType;
import io.cloudir.model.route53.ResolverQueryLogRecord;
import io.cloudir.model.waf.WafLogRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzzes the WAF and Resolver readers and record parsers: reading never throws, the accounting
 * holds, every record answers every accessor and survives a round trip through {@code toJson()}.
 * Seeds: {@code JsonRecordFuzzTestInputs/<method>/}. Real fuzzing: {@code JAZZER_FUZZ=1}.
 */
class JsonRecordFuzzTest {

  @FuzzTest(maxDuration = "2m")
  void waf(byte[] data) {
    for (LogRecord r : read(data, SourceType.WAF)) {
      touch((WafLogRecord) r);
    }
    try {
      touch(WafLogRecord.parse(data, Provenance.inMemory()));
    } catch (MalformedInputException expected) {
      check(expected.location().offset() >= 0 && expected.location().offset() <= data.length, "offset in range");
    }
  }

  @FuzzTest(maxDuration = "2m")
  void resolver(byte[] data) {
    for (LogRecord r : read(data, SourceType.ROUTE53_RESOLVER)) {
      touch((ResolverQueryLogRecord) r);
    }
    try {
      touch(ResolverQueryLogRecord.parse(data, Provenance.inMemory()));
    } catch (MalformedInputException expected) {
      check(expected.location().offset() >= 0 && expected.location().offset() <= data.length, "offset in range");
    }
  }

  private static List<LogRecord> read(byte[] data, SourceType type) {
    List<LogRecord> out = new ArrayList<>();
    List<Rejection> rej = new ArrayList<>();
    ReadLimits limits = ReadLimits.builder().maxRecordBytes(1 << 16).maxDepth(64).build();
    for (SourceType t : new SourceType[] {type, null}) {
      out.clear();
      rej.clear();
      try (RecordStream s = LogReader.builder().type(t).limits(limits).onRejection(rej::add).build()
          .open(List.of(LogSource.of("fuzz", data)))) {
        s.forEach(out::add);
        ReadStats st = s.stats();
        check(st.parsed() == out.size() && st.rejected() == rej.size(), "accounting");
      }
      if (t != null) {
        List<LogRecord> keep = new ArrayList<>(out);
        return keep;
      }
    }
    return out;
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException(what);
    }
  }

  static void touch(WafLogRecord w) {
    w.time();
    w.warnings();
    w.formatVersion();
    w.webaclId();
    w.terminatingRuleId();
    w.terminatingRuleType();
    w.action();
    w.terminatingRuleMatchDetails();
    w.httpSourceName();
    w.httpSourceId();
    w.ruleGroupList();
    w.rateBasedRuleList();
    w.nonTerminatingMatchingRules();
    w.requestHeadersInserted();
    w.responseCodeSent();
    w.httpRequest();
    w.clientIp();
    w.country();
    w.uri();
    w.args();
    w.httpVersion();
    w.httpMethod();
    w.requestId();
    w.scheme();
    w.host();
    w.fragment();
    w.headers();
    w.header("user-agent");
    w.headerValues("host");
    w.labels();
    w.captchaResponse();
    w.challengeResponse();
    w.ja3Fingerprint();
    w.ja4Fingerprint();
    w.oversizeFields();
    w.requestBodySize();
    w.requestBodySizeInspectedByWAF();
    w.clientAsn();
    w.forwardedAsn();
    w.cfDistributionTenantId();
    w.unknownFields();
    WafLogRecord again = WafLogRecord.parse(w.toJson());
    check(again.equals(w), "round trip");
    check(again.toJson().equals(w.toJson()), "toJson stable");
    check(again.warnings().equals(w.warnings()), "same warnings");
    check(w.detach().equals(w), "detach");
  }

  static void touch(ResolverQueryLogRecord q) {
    q.time();
    q.warnings();
    q.version();
    q.accountId();
    q.region();
    q.vpcId();
    q.queryName();
    q.queryType();
    q.queryClass();
    q.rcode();
    q.answers();
    q.srcaddr();
    q.srcport();
    q.transport();
    q.srcids();
    q.instanceId();
    q.resolverEndpointId();
    q.resolverNetworkInterfaceId();
    q.firewallRuleAction();
    q.firewallRuleGroupId();
    q.firewallDomainListId();
    q.unknownFields();
    ResolverQueryLogRecord again = ResolverQueryLogRecord.parse(q.toJson());
    check(again.equals(q), "round trip");
    check(again.toJson().equals(q.toJson()), "toJson stable");
    check(again.warnings().equals(q.warnings()), "same warnings");
  }
}
