package io.cloudir.parsers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.cloudir.model.LogRecord;
import io.cloudir.model.SourceType;
import io.cloudir.model.elb.LoadBalancerKind;
import io.cloudir.model.elb.LoadBalancerLogRecord;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * Every ALB / NLB / Classic access log file of ../shared/corpus, read with detection and with
 * {@code --type alb}: the record counts of MANIFEST.tsv (the control-line file has none and is
 * skipped without rejection), the kind of each line as its SOURCES.md says, and the five-octet
 * client addresses of the grafana/loki sample kept with one warning each.
 */
@Tag("corpus")
class LoadBalancerCorpusTest {
  @TestFactory
  Stream<DynamicTest> manifestCounts() throws IOException {
    return TextCorpusSupport.manifest("elb/").stream()
        .map(e -> DynamicTest.dynamicTest(e.path(), () -> {
          TextCorpusSupport.Result r = TextCorpusSupport.check(e, SourceType.ALB);
          Map<LoadBalancerKind, Integer> kinds = new EnumMap<>(LoadBalancerKind.class);
          int warned = 0;
          for (LogRecord rec : r.records()) {
            LoadBalancerLogRecord l = (LoadBalancerLogRecord) rec;
            assertNotNull(l.time(), l.line());
            kinds.merge(l.kind(), 1, Integer::sum);
            if (l.hasWarnings()) {
              warned++;
              assertEquals("client.malformed", l.warnings().get(0).code());
              assertNull(l.clientIp());
            } else {
              assertNotNull(l.clientIp(), l.line());
            }
          }
          String p = e.path();
          LoadBalancerKind expected = p.contains("nlb") ? LoadBalancerKind.NETWORK
              : p.contains("clb") || p.contains("classic") ? LoadBalancerKind.CLASSIC : LoadBalancerKind.APPLICATION;
          if (!r.records().isEmpty()) {
            assertEquals(Map.of(expected, r.records().size()), kinds, p);
          }
          assertEquals(p.endsWith("albaccesslog.log.gz") ? 2 : 0, warned, p);
        }));
  }
}
