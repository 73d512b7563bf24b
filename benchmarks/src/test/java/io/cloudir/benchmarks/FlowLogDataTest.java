package io.cloudir.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.model.net.IpAddress;
import io.cloudir.model.vpcflow.FlowLogCursor;
import io.cloudir.model.vpcflow.FlowLogField;
import io.cloudir.parsers.FlowLogCursorReader;
import io.cloudir.parsers.LogSource;
import io.cloudir.parsers.ReadLimits;
import io.cloudir.parsers.ReadStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The generated flow logs are realistic: every line is a clean record (no warnings, no
 * rejections), and every address that is not {@code -} is a complete IPv4 or IPv6 address.
 */
class FlowLogDataTest {
  @Test
  void everyLineIsACleanRecordWithCompleteAddresses() throws IOException {
    for (String input : new String[] {"v2", "v5"}) {
      byte[] bytes = FlowLogData.generate(input, FlowLogData.DEFAULT_SEED, 1_000_000);
      long lines = new String(bytes, StandardCharsets.US_ASCII).lines().count() - 1;
      long v4 = 0;
      long v6 = 0;
      try (FlowLogCursorReader r = FlowLogCursorReader.open(LogSource.of("mem", bytes), ReadLimits.defaults())) {
        FlowLogCursor c = r.cursor();
        while (r.next()) {
          for (FlowLogField f : new FlowLogField[] {FlowLogField.SRCADDR, FlowLogField.DSTADDR}) {
            int s = c.valueStart(f);
            int e = c.valueEnd(f);
            String text = new String(c.buffer(), s, e - s, StandardCharsets.US_ASCII);
            if (text.equals("-")) {
              continue;
            }
            IpAddress a = IpAddress.tryParse(c.buffer(), s, e);
            assertNotNull(a, input + " line " + c.line() + ": " + text);
            if (text.indexOf(':') >= 0) {
              v6++;
            } else {
              assertEquals(3, text.chars().filter(ch -> ch == '.').count(), text);
              v4++;
            }
          }
        }
        ReadStats st = r.stats();
        assertEquals(lines, st.parsed(), input);
        assertEquals(0, st.rejected(), input);
        assertEquals(0, st.warnings(), input + " " + st);
      }
      assertTrue(v6 > 0 && v4 > 10 * v6, input + " v4=" + v4 + " v6=" + v6);
    }
  }
}
