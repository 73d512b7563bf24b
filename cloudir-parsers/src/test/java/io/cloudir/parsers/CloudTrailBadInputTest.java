package io.cloudir.parsers;

import static io.cloudir.parsers.TestSupport.concat;
import static io.cloudir.parsers.TestSupport.event;
import static io.cloudir.parsers.TestSupport.eventTrace;
import static io.cloudir.parsers.TestSupport.expectedEvents;
import static io.cloudir.parsers.TestSupport.gzip;
import static io.cloudir.parsers.TestSupport.readAll;
import static io.cloudir.parsers.TestSupport.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.parsers.TestSupport.Doc;
import io.cloudir.parsers.TestSupport.Result;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input: each case with the documented outcome (source, offset, line, reason, bounded snippet). */
class CloudTrailBadInputTest {

  /** Byte offset of the first occurrence of {@code marker} in {@code b}. */
  static int at(byte[] b, String marker) {
    byte[] m = utf8(marker);
    outer:
    for (int i = 0; i + m.length <= b.length; i++) {
      for (int j = 0; j < m.length; j++) {
        if (b[i + j] != m[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("marker not found: " + marker);
  }

  static void assertRejection(Rejection r, String source, long offset, long line, String reasonPart) {
    assertEquals(source, r.source(), r::toString);
    assertEquals(offset, r.offset(), r::toString);
    assertEquals(line, r.line(), r::toString);
    assertTrue(r.reason().contains(reasonPart), () -> "reason '" + r.reason() + "' lacks '" + reasonPart + "'");
    assertTrue(r.snippet().length() <= Rejection.MAX_SNIPPET);
  }

  @Test
  void malformedJsonLineIsRejectedAndTheNextLinesParse() {
    Doc d = new Doc().rec(event(0)).raw("\n");
    d.raw("{\"eventVersion\":\"1.08\",\"eventName\":oops}\n");
    d.rec(event(1)).raw("\n").rec(event(2)).raw("\n");
    byte[] b = d.bytes();
    Result r = readAll("bad.jsonl", b);
    assertEquals(expectedEvents("bad.jsonl", d), eventTrace(r));
    assertEquals(1, r.rejections().size(), r.rejections()::toString);
    assertRejection(r.rejections().get(0), "bad.jsonl", at(b, "oops"), 2, "unexpected character 'o'");
    assertTrue(r.rejections().get(0).snippet().contains("oops"));
  }

  @Test
  void truncatedJsonLineDoesNotSwallowTheNextLine() {
    Doc d = new Doc().raw("{\"eventVersion\":\"1.08\",\"eventName\":\"Cut\"\n").rec(event(1)).raw("\n").rec(event(2));
    byte[] b = d.bytes();
    Result r = readAll("cut.jsonl", b);
    assertEquals(expectedEvents("cut.jsonl", d), eventTrace(r));
    assertEquals(1, r.rejections().size(), r.rejections()::toString);
    // documented outcome: the cut line is rejected at its end (where the value stops), the next line parses
    assertRejection(r.rejections().get(0), "cut.jsonl", at(b, "\n"), 1, "unexpected end of line");
    // a string cut at the end of its line
    Doc d2 = new Doc().raw("{\"eventVersion\":\"1.08\",\"eventName\":\"Cu\n").rec(event(1)).raw("\n");
    Result r2 = readAll("cut2.jsonl", d2.bytes());
    assertEquals(expectedEvents("cut2.jsonl", d2), eventTrace(r2));
    assertEquals(1, r2.rejections().size(), r2.rejections()::toString);
  }

  @Test
  void syntaxErrorInsideRecordsKeepsRecordsBeforeAndRejectsTheRestOnce() {
    Doc d = new Doc().raw("{\"Records\":[\n").rec(event(0)).raw(",\n").rec(event(1)).raw(",\n");
    d.raw("{\"eventVersion\":\"1.08\",\"eventName\":\"Y\" \"x\":1},\n" + event(3) + "\n]}\n");
    byte[] b = d.bytes();
    Result r = readAll("rec.json", b);
    assertEquals(expectedEvents("rec.json", d), eventTrace(r));
    assertEquals(1, r.rejections().size(), r.rejections()::toString);
    assertRejection(r.rejections().get(0), "rec.json", at(b, "\"x\":1"), 4, "expected ',' or '}'");
  }

  @Test
  void missingCommaBetweenRecordsIsASyntaxError() {
    Doc d = new Doc().raw("{\"Records\":[").rec(event(0)).raw(" ");
    int where = (int) d.size();
    d.raw(event(1) + "]}");
    Result r = readAll("nocomma.json", d.bytes());
    assertEquals(expectedEvents("nocomma.json", d), eventTrace(r));
    assertEquals(1, r.rejections().size(), r.rejections()::toString);
    assertRejection(r.rejections().get(0), "nocomma.json", where, 1, "expected ','");
    Result lead = readAll("lead.json", utf8("[," + event(0) + "]"));
    assertEquals(0, lead.events().size());
    assertEquals(1, lead.rejections().size());
    assertEquals(1, lead.rejections().get(0).offset());
  }

  @Test
  void trailingComma() {
    Doc d = new Doc().raw("{\"Records\":[").rec(event(0)).raw(",").rec(event(1)).raw(",\n]}");
    byte[] b = d.bytes();
    Result r = readAll("tc.json", b);
    assertEquals(expectedEvents("tc.json", d), eventTrace(r));
    assertEquals(1, r.rejections().size(), r.rejections()::toString);
    assertRejection(r.rejections().get(0), "tc.json", b.length - 2, 2, "trailing comma");
  }

  @Test
  void nonObjectElementsAreRejectedOneByOne() {
    Doc d = new Doc().raw("{\"Records\":[").rec(event(0)).raw(",");
    long[] offs = new long[4];
    String[] elems = {"42", "\"text\"", "[1,{\"a\":2}]", "null"};
    for (int i = 0; i < elems.length; i++) {
      offs[i] = d.size();
      d.raw(elems[i] + ",\n");
    }
    d.rec(event(1)).raw("]}");
    Result r = readAll("ne.json", d.bytes());
    assertEquals(expectedEvents("ne.json", d), eventTrace(r));
    assertEquals(4, r.rejections().size(), r.rejections()::toString);
    for (int i = 0; i < 4; i++) {
      assertRejection(r.rejections().get(i), "ne.json", offs[i], 1 + i, "not a JSON object");
    }
    // the same in a bare array and at top level
    Result arr = readAll("ne2.json", utf8("[" + event(0) + ",7," + event(1) + "]"));
    assertEquals(2, arr.events().size());
    assertEquals(1, arr.rejections().size());
    Result top = readAll("ne3.jsonl", utf8(event(0) + "\n\"str\"\n" + event(1) + "\n"));
    assertEquals(2, top.events().size());
    assertEquals(1, top.rejections().size());
    assertEquals(2, top.rejections().get(0).line());
  }

  @Test
  void invalidUtf8InsideAStringIsRejected() {
    byte[][] bads = {{(byte) 0xC3, 0x28}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xE2, (byte) 0x82}};
    for (byte[] bad : bads) {
      Doc d = new Doc().rec(event(0)).raw("\n");
      int off = (int) d.size();
      d.raw("{\"eventVersion\":\"1.08\",\"eventName\":\"A").raw(bad).raw("\"}\n");
      d.rec(event(1)).raw("\n");
      byte[] b = d.bytes();
      Result r = readAll("u.jsonl", b);
      String what = Arrays.toString(bad);
      assertEquals(expectedEvents("u.jsonl", d), eventTrace(r), what);
      assertEquals(1, r.rejections().size(), what);
      Rejection rej = r.rejections().get(0);
      assertEquals(2, rej.line(), what);
      int badAt = off + "{\"eventVersion\":\"1.08\",\"eventName\":\"A".length();
      assertTrue(rej.offset() >= badAt && rej.offset() <= badAt + bad.length, what + rej);
      assertTrue(rej.reason().contains("UTF-8"), rej::toString);
    }
  }

  @Test
  void duplicateTopLevelKeyIsRejected() {
    Doc d = new Doc();
    String dupKnown = "{\"eventVersion\":\"1.08\",\"eventName\":\"A\",\"eventName\":\"B\"}";
    String dupUnknown = "{\"eventVersion\":\"1.08\",\"x\":1,\"x\":2}";
    d.raw(dupKnown).raw("\n").rec(event(1)).raw("\n").raw(dupUnknown).raw("\n").rec(event(2));
    byte[] b = d.bytes();
    Result r = readAll("dup.jsonl", b);
    assertEquals(expectedEvents("dup.jsonl", d), eventTrace(r));
    assertEquals(2, r.rejections().size(), r.rejections()::toString);
    assertRejection(r.rejections().get(0), "dup.jsonl", at(b, "\"eventName\":\"B\""), 1, "duplicate key");
    assertRejection(r.rejections().get(1), "dup.jsonl", at(b, "\"x\":2"), 3, "duplicate key");
  }

  @Test
  void deeplyNestedArrayIsALimitRejectionNotAStackOverflow() {
    int n = 100_000;
    String deep = "{\"eventVersion\":\"1.08\",\"requestParameters\":{\"a\":" + "[".repeat(n) + "]".repeat(n) + "}}";
    Doc d = new Doc().rec(event(0)).raw("\n");
    int off = (int) d.size();
    d.raw(deep).raw("\n").rec(event(1)).raw("\n");
    byte[] b = d.bytes();
    Result r = readAll("deep.jsonl", b);
    assertEquals(expectedEvents("deep.jsonl", d), eventTrace(r));
    assertEquals(1, r.rejections().size(), r.rejections()::toString);
    Rejection rej = r.rejections().get(0);
    assertTrue(rej.reason().contains("nesting deeper than 256"), rej::toString);
    assertEquals(2, rej.line());
    assertTrue(rej.offset() > off && rej.offset() < off + deep.length(), rej::toString);
    // inside a Records envelope: rejected, discarded, the next record read
    Doc e = new Doc().raw("{\"Records\":[").rec(event(0)).raw(",").raw(deep).raw(",").rec(event(1)).raw("]}");
    Result re = readAll("deep.json", e.bytes());
    assertEquals(expectedEvents("deep.json", e), eventTrace(re));
    assertEquals(1, re.rejections().size(), re.rejections()::toString);
    // the limit is configurable: a shallower limit rejects less deep input
    Result shallow = TestSupport.read(LogReader.builder().limits(ReadLimits.builder().maxDepth(4).build()),
        List.of(LogSource.of("s", utf8("{\"eventVersion\":\"1\",\"requestParameters\":{\"a\":[[[1]]]}}\n" + event(1)))));
    assertEquals(1, shallow.rejections().size());
    assertEquals(1, shallow.events().size());
  }

  /** A record of about {@code bytes} bytes made of many short strings (so no string limit applies). */
  static String bigRecord(int bytes) {
    StringBuilder sb = new StringBuilder(bytes + 200);
    sb.append("{\"eventVersion\":\"1.08\",\"eventName\":\"Big\",\"requestParameters\":{\"items\":[");
    String item = "\"" + "x".repeat(1000) + "\"";
    boolean first = true;
    while (sb.length() < bytes) {
      sb.append(first ? "" : ",").append(item);
      first = false;
    }
    return sb.append("]}}").toString();
  }

  @Test
  void recordOverTheDefaultSizeLimitIsRejectedAndTheNextOneRead(@TempDir Path dir) throws IOException {
    String big = bigRecord(50 << 20);
    Doc d = new Doc().rec(event(0)).raw("\n");
    long bigAt = d.size();
    d.raw(big).raw("\n").rec(event(1)).raw("\n");
    byte[] b = d.bytes();
    Path f = dir.resolve("big.jsonl");
    Files.write(f, b);
    for (LogSource src : List.of(LogSource.of(f), LogSource.of(f.toString(), b),
        LogSource.of(f.toString(), () -> new ByteArrayInputStream(b)))) {
      Result r = TestSupport.read(LogReader.builder(), List.of(src));
      assertEquals(expectedEvents(f.toString(), d), eventTrace(r), src::toString);
      assertEquals(1, r.rejections().size(), r.rejections()::toString);
      assertRejection(r.rejections().get(0), f.toString(), bigAt, 2, "maxRecordBytes");
      assertTrue(r.rejections().get(0).reason().contains(Integer.toString(16 << 20)));
    }
    ReadLimits raised = ReadLimits.builder().maxRecordBytes(64 << 20).build();
    Result r = TestSupport.read(LogReader.builder().limits(raised), List.of(LogSource.of(f)));
    assertEquals(3, r.events().size(), r.rejections()::toString);
    assertEquals(big, r.events().get(1).toJson());
    assertEquals(bigAt, r.events().get(1).provenance().offset());
    // inside a Records envelope
    Doc e = new Doc().raw("{\"Records\":[").rec(event(0)).raw(",").raw(big).raw(",").rec(event(1)).raw("]}");
    Result re = TestSupport.read(LogReader.builder(),
        List.of(LogSource.of("env", () -> new ByteArrayInputStream(e.bytes()))));
    assertEquals(expectedEvents("env", e), eventTrace(re));
    assertEquals(1, re.rejections().size());
    assertTrue(re.rejections().get(0).reason().contains("maxRecordBytes"));
  }

  @Test
  void recordJustOverAConfiguredLimitIsRejectedOnEveryPath() {
    ReadLimits small = ReadLimits.builder().maxRecordBytes(10_000).build();
    String big = bigRecord(12_000);
    byte[] b = utf8(event(0) + "\n" + big + "\n" + event(1) + "\n");
    for (int block : new int[] {4096, 1 << 20}) {
      Result r = TestSupport.read(LogReader.builder().limits(small).blockSize(block),
          List.of(LogSource.of("s", () -> new ByteArrayInputStream(b))));
      assertEquals(2, r.events().size(), "block " + block + " " + r.rejections());
      assertEquals(1, r.rejections().size());
    }
    Result m = TestSupport.read(LogReader.builder().limits(small), List.of(LogSource.of("s", b)));
    assertEquals(2, m.events().size(), m.rejections()::toString);
    Result p = TestSupport.push("s", b, new int[0], small);
    assertEquals(2, p.events().size(), p.rejections()::toString);
    assertEquals(1, p.rejections().size());
  }

  @Test
  void oversizedStringIsRejected() {
    ReadLimits limits = ReadLimits.builder().maxStringBytes(1000).build();
    Doc d = new Doc().rec(event(0)).raw("\n");
    d.raw("{\"eventVersion\":\"1.08\",\"userAgent\":\"" + "a".repeat(1500) + "\"}\n");
    d.rec(event(1)).raw("\n");
    byte[] b = d.bytes();
    Result r = TestSupport.read(LogReader.builder().limits(limits), List.of(LogSource.of("s", b)));
    assertEquals(expectedEvents("s", d), eventTrace(r));
    assertEquals(1, r.rejections().size());
    assertRejection(r.rejections().get(0), "s", at(b, "\"aaaa"), 2, "string longer than 1000 bytes");
    Doc e = new Doc().raw("{\"Records\":[").rec(event(0))
        .raw(",{\"eventVersion\":\"1.08\",\"userAgent\":\"" + "a".repeat(1500) + "\"},").rec(event(1)).raw("]}");
    Result re = TestSupport.read(LogReader.builder().limits(limits), List.of(LogSource.of("e", e.bytes())));
    assertEquals(expectedEvents("e", e), eventTrace(re));
    assertEquals(1, re.rejections().size());
  }

  static byte[] manyEvents(int n, boolean envelope) {
    StringBuilder sb = new StringBuilder(envelope ? "{\"Records\":[" : "");
    for (int i = 0; i < n; i++) {
      sb.append(envelope ? (i > 0 ? "," : "") : "").append(event(i)).append(envelope ? "" : "\n");
    }
    return utf8(sb.append(envelope ? "]}" : "").toString());
  }

  @Test
  void truncatedGzipKeepsRecordsBeforeTheBreakAndRejectsOnce() {
    for (boolean envelope : new boolean[] {false, true}) {
      byte[] plain = manyEvents(200, envelope);
      Result whole = readAll("x", plain);
      byte[] z = gzip(plain);
      for (int cut = 2; cut < z.length; cut += (cut < 40 ? 1 : 97)) {
        byte[] t = Arrays.copyOf(z, cut);
        String what = "envelope=" + envelope + " cut=" + cut;
        for (Result r : List.of(TestSupport.readMemory("t.gz", t), TestSupport.readStream("t.gz", t, 4096))) {
          assertEquals(1, r.rejections().size(), () -> what + " " + r.rejections());
          Rejection rej = r.rejections().get(0);
          assertTrue(rej.reason().startsWith("stream broken"), () -> what + " " + rej);
          assertEquals("t.gz", rej.source());
          assertTrue(r.events().size() < 200, what);
          assertEquals(whole.jsons().subList(0, r.events().size()), r.jsons(), what);
          assertTrue(rej.offset() >= 0 && rej.offset() <= plain.length, what);
        }
      }
    }
  }

  /** How many bytes a truncated gzip stream yields before it breaks (single reads, as the JDK gives them). */
  private static int decompressible(byte[] z) {
    int total = 0;
    try (java.util.zip.GZIPInputStream in =
        new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(z))) {
      byte[] buf = new byte[512];
      for (int n; (n = in.read(buf)) > 0; ) {
        total += n;
      }
    } catch (IOException e) {
      // the break: what was read before it counts
    }
    return total;
  }

  /** The number of whole events in the first {@code d} bytes of {@link #manyEvents} output. */
  private static int wholeEvents(int n, boolean envelope, int d) {
    int end = envelope ? "{\"Records\":[".length() : 0;
    int whole = 0;
    for (int i = 0; i < n; i++) {
      end += (envelope && i > 0 ? 1 : 0) + utf8(event(i)).length;
      if (end > d) {
        break;
      }
      whole++;
      end += envelope ? 0 : 1;
    }
    return whole;
  }

  @Test
  void truncatedGzipOfAnySizeKeepsEveryWholeRecordBeforeTheBreak() {
    // small files too (less than the bytes read to detect the format): nothing before the break
    // may be lost, for a file of a few events as for a large one
    for (int events : new int[] {3, 15, 60}) {
      for (boolean envelope : new boolean[] {false, true}) {
        byte[] plain = manyEvents(events, envelope);
        byte[] z = gzip(plain);
        for (int cut = 20; cut < z.length - 8; cut += 37) {
          byte[] t = Arrays.copyOf(z, cut);
          int expected = wholeEvents(events, envelope, decompressible(t));
          String what = "events=" + events + " envelope=" + envelope + " cut=" + cut;
          for (Result r : List.of(TestSupport.readMemory("t.gz", t),
              TestSupport.readStream("t.gz", t, 4096))) {
            // a record may be held back only when its end is the very end of the readable bytes
            assertTrue(r.events().size() >= expected - 1 && r.events().size() <= expected,
                () -> what + ": " + r.events().size() + " of " + expected);
            assertEquals(1, r.rejections().size(), () -> what + " " + r.rejections());
          }
        }
      }
    }
  }

  @Test
  void corruptGzipIsOneStreamBrokenRejection() {
    byte[] plain = manyEvents(50, false);
    byte[] z = gzip(plain);
    // a wrong CRC in the trailer: all records read, then the break
    byte[] crc = z.clone();
    crc[crc.length - 8] ^= 0x55;
    Result r = TestSupport.readMemory("crc.gz", crc);
    assertEquals(50, r.events().size());
    assertEquals(1, r.rejections().size());
    assertTrue(r.rejections().get(0).reason().startsWith("stream broken"), r.rejections()::toString);
    assertEquals(plain.length, r.rejections().get(0).offset());
    // an unsupported compression method in the header: nothing readable, one rejection, no exception
    byte[] method = z.clone();
    method[2] = 7;
    Result m = TestSupport.readMemory("method.gz", method);
    assertEquals(0, m.events().size());
    assertEquals(1, m.rejections().size(), m.rejections()::toString);
    assertTrue(m.rejections().get(0).reason().startsWith("stream broken"), m.rejections()::toString);
    // garbage deflate data
    byte[] junk = z.clone();
    for (int i = 10; i < 40; i++) {
      junk[i] = (byte) 0xFF;
    }
    Result j = TestSupport.readMemory("junk.gz", junk);
    assertTrue(j.rejections().stream().anyMatch(x -> x.reason().startsWith("stream broken")), j.rejections()::toString);
  }

  @Test
  void gzipBreakInADirectoryDoesNotStopTheOtherFiles(@TempDir Path dir) throws IOException {
    byte[] z = gzip(manyEvents(3, true));
    Files.write(dir.resolve("1.json.gz"), Arrays.copyOf(z, 5));
    Files.write(dir.resolve("2.json"), utf8(event(9)));
    Result r = TestSupport.read(LogReader.builder(), LogSource.expand(List.of(dir.toString())));
    assertEquals(1, r.events().size());
    assertEquals(1, r.rejections().size());
    assertTrue(r.rejections().get(0).reason().startsWith("stream broken"));
  }

  @Test
  void emptyAndWhitespaceOnlyFiles(@TempDir Path dir) throws IOException {
    Files.write(dir.resolve("empty.json"), new byte[0]);
    Files.write(dir.resolve("ws.json"), utf8(" \n\r\n\t  \n"));
    Files.write(dir.resolve("empty.json.gz"), gzip(new byte[0]));
    Result r = TestSupport.read(LogReader.builder(), LogSource.expand(List.of(dir.toString())));
    assertEquals(0, r.stats().records());
    assertEquals(3, r.stats().files());
    for (byte[] b : List.of(new byte[0], utf8("   \n\n"))) {
      Result m = readAll("m", b);
      assertEquals(0, m.stats().records());
      assertEquals(0, m.stats().skipped());
    }
  }

  @Test
  void randomBinaryIsOneUnknownFormatRejection() {
    long seed = new SplittableRandom().nextLong();
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = 0; i < 50; i++) {
      byte[] b = new byte[1 + rnd.nextInt(20_000)];
      rnd.nextBytes(b);
      b[0] = (byte) (0x80 + rnd.nextInt(0x80)); // not '{', '[', white space or the gzip magic
      Result r = readAll("bin", b);
      String what = "seed " + seed + " round " + i;
      assertEquals(0, r.events().size(), what);
      assertEquals(1, r.rejections().size(), what);
      assertEquals("unknown format", r.rejections().get(0).reason(), what);
      assertEquals(0, r.rejections().get(0).offset(), what);
      assertEquals(1, r.rejections().get(0).line(), what);
    }
  }

  @Test
  void nonCloudTrailJsonIsUnknownFormat() {
    for (String s : List.of("{\"level\":\"info\",\"msg\":\"x\"}\n{\"level\":\"warn\"}\n", "[1,2,3,4]",
        "[{\"name\":\"a\"},{\"name\":\"b\"}]", "\"just a string\"", "12345", "{\"Records\":null}")) {
      Result r = readAll("x.json", utf8(s));
      assertEquals(0, r.events().size(), s);
      assertEquals(1, r.rejections().size(), () -> s + " " + r.rejections());
      assertEquals("unknown format", r.rejections().get(0).reason(), s);
    }
  }

  @Test
  void snippetIsBounded() {
    String line = "{\"eventVersion\":\"1.08\",\"x\":" + "9".repeat(5000) + "x}";
    Result r = readAll("s", utf8(line + "\n" + event(0)));
    assertEquals(1, r.rejections().size());
    assertTrue(r.rejections().get(0).snippet().length() <= Rejection.MAX_SNIPPET);
    assertEquals(1, r.events().size());
    assertTrue(concat(utf8("a")).length == 1);
  }
}
