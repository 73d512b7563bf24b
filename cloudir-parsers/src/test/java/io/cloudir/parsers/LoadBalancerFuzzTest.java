package io.cloudir.parsers;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cloudir.model.SourceType;
import io.cloudir.model.elb.LoadBalancerLogRecord;

/**
 * Fuzzes the LoadBalancer reader over arbitrary bytes, with the type given and detected: nothing but
 * records and rejections comes out, the counts add up, every record's JSON is one JSON object,
 * and parsing a record's line again gives the same JSON ({@link ReaderFuzzChecks}). Seeds:
 * {@code LoadBalancerFuzzTestInputs/fuzz/}. Real fuzzing: {@code JAZZER_FUZZ=1}.
 */
class LoadBalancerFuzzTest {

  @FuzzTest(maxDuration = "2m")
  void fuzz(byte[] data) {
    ReaderFuzzChecks.check(data, SourceType.ALB, LoadBalancerLogRecord.class, LoadBalancerFuzzTest::again);
    ReaderFuzzChecks.check(data, null, LoadBalancerLogRecord.class, LoadBalancerFuzzTest::again);
  }

  private static LoadBalancerLogRecord again(LoadBalancerLogRecord x) {
    x.extraFields();
    x.detach();
    return LoadBalancerLogRecord.parse(x.line());
  }
}
