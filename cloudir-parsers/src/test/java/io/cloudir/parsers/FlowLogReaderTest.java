package io.cloudir.parsers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.model.LogRecord;
import io.cloudir.model.SourceType;
import io.cloudir.model.route53.PublicDnsQueryLogRecord;
import io.cloudir.model.vpcflow.FlowLogCursor;
import io.cloudir.model.vpcflow.FlowLogField;
import io.cloudir.model.vpcflow.FlowLogFormat;
import io.cloudir.model.vpcflow.FlowLogRecord;
import io.cloudir.model.vpcflow.LogStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The flow log and Route 53 public readers: detection, headers, the format option, envelopes, the cursor. */
class FlowLogReaderTest {
  static final String HEADER = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status";
  static final String L1 = "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK";
  static final String L2 = "2 123456789010 eni-1235b8ca123456789 - - - - - - - 1431280876 1431280934 - NODATA";

  record Result(List<LogRecord> records, List<Rejection> rejections, ReadStats stats) {}

  static Result read(LogReader.Builder b, byte[] bytes) {
    List<Rejection> rej = new ArrayList<>();
    List<LogRecord> recs = new ArrayList<>();
    try (RecordStream s = b.onRejection(rej::add).build().open(List.of(LogSource.of("mem", bytes)))) {
      s.forEach(recs::add);
      return new Result(recs, rej, s.stats());
    }
  }

  static byte[] lines(String... l) {
    return (String.join("\n", l) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void headerFileIsDetectedAndTheHeaderSkipped() {
    Result r = read(LogReader.builder(), lines(HEADER, L1, L2));
    assertEquals(2, r.records().size(), r.rejections().toString());
    assertEquals(1, r.stats().skipped());
    FlowLogRecord a = (FlowLogRecord) r.records().get(0);
    assertEquals(22, a.dstport());
    assertEquals(2, a.provenance().line());
    assertEquals(HEADER.length() + 1, a.provenance().offset());
    assertSame(LogStatus.NODATA, ((FlowLogRecord) r.records().get(1)).logStatus());
  }

  @Test
  void headerlessDefaultLinesAreDetected() {
    Result r = read(LogReader.builder(), lines(L1, L2));
    assertEquals(2, r.records().size());
    assertEquals(0, r.stats().skipped());
  }

  @Test
  void customHeaderSetsTheFieldOrder() {
    Result r = read(LogReader.builder(), lines("instance-id interface-id srcaddr dstaddr pkt-srcaddr pkt-dstaddr",
        "- eni-1235b8ca123456789 10.0.1.5 10.0.0.220 10.0.1.5 203.0.113.5"));
    FlowLogRecord a = (FlowLogRecord) r.records().get(0);
    assertEquals("203.0.113.5", a.pktDstaddr().toString());
    assertEquals(-1, a.version());
  }

  @Test
  void wrongFieldCountIsARejectionWithTheLineNumber() {
    Result r = read(LogReader.builder(), lines(HEADER, L1, L2 + " one-too-many", L1));
    assertEquals(2, r.records().size());
    assertEquals(1, r.rejections().size());
    Rejection x = r.rejections().get(0);
    assertEquals(3, x.line());
    assertTrue(x.reason().contains("expected 14 fields"), x.reason());
    assertEquals(r.stats().records(), r.stats().parsed() + r.stats().rejected());
  }

  @Test
  void formatOptionReadsHeaderlessCustomLines() {
    String fmt = "${version} ${interface-id} ${srcaddr} ${dstaddr}";
    byte[] in = lines("2 eni-1235b8ca123456789 172.31.16.139 172.31.16.21");
    Result without = read(LogReader.builder().type(SourceType.VPC_FLOW), in);
    assertEquals(0, without.records().size());
    assertTrue(without.rejections().get(0).reason().contains("default version 2 format was assumed"));
    Result with = read(LogReader.builder().type(SourceType.VPC_FLOW).option("vpcflow.format", fmt), in);
    assertEquals(1, with.records().size(), with.rejections().toString());
    assertEquals(FlowLogFormat.parse(fmt), ((FlowLogRecord) with.records().get(0)).format());
    assertThrows(IllegalArgumentException.class,
        () -> read(LogReader.builder().type(SourceType.VPC_FLOW).option("vpcflow.format", "${oops"), in));
  }

  @Test
  void cloudWatchEnvelopeOfDefaultLinesIsDetected() {
    String env = "{\"messageType\":\"DATA_MESSAGE\",\"owner\":\"123456789010\",\"logGroup\":\"flows\",\"logStream\":\"eni-1\","
        + "\"subscriptionFilters\":[\"f\"],\"logEvents\":[{\"id\":\"1\",\"timestamp\":1,\"message\":\"" + L1 + "\"},"
        + "{\"id\":\"2\",\"timestamp\":2,\"message\":\"" + L2 + "\"}]}";
    Result r = read(LogReader.builder(), env.getBytes(StandardCharsets.UTF_8));
    assertEquals(2, r.records().size(), r.rejections().toString());
    assertEquals(SourceType.VPC_FLOW, r.records().get(0).source());
  }

  @Test
  void gzipIsReadTransparently() throws IOException {
    ByteArrayOutputStream bo = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bo)) {
      gz.write(lines(HEADER, L1, L2));
    }
    assertEquals(2, read(LogReader.builder(), bo.toByteArray()).records().size());
  }

  @Test
  void route53PublicIsDetected() {
    Result r = read(LogReader.builder(), lines(
        "1.0 2017-12-13T08:16:02.130Z Z123412341234 example.com A NOERROR UDP Region 192.168.1.1 -",
        "1.0 2017-12-13T08:16:02.130Z Z123412341234 example.com A NOERROR UDP Region 192.168.1.1",
        "1.0 2017-12-13T08:15:50.342Z Z123412341234 bad.example.com A NXDOMAIN UDP Region 192.168.3.1 192.168.111.0/24"));
    assertEquals(2, r.records().size());
    assertEquals(1, r.rejections().size());
    assertEquals(2, r.rejections().get(0).line());
    assertEquals("NXDOMAIN", ((PublicDnsQueryLogRecord) r.records().get(1)).responseCode());
  }

  @Test
  void cursorReaderSeesTheSameRecordsAsTheLogReader() throws IOException {
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    for (int i = 0; i < 5000; i++) {
      sb.append(i % 7 == 0 ? L2 : L1.replace("20641", Integer.toString(i))).append(i % 3 == 0 ? "\r\n" : "\n");
      if (i == 4000) {
        sb.append("2 1 eni-1 broken\n\n");
      }
    }
    byte[] in = sb.toString().getBytes(StandardCharsets.UTF_8);
    Result viaReader = read(LogReader.builder(), in);
    for (LogSource src : List.of(LogSource.of("mem", in), LogSource.of("stream", () -> new java.io.ByteArrayInputStream(in)))) {
      List<Rejection> rej = new ArrayList<>();
      try (FlowLogCursorReader r = FlowLogCursorReader.open(src, ReadLimits.defaults(), null, true).onRejection(rej::add)) {
        FlowLogCursor c = r.cursor();
        int i = 0;
        while (r.next()) {
          FlowLogRecord expected = (FlowLogRecord) viaReader.records().get(i++);
          assertEquals(expected, c.toRecord());
          assertEquals(expected.provenance().offset(), c.offset());
          assertEquals(expected.provenance().line(), c.line());
          assertEquals(expected.srcport(), c.srcport());
          assertEquals(expected.valueEquals(FlowLogField.ACTION, "ACCEPT"), c.valueEquals(FlowLogField.ACTION, "ACCEPT"));
        }
        assertEquals(viaReader.records().size(), i);
        assertEquals(1, rej.size());
        assertEquals(viaReader.rejections().get(0).line(), rej.get(0).line());
        assertEquals(viaReader.stats().parsed(), r.stats().parsed());
        assertEquals(1, r.stats().skipped());
        assertThrows(IllegalStateException.class, c::srcport, "debug mode: a stale cursor throws");
        assertFalse(r.next());
      }
    }
  }
}
