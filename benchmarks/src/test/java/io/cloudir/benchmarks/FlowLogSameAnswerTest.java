package io.cloudir.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every {@link FlowLogParseBenchmark} variant computes the same answer, and it is not trivial. */
class FlowLogSameAnswerTest {
  @Test
  void allVariantsAgreeOnBothFormats() throws IOException {
    for (String input : new String[] {"v2", "v5"}) {
      FlowLogParseBenchmark b = new FlowLogParseBenchmark();
      b.input = input;
      b.size = 2_000_000;
      b.setup();
      FlowAnswer peer = b.parse_bufferedReaderSplit(new ParseRates());
      assertEquals(peer, b.parse_cloudirCursor(new ParseRates()), input);
      assertEquals(peer, b.parse_cloudirRecords(new ParseRates()), input);
      long lines = new String(b.bytes, StandardCharsets.US_ASCII).lines().count() - 1;
      assertEquals(lines, peer.records, input);
      assertTrue(peer.accepts > peer.records / 2 && peer.accepts < peer.records, peer.toString());
    }
  }
}
