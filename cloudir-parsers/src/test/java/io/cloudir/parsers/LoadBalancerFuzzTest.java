package io.cloudir.parsers;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cloudir.model.LogRecord;
import io.cloudir.model.SourceType;
import io.cloudir.model.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzzes the LoadBalancer reader over arbitrary bytes, with the type given and detected: nothing but
 * records and rejections comes out, the counts add up, every record's JSON is one JSON object,
 * and parsing a record's line again gives the same JSON. Seeds: {@code LoadBalancerFuzzTestInputs/fuzz/}.
 * Real fuzzing: {@code JAZZER_FUZZ=1}.
 */
class LoadBalancerFuzzTest {

  @FuzzTest(maxDuration = "2m")
  void fuzz(byte[] data) {
    check(data, SourceType.ALB);
    check(data, null);
  }

  private static void check(byte[] data, SourceType type) {
    List<Rejection> rejections = new ArrayList<>();
    List<LogRecord> records = new ArrayList<>();
    ReadStats stats;
    try (RecordStream s = LogReader.builder().type(type).onRejection(rejections::add).build()
        .open(List.of(LogSource.of("fuzz", data)))) {
      s.forEach(records::add);
      stats = s.stats();
    }
    if (stats.parsed() != records.size() || stats.rejected() != rejections.size()
        || stats.records() != stats.parsed() + stats.rejected()) {
      throw new IllegalStateException("counts do not add up: " + stats);
    }
    for (Rejection r : rejections) {
      if (r.offset() < 0 || r.offset() > data.length || r.line() < 1) {
        throw new IllegalStateException("rejection outside the input: " + r);
      }
    }
    for (LogRecord r : records) {
      String json = r.toJson();
      if (!JsonValue.parse(json).isObject()) {
        throw new IllegalStateException("not a JSON object: " + json);
      }
      r.warnings();
      r.time();
      if (r instanceof io.cloudir.model.elb.LoadBalancerLogRecord x) {
        String again = io.cloudir.model.elb.LoadBalancerLogRecord.parse(x.line()).toJson();
        if (!again.equals(json)) {
          throw new IllegalStateException("re-parsing the line changes it: " + json + " vs " + again);
        }
        x.extraFields();
        x.detach();
      }
    }
  }
}
