package io.cloudir.parsers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.model.LogRecord;
import io.cloudir.model.SourceType;
import io.cloudir.model.route53.ResolverQueryLogRecord;
import io.cloudir.model.waf.WafLogRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The JSON record engine through {@link LogReader}: framings, envelopes, errors, limits, detection. */
class JsonRecordEngineTest {
  static final String W1 = "{\"timestamp\":1,\"webaclId\":\"w1\",\"action\":\"ALLOW\",\"httpRequest\":{\"clientIp\":\"192.0.2.1\"}}";
  static final String W2 = "{\"timestamp\":2,\"webaclId\":\"w2\",\"action\":\"BLOCK\",\"httpRequest\":{\"clientIp\":\"192.0.2.2\"}}";
  static final String R1 = "{\"version\":\"1.100000\",\"query_timestamp\":\"2021-02-04T17:51:55Z\",\"query_name\":\"a.example.\","
      + "\"srcaddr\":\"10.0.0.1\",\"srcport\":\"5353\",\"vpc_id\":\"vpc-1\"}";

  record Out(List<LogRecord> records, List<Rejection> rejections, ReadStats stats) {}

  static Out read(byte[] data, @Nullable SourceType type) {
    return read(data, type, ReadLimits.defaults());
  }

  static Out read(byte[] data, @Nullable SourceType type, ReadLimits limits) {
    List<Rejection> rej = new ArrayList<>();
    List<LogRecord> recs = new ArrayList<>();
    ReadStats stats;
    // through a stream (not the in-memory fast path), with a small block to force refills
    LogSource src = LogSource.of("mem", () -> new java.io.ByteArrayInputStream(data));
    try (RecordStream s = LogReader.builder().type(type).limits(limits).blockSize(4096).onRejection(rej::add).build()
        .open(List.of(src))) {
      s.forEach(recs::add);
      stats = s.stats();
    }
    assertEquals(stats.records(), stats.parsed() + stats.rejected());
    assertEquals(recs.size(), stats.parsed());
    assertEquals(rej.size(), stats.rejected());
    return new Out(recs, rej, stats);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static List<String> ids(Out o) {
    List<String> ids = new ArrayList<>();
    for (LogRecord r : o.records()) {
      ids.add(r instanceof WafLogRecord w ? w.webaclId() : ((ResolverQueryLogRecord) r).queryName());
    }
    return ids;
  }

  @Test
  void framings() {
    for (String input : List.of(W1 + "\n" + W2 + "\n", W1 + W2, W1 + "\r\n\r\n" + W2, "[" + W1 + "," + W2 + "]",
        " [ " + W1 + " ,\n " + W2 + " ] ", W1.replace(",", ",\n  ") + "\n" + W2.replace(":", " :\t"))) {
      for (SourceType t : new SourceType[] {null, SourceType.WAF}) {
        Out o = read(utf8(input), t);
        assertEquals(List.of("w1", "w2"), ids(o), input);
        assertEquals(0, o.stats().rejected(), o.rejections().toString());
        assertEquals(W1, o.records().get(0).toJson());
        assertEquals(W2, o.records().get(1).toJson());
      }
    }
  }

  @Test
  void provenanceOffsetsAndLines() {
    String input = W1 + "\n\n" + W2 + W1;
    Out o = read(utf8(input), null);
    assertEquals(0, o.records().get(0).provenance().offset());
    assertEquals(1, o.records().get(0).provenance().line());
    assertEquals(W1.length() + 2, o.records().get(1).provenance().offset());
    assertEquals(3, o.records().get(1).provenance().line());
    assertEquals(W1.length() + 2 + W2.length(), o.records().get(2).provenance().offset());
    assertEquals(3, o.records().get(2).provenance().line());
  }

  @Test
  void linesOfPrettyPrintedRecordsAndArraysAreCountedExactly() {
    // line feeds inside records (the scan counts them), between records, in top-level arrays,
    // inside header arrays (the rows walk) and in rejected values; seeded, the seed printed on failure
    long seed = System.nanoTime();
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    String[] ws = {"", " ", "\n", "\n  ", "\r\n", "\t\n\n"};
    for (int round = 0; round < 40; round++) {
      StringBuilder sb = new StringBuilder();
      List<Integer> starts = new ArrayList<>();
      boolean array = r.nextInt(4) == 0;
      if (array) {
        sb.append('[').append(ws[r.nextInt(ws.length)]);
      }
      int n = r.nextInt(1, 30);
      for (int i = 0; i < n; i++) {
        if (i > 0) {
          sb.append(array ? "," : "").append(ws[r.nextInt(ws.length)]);
        }
        if (!array && r.nextInt(10) == 0) {
          sb.append("{\"webaclId\":\n}\n"); // rejected: reading resumes on the next line
        }
        starts.add(sb.length());
        String w = ws[r.nextInt(ws.length)];
        sb.append('{').append(w).append("\"webaclId\":").append(w).append("\"w").append(i).append("\",")
            .append("\"httpRequest\":{\"headers\":[").append(w);
        int h = r.nextInt(4);
        for (int k = 0; k < h; k++) {
          sb.append(k > 0 ? "," + ws[r.nextInt(ws.length)] : "").append("{\"name\":").append(ws[r.nextInt(ws.length)])
              .append("\"h").append(k).append("\",\"value\":[1,").append(ws[r.nextInt(ws.length)]).append("2]}");
        }
        sb.append(ws[r.nextInt(ws.length)]).append("]},\"labels\":[").append(w).append(']').append(w).append('}');
      }
      if (array) {
        sb.append(']');
      }
      sb.append('\n');
      String text = sb.toString();
      Out o = read(utf8(text), SourceType.WAF);
      assertEquals(n, o.records().size(), "seed " + seed);
      for (int i = 0; i < n; i++) {
        int s = starts.get(i);
        long line = 1 + text.substring(0, s).chars().filter(c -> c == '\n').count();
        assertEquals(s, o.records().get(i).provenance().offset(), "seed " + seed);
        assertEquals(line, o.records().get(i).provenance().line(), "seed " + seed + " record " + i + "\n" + text);
      }
    }
  }

  static String envelope(String type, String... messages) {
    StringBuilder sb = new StringBuilder("{\"messageType\":\"" + type + "\",\"owner\":\"111122223333\","
        + "\"logGroup\":\"aws-waf-logs-x\",\"logStream\":\"s\",\"subscriptionFilters\":[\"f\"],\"logEvents\":[");
    for (int i = 0; i < messages.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append("{\"id\":\"").append(i).append("\",\"timestamp\":1,\"message\":");
      io.cloudir.model.json.JsonValue.ofString(messages[i]);
      sb.append(quote(messages[i])).append('}');
    }
    return sb.append("]}").toString();
  }

  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  @Test
  void cloudWatchLogsEnvelopes() throws IOException {
    String env = envelope("DATA_MESSAGE", W1, W2) + "\n" + envelope("CONTROL_MESSAGE", "CWL CONTROL MESSAGE: Checking health")
        + "\n" + envelope("DATA_MESSAGE", R1.replace("query", "x"), "{bad", W1);
    for (SourceType t : new SourceType[] {null, SourceType.WAF}) {
      Out o = read(gzip(utf8(env)), t);
      assertEquals(List.of("w1", "w2", "w1"), ids(o));
      assertEquals(1, o.stats().skipped());
      assertEquals(2, o.stats().rejected(), o.rejections().toString());
      assertTrue(o.rejections().get(0).reason().startsWith("not a WAF log record"), o.rejections().toString());
      assertTrue(o.rejections().get(1).reason().contains("of the embedded record"), o.rejections().toString());
      assertEquals(W2, o.records().get(1).toJson());
    }
    Out r = read(utf8(envelope("DATA_MESSAGE", R1, R1)), null);
    assertEquals(List.of("a.example.", "a.example."), ids(r));
  }

  @Test
  void malformedLinesAreRejectedAndReadingGoesOn() {
    String input = W1 + "\n{\"webaclId\":\"x\",}\nnot json\n" + "{\"hello\":1}\n" + W2 + "\n";
    Out o = read(utf8(input), SourceType.WAF);
    assertEquals(List.of("w1", "w2"), ids(o));
    assertEquals(3, o.stats().rejected(), o.rejections().toString());
    assertEquals(2, o.rejections().get(0).line());
    assertEquals(3, o.rejections().get(1).line());
    assertEquals(4, o.rejections().get(2).line());
    assertTrue(o.rejections().get(2).reason().startsWith("not a WAF log record"));
  }

  @Test
  void aBrokenArrayKeepsWhatCameBefore() {
    Out o = read(utf8("[" + W1 + "," + W2 + ",{\"webaclId\":}, " + W1 + "]"), SourceType.WAF);
    assertEquals(List.of("w1", "w2"), ids(o));
    assertEquals(1, o.stats().rejected());
    assertTrue(o.rejections().get(0).reason().contains("rest of this document"));
  }

  @Test
  void truncatedGzipKeepsRecordsBeforeTheBreak() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      sb.append(W1).append('\n');
    }
    byte[] gz = gzip(utf8(sb.toString()));
    Out o = read(Arrays.copyOf(gz, gz.length / 2), SourceType.WAF);
    assertTrue(o.stats().parsed() > 0 && o.stats().parsed() < 2000, o.stats().toString());
    assertEquals(1, o.stats().rejected(), o.rejections().toString());
    Rejection last = o.rejections().get(0);
    assertTrue(last.reason().contains("broken") || last.reason().contains("end of input"), last.reason());
  }

  @Test
  void limits() {
    String big = "{\"webaclId\":\"w\",\"httpRequest\":{\"uri\":\"" + "x".repeat(20000) + "\"}}";
    ReadLimits small = ReadLimits.builder().maxRecordBytes(8192).build();
    Out o = read(utf8(W1 + "\n" + big + "\n" + W2 + "\n"), SourceType.WAF, small);
    assertEquals(List.of("w1", "w2"), ids(o));
    assertEquals(1, o.stats().rejected(), o.rejections().toString());
    String deep = "{\"webaclId\":\"w\",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
    Out d = read(utf8(deep + "\n" + W2), SourceType.WAF);
    assertEquals(List.of("w2"), ids(d));
    assertTrue(d.rejections().get(0).reason().contains("nesting"), d.rejections().toString());
    ReadLimits shortStrings = ReadLimits.builder().maxStringBytes(100).build();
    Out s = read(utf8(big + "\n" + W2), SourceType.WAF, shortStrings);
    assertEquals(List.of("w2"), ids(s));
  }

  @Test
  void detection() {
    assertEquals(SourceType.WAF, read(utf8(W1), null).records().get(0).source());
    assertEquals(SourceType.ROUTE53_RESOLVER, read(utf8(R1), null).records().get(0).source());
    assertEquals(SourceType.ROUTE53_RESOLVER, read(utf8("[" + R1 + "]"), null).records().get(0).source());
    // CloudTrail stays CloudTrail, even when its events talk about web ACLs and DNS names
    String ct = "{\"Records\":[{\"eventVersion\":\"1.08\",\"eventSource\":\"wafv2.amazonaws.com\","
        + "\"eventName\":\"UpdateWebACL\",\"requestParameters\":{\"webaclId\":\"x\",\"httpRequest\":{},"
        + "\"query_name\":\"a\",\"srcaddr\":\"b\"}}]}";
    assertEquals(SourceType.CLOUDTRAIL, read(utf8(ct), null).records().get(0).source());
    // a WAF record whose header is named like a CloudTrail field is still WAF
    String w = "{\"timestamp\":1,\"webaclId\":\"w\",\"httpRequest\":{\"headers\":[{\"name\":\"eventName\",\"value\":\"eventSource\"}]}}";
    assertEquals(SourceType.WAF, read(utf8(w), null).records().get(0).source());
    // JSON that is neither: not claimed by these formats
    Out u = read(utf8("{\"foo\":1}\n"), null);
    assertEquals(0, u.stats().parsed());
    assertEquals(1, u.stats().rejected());
  }

  @Test
  void warningsAreCounted() {
    Out o = read(utf8(W1 + "\n{\"webaclId\":\"w\",\"action\":\"TARPIT\"}\n"), SourceType.WAF);
    assertEquals(2, o.stats().parsed());
    assertEquals(1, o.stats().warnings());
  }

  static byte[] gzip(byte[] b) throws IOException {
    ByteArrayOutputStream bo = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(bo)) {
      g.write(b);
    }
    return bo.toByteArray();
  }
}
