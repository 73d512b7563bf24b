package io.cloudir.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.model.LogRecord;
import io.cloudir.rules.Engine;
import io.cloudir.rules.Rule;
import io.cloudir.rules.Session;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Both hunt variants compute the same answer, and it equals an independent reference: every
 * rule in an engine of its own, each over every record (so routing in the shared engine neither
 * loses nor duplicates a finding).
 */
class HuntSameAnswerTest {
  @Test
  void variantsAgreeWithOneEnginePerRule() {
    for (String n : List.of("10", "100", "all")) {
      HuntBenchmark b = new HuntBenchmark();
      b.rules = n;
      b.bytes = 1 << 20;
      b.setup();
      long e2e = b.endToEnd();
      assertEquals(e2e, b.engineOnly(), n);
      long reference = 0;
      for (Rule r : b.engine.rules()) {
        long[] count = new long[1];
        Session s = Engine.compile(List.of(r)).newSession(f -> count[0]++);
        for (LogRecord rec : b.parsed) {
          s.accept(rec);
        }
        s.flush();
        reference += count[0];
      }
      assertEquals(reference * 1_000_003L + b.events(), e2e, n);
      assertTrue(reference > 0, "no rule fired on the generated mix with " + n + " rules");
      if (!n.equals("all")) {
        assertEquals(Integer.parseInt(n), b.engine.rules().size());
      }
    }
  }
}
