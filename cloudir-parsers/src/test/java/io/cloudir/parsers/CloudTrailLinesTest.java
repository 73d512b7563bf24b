package io.cloudir.parsers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.cloudir.model.LogRecord;
import io.cloudir.model.cloudtrail.CloudTrailCursor;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The line of every CloudTrail record (counted by the index as it skips white space, and in the
 * gaps between records) is the line of its first byte: one plus the line feeds before its offset.
 * Layouts with line feeds everywhere white space may be (between members, inside nested values and
 * {@code userIdentity}, between records), read in memory and streamed in small blocks, and by the
 * cursor reader asking for the line of only some records.
 */
class CloudTrailLinesTest {
  private static String ws(SplittableRandom r) {
    return switch (r.nextInt(6)) {
      case 0 -> "\n";
      case 1 -> " \n\t";
      case 2 -> "\r\n  ";
      case 3 -> "\n\n";
      default -> "";
    };
  }

  private static String event(SplittableRandom r, int i) {
    String w1 = ws(r);
    String w2 = ws(r);
    return "{" + w1 + "\"eventVersion\"" + ws(r) + ":" + ws(r) + "\"1.08\"," + w2
        + "\"userIdentity\":{" + ws(r) + "\"type\":\"IAMUser\"," + ws(r) + "\"arn\"" + ws(r) + ":"
        + "\"arn:aws:iam::123456789012:user/u" + i + "\"," + "\"sessionContext\":{" + ws(r)
        + "\"attributes\":{\"mfaAuthenticated\"" + ws(r) + ":\"false\"}" + ws(r) + "}" + ws(r) + "},"
        + "\"eventTime\":\"2024-03-11T00:00:0" + (i % 10) + "Z\"," + ws(r)
        + "\"eventName\":\"Get\\u0020Thing\",\"requestParameters\":{" + ws(r) + "\"a\":[" + ws(r)
        + "1," + ws(r) + "true," + ws(r) + "null" + ws(r) + "]," + ws(r) + "\"b\":\"R\u00e9sum\u00e9\"}"
        + ws(r) + ",\"custom\"" + ws(r) + ":" + ws(r) + "{\"x\":" + ws(r) + "-1.5e3}" + ws(r) + "}";
  }

  private static String document(SplittableRandom r, int n) {
    StringBuilder sb = new StringBuilder();
    int layout = r.nextInt(3);
    if (layout == 0) {
      sb.append(ws(r)).append("{").append(ws(r)).append("\"Records\"").append(ws(r)).append(":")
          .append(ws(r)).append("[");
    } else if (layout == 1) {
      sb.append("[").append(ws(r));
    }
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(layout == 2 ? "\n" : ws(r) + "," + ws(r));
      }
      sb.append(event(r, i));
    }
    if (layout == 0) {
      sb.append(ws(r)).append("]").append(ws(r)).append("}").append(ws(r));
    } else if (layout == 1) {
      sb.append(ws(r)).append("]").append(ws(r));
    }
    return sb.toString();
  }

  private static long lineOf(byte[] data, long offset) {
    long n = 1;
    for (int i = 0; i < offset; i++) {
      if (data[i] == '\n') {
        n++;
      }
    }
    return n;
  }

  @Test
  void everyRecordCarriesTheLineOfItsFirstByte() {
    qt().withExamples(150).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom r = new SplittableRandom(seed);
      int n = 1 + r.nextInt(40); // up to ~20 KB: several refills of a 4 KiB block
      byte[] data = document(r, n).getBytes(StandardCharsets.UTF_8);
      int block = 4096 + r.nextInt(2000);
      List<LogSource> sources = List.of(LogSource.of("mem.json", data),
          LogSource.of("stream.json", () -> new ByteArrayInputStream(data)));
      List<Rejection> rejections = new ArrayList<>();
      List<LogRecord> records = new ArrayList<>();
      try (RecordStream rs = LogReader.builder().blockSize(block).onRejection(rejections::add).build()
          .open(sources)) {
        rs.forEach(records::add);
      }
      assertEquals(List.of(), rejections, "seed " + seed);
      assertEquals(2 * n, records.size(), "seed " + seed);
      for (LogRecord rec : records) {
        long off = rec.provenance().offset();
        assertTrue(off >= 0 && off < data.length && data[(int) off] == '{', "seed " + seed);
        assertEquals(lineOf(data, off), rec.provenance().line(), "seed " + seed + " offset " + off);
      }
      // the cursor reader, asking for the line of only some records
      try (CloudTrailCursorReader c = CloudTrailCursorReader.open(
          r.nextBoolean() ? sources.get(0) : sources.get(1), ReadLimits.defaults())) {
        int count = 0;
        while (c.next()) {
          CloudTrailCursor cur = c.cursor();
          count++;
          if (r.nextInt(3) > 0) {
            assertEquals(lineOf(data, cur.offset()), cur.line(), "seed " + seed + " cursor " + count);
          }
        }
        assertEquals(n, count, "seed " + seed);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }
}
