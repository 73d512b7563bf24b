package io.cloudir.parsers;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cloudir.model.SourceType;
import io.cloudir.model.s3.S3AccessLogRecord;

/**
 * Fuzzes the S3Access reader over arbitrary bytes, with the type given and detected: nothing but
 * records and rejections comes out, the counts add up, every record's JSON is one JSON object,
 * and parsing a record's line again gives the same JSON ({@link ReaderFuzzChecks}). Seeds:
 * {@code S3AccessFuzzTestInputs/fuzz/}. Real fuzzing: {@code JAZZER_FUZZ=1}.
 */
class S3AccessFuzzTest {

  @FuzzTest(maxDuration = "2m")
  void fuzz(byte[] data) {
    ReaderFuzzChecks.check(data, SourceType.S3_ACCESS, S3AccessLogRecord.class, S3AccessFuzzTest::again);
    ReaderFuzzChecks.check(data, null, S3AccessLogRecord.class, S3AccessFuzzTest::again);
  }

  private static S3AccessLogRecord again(S3AccessLogRecord x) {
    x.extraFields();
    x.detach();
    return S3AccessLogRecord.parse(x.line());
  }
}
