package io.cloudir.parsers;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cloudir.model.LogRecord;
import io.cloudir.model.SourceType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzzes the flow log and Route 53 public readers end to end (detection, line splitting,
 * envelopes, the cursor reader): nothing may throw, the accounting must hold, and the cursor
 * reader must agree with the LogReader. Seeds: {@code FlowLogReaderFuzzTestInputs/fuzz/}.
 */
class FlowLogReaderFuzzTest {
  @FuzzTest(maxDuration = "2m")
  void fuzz(byte[] data) throws IOException {
    ReadLimits limits = ReadLimits.builder().maxLineBytes(512).build();
    for (SourceType t : new SourceType[] {null, SourceType.VPC_FLOW, SourceType.ROUTE53_PUBLIC}) {
      List<LogRecord> recs = new ArrayList<>();
      ReadStats st;
      try (RecordStream s = LogReader.builder().type(t).limits(limits).build().open(List.of(LogSource.of("f", data)))) {
        for (LogRecord r : s) {
          r.toJson();
          r.warnings();
          recs.add(r);
        }
        st = s.stats();
      }
      if (st.records() != st.parsed() + st.rejected() || st.parsed() != recs.size()) {
        throw new IllegalStateException("accounting: " + st);
      }
      if (SourceType.VPC_FLOW.equals(t)) {
        try (FlowLogCursorReader c = FlowLogCursorReader.open(LogSource.of("f", data), limits)) {
          int i = 0;
          while (c.next()) {
            if (i >= recs.size() || !recs.get(i++).equals(c.cursor().toRecord())) {
              throw new IllegalStateException("cursor reader differs at record " + i);
            }
          }
          if (i != recs.size()) {
            throw new IllegalStateException("cursor reader read " + i + " of " + recs.size());
          }
        }
      }
    }
  }
}
