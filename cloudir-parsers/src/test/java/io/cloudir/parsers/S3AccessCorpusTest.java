package io.cloudir.parsers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.model.LogRecord;
import io.cloudir.model.SourceType;
import io.cloudir.model.s3.S3AccessLogField;
import io.cloudir.model.s3.S3AccessLogRecord;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * Every S3 server access log file of ../shared/corpus, read with detection and with {@code
 * --type s3-access}: the record counts of MANIFEST.tsv, nothing rejected, every record with a
 * time, a status and a request ID; the legacy 18-field lines of logstash-patterns-core lack the
 * later fields.
 */
@Tag("corpus")
class S3AccessCorpusTest {
  @TestFactory
  Stream<DynamicTest> manifestCounts() throws IOException {
    return TextCorpusSupport.manifest("s3_access/").stream()
        .map(e -> DynamicTest.dynamicTest(e.path(), () -> {
          TextCorpusSupport.Result r = TextCorpusSupport.check(e, SourceType.S3_ACCESS);
          int legacy = 0;
          for (LogRecord rec : r.records()) {
            S3AccessLogRecord s = (S3AccessLogRecord) rec;
            assertNotNull(s.time(), s.line());
            assertTrue(s.httpStatus() >= 100, s.line());
            assertNotNull(s.requestId(), s.line());
            assertFalse(s.hasWarnings(), s.line() + " " + s.warnings());
            if (!s.has(S3AccessLogField.HOST_ID)) {
              legacy++;
            }
          }
          if (e.path().endsWith("s3_spec_messages.log")) {
            assertEquals(2, legacy, "the two old-layout lines");
          } else {
            assertEquals(0, legacy, e.path());
          }
        }));
  }
}
