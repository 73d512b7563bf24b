package io.cloudir.parsers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.model.LogRecord;
import io.cloudir.model.SourceType;
import io.cloudir.model.route53.ResolverQueryLogRecord;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Reads every Route 53 Resolver file of ../shared/corpus: the record counts of MANIFEST.tsv
 * (detected and with the type given), nothing rejected, and every typed value equal to Jackson's
 * reading of the same record.
 */
@Tag("corpus")
class ResolverCorpusTest {
  @TestFactory
  Stream<DynamicTest> manifestCounts() throws IOException {
    return JsonFormatsCorpusTest.counts("route53_resolver/", SourceType.ROUTE53_RESOLVER,
        ResolverQueryLogRecord.class);
  }

  @TestFactory
  Stream<DynamicTest> jacksonDifferential() throws IOException {
    return CloudTrailCorpusTest.manifest("route53_resolver/").stream().map(e -> DynamicTest.dynamicTest(e.path(), () -> {
      for (LogRecord r : JsonFormatsCorpusTest.read(e.path(), null).records()) {
        JsonFormatsCorpusTest.differentialResolver((ResolverQueryLogRecord) r);
      }
    }));
  }

  @Test
  void oddCases() {
    // the docs example: srcport is a string, instance source, firewall BLOCK, re-indented JSON
    ResolverQueryLogRecord doc = (ResolverQueryLogRecord) JsonFormatsCorpusTest
        .read("route53_resolver/aws_docs_examples/resolver_query_log_example.json", null).records().get(0);
    assertEquals(56067, doc.srcport());
    assertEquals("i-0d15cd0d3example", doc.instanceId());
    assertEquals("BLOCK", doc.firewallRuleAction());
    assertEquals("203.0.113.9", doc.answers().get(0).rdata());
    assertTrue(doc.warnings().isEmpty(), doc.warnings().toString());
    assertEquals(1, doc.provenance().line());
    // inbound endpoint source ids
    ResolverQueryLogRecord in = (ResolverQueryLogRecord) JsonFormatsCorpusTest
        .read("route53_resolver/opensearch_security_analytics/dns-sample.json", null).records().get(0);
    assertEquals("rslvr-in-0000000000000000", in.resolverEndpointId());
    assertEquals("rni-0000000000000000", in.resolverNetworkInterfaceId());
    assertEquals("ALERT", in.firewallRuleAction());
  }
}
