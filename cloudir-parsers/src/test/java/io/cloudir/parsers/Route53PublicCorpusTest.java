package io.cloudir.parsers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cloudir.model.LogRecord;
import io.cloudir.model.SourceType;
import io.cloudir.model.route53.PublicDnsQueryLogRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/** Every Route 53 public DNS query log file of ../shared/corpus, auto-detected, against MANIFEST.tsv. */
@Tag("corpus")
class Route53PublicCorpusTest {
  @TestFactory
  Stream<DynamicTest> manifestCounts() throws IOException {
    return CloudTrailCorpusTest.manifest("route53_public_dns/").stream().map(e -> DynamicTest.dynamicTest(e.path(), () -> {
      List<Rejection> rej = new ArrayList<>();
      List<LogRecord> recs = new ArrayList<>();
      try (RecordStream s = LogReader.builder().onRejection(rej::add).build()
          .open(List.of(LogSource.of(CloudTrailCorpusTest.corpus().resolve(e.path()))))) {
        s.forEach(recs::add);
      }
      assertEquals(Integer.parseInt(e.count()), recs.size(), rej.toString());
      assertEquals(0, rej.size(), rej.toString());
      for (LogRecord r : recs) {
        assertEquals(SourceType.ROUTE53_PUBLIC, r.source());
        assertEquals(List.of(), r.warnings(), ((PublicDnsQueryLogRecord) r).toLine());
      }
    }));
  }
}
