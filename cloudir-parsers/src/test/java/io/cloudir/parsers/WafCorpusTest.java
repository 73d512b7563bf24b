package io.cloudir.parsers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.model.LogRecord;
import io.cloudir.model.SourceType;
import io.cloudir.model.waf.WafLogRecord;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Reads every WAF file of ../shared/corpus: the record counts of MANIFEST.tsv (detected and with
 * the type given), nothing rejected, and every typed value equal to Jackson's reading of the same
 * record.
 */
@Tag("corpus")
class WafCorpusTest {
  @TestFactory
  Stream<DynamicTest> manifestCounts() throws IOException {
    return JsonFormatsCorpusTest.counts("waf/", SourceType.WAF, WafLogRecord.class);
  }

  @TestFactory
  Stream<DynamicTest> jacksonDifferential() throws IOException {
    return CloudTrailCorpusTest.manifest("waf/").stream().map(e -> DynamicTest.dynamicTest(e.path(), () -> {
      for (LogRecord r : JsonFormatsCorpusTest.read(e.path(), null).records()) {
        JsonFormatsCorpusTest.differentialWaf((WafLogRecord) r);
      }
    }));
  }

  @Test
  void oddCases() {
    // pretty-printed with tabs, WAF Classic bare-UUID webaclId, rule lists with excludedRules
    WafLogRecord classic = (WafLogRecord) JsonFormatsCorpusTest.read("waf/dpetzold_aws_log_parser/waf_log.json", null)
        .records().get(0);
    assertEquals("385cb038-3a6f-4f2f-ac64-09ab912af590", classic.webaclId());
    assertEquals(2, classic.rateBasedRuleList().size());
    assertEquals(100, classic.rateBasedRuleList().get(0).maxRateAllowed());
    assertEquals("4659b169-2083-4a91-bbd4-08851a9aaf74",
        classic.ruleGroupList().get(0).nonTerminatingMatchingRules().get(0).ruleId());
    assertFalse(classic.toJson().contains("\t"));
    // partly fake sample: unknown dotted field kept, fake formatVersion, no clientIp
    WafLogRecord fake = (WafLogRecord) JsonFormatsCorpusTest.read("waf/opensearch_security_analytics/waf-sample.json", null)
        .records().get(0);
    assertEquals("WPScan v", fake.unknownFields().get("waf.request.headers.user_agent").asString());
    assertEquals(1234, fake.formatVersion());
    assertNull(fake.clientIp());
    assertEquals(403, fake.responseCodeSent());
    assertEquals("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/81.0.4044.129 Safari/537.36",
        fake.header("user-agent"));
    // a CF record, then an APIGW record with evaluationWindowSec as a string
    var multi = JsonFormatsCorpusTest.read("waf/otel_collector_contrib/valid_log_multi.json", null).records();
    assertEquals(300, ((WafLogRecord) multi.get(0)).rateBasedRuleList().get(0).evaluationWindowSec());
    WafLogRecord apigw = (WafLogRecord) multi.get(1);
    assertEquals(120, apigw.rateBasedRuleList().get(0).evaluationWindowSec());
    assertEquals("CUSTOMKEYS", apigw.rateBasedRuleList().get(0).limitKey());
    assertEquals("ella", apigw.header("DOGNAME"));
    // JWT authorization header read whole
    WafLogRecord appsync = (WafLogRecord) JsonFormatsCorpusTest.read("waf/centralized_logging_with_opensearch/waf.log", null)
        .records().get(0);
    String jwt = appsync.header("Authorization");
    assertTrue(jwt != null && jwt.startsWith("eyJ") && jwt.split("\\.").length == 3, jwt);
    // docs: a header object with "myValue" instead of "value"
    var docs = JsonFormatsCorpusTest.read("waf/aws_docs_examples/waf_docs_examples.ndjson", null).records();
    WafLogRecord odd = (WafLogRecord) docs.get(1);
    assertEquals("myHeader", odd.headers().get(3).name());
    assertNull(odd.headers().get(3).value());
    assertNull(odd.header("myHeader"));
    WafLogRecord captcha = (WafLogRecord) docs.get(5);
    assertEquals("TOKEN_MISSING", captcha.captchaResponse().failureReason());
    assertEquals(405, captcha.captchaResponse().responseCode());
  }
}
