package io.cloudir.parsers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.model.LogRecord;
import io.cloudir.model.SourceType;
import io.cloudir.parsers.ReadLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The S3 and load balancer engines when blocks are reused (not shared): records copy their line,
 * so they stay intact while the engine reads on in small pieces. And the registry knows both.
 */
class TextFormatEngineTest {
  static final String S3 = "79a5 mybucket [06/Feb/2014:00:00:38 +0000] 192.0.2.3 79a5 3E57427F3EXAMPLE"
      + " REST.GET.VERSIONING - \"GET /mybucket?versioning HTTP/1.1\" 200 - 113 - 7 - \"-\" \"S3Console/0.4\" -";

  static ByteSource trickle(byte[] data, int piece) {
    int[] pos = {0};
    return (b, off, len) -> {
      if (pos[0] >= data.length) {
        return -1;
      }
      int n = Math.min(Math.min(len, piece), data.length - pos[0]);
      System.arraycopy(data, pos[0], b, off, n);
      pos[0] += n;
      return n;
    };
  }

  @Test
  void recordsSurviveBufferReuse() throws IOException {
    StringBuilder sb = new StringBuilder();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      String line = S3.replace("3E57427F3EXAMPLE", "REQ" + i);
      expected.add(line);
      sb.append(line).append('\n');
    }
    FormatSupport f = Formats.of(SourceType.S3_ACCESS);
    assertNotNull(f);
    RecordEngine e = f.open(trickle(sb.toString().getBytes(StandardCharsets.UTF_8), 777), "t",
        ReadLimits.defaults(), false, ReaderOptions.NONE);
    List<LogRecord> recs = new ArrayList<>();
    int r;
    while ((r = e.next()) != RecordEngine.END) {
      assertEquals(RecordEngine.RECORD, r);
      recs.add(e.record());
    }
    assertEquals(2000, recs.size());
    for (int i = 0; i < recs.size(); i++) {
      assertEquals(expected.get(i), ((io.cloudir.model.s3.S3AccessLogRecord) recs.get(i)).line());
      assertEquals(i + 1, recs.get(i).provenance().line());
    }
  }

  @Test
  void registryKnowsBothTypes() {
    assertTrue(Formats.names().contains("s3-access"));
    assertTrue(Formats.names().contains("alb"));
    byte[] s3 = S3.getBytes(StandardCharsets.UTF_8);
    FormatSupport d = Formats.detect(s3, s3.length);
    assertNotNull(d);
    assertEquals(SourceType.S3_ACCESS, d.type());
    // a head of HEAD bytes cut inside a line: the cut line is not judged
    byte[] head = new byte[Formats.HEAD];
    byte[] line = (S3 + "\n").getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < head.length; i++) {
      head[i] = line[i % line.length];
    }
    assertEquals(90, d.detect(head, head.length));
    byte[] mixed = (S3 + "\nnot an s3 line at all\n").getBytes(StandardCharsets.UTF_8);
    assertEquals(60, d.detect(mixed, mixed.length), "one line of two looks like S3");
  }
}
