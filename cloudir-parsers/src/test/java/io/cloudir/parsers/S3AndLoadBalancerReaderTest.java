package io.cloudir.parsers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.model.LogRecord;
import io.cloudir.model.SourceType;
import io.cloudir.model.elb.LoadBalancerKind;
import io.cloudir.model.elb.LoadBalancerLogRecord;
import io.cloudir.model.s3.S3AccessLogRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * S3 access and load balancer logs through {@link LogReader}: detection from content (plain,
 * gzip, CloudWatch Logs envelopes), control lines skipped, malformed lines rejected with their
 * line and offset while reading goes on, limits.
 */
class S3AndLoadBalancerReaderTest {
  static final String S3 = "79a5 mybucket [06/Feb/2014:00:00:38 +0000] 192.0.2.3 79a5 3E57427F3EXAMPLE"
      + " REST.GET.VERSIONING - \"GET /mybucket?versioning HTTP/1.1\" 200 - 113 - 7 - \"-\" \"S3Console/0.4\" -";
  static final String ALB = "h2 2018-07-02T22:23:00.186641Z app/my-loadbalancer/50dc6c495c0c9188"
      + " 10.0.1.252:48160 10.0.0.66:9000 0.000 0.002 0.000 200 200 5 257 \"GET https://10.0.2.105:773/ HTTP/2.0\""
      + " \"curl/7.46.0\" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2"
      + " arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067"
      + " \"Root=1-58337327-72bd00b0343d75b906739c42\" \"-\" \"-\" 1 2018-07-02T22:22:48.364000Z \"redirect\""
      + " \"https://example.com:80/\" \"-\"";
  static final String NLB = "tls 2.0 2018-12-20T02:59:40 net/my-network-loadbalancer/c6e77e28c25b2234 g3d4b5e8bb8464cd"
      + " 72.21.218.154:51341 172.100.100.185:443 5 2 98 246 - arn:aws:acm:us-east-2:671290407336:certificate/x -"
      + " ECDHE-RSA-AES128-SHA tlsv12 - my-nlb.elb.us-east-2.amazonaws.com - - -";
  static final String CLB = "2015-05-13T23:39:43.945958Z my-loadbalancer 192.168.131.39:2817 10.0.0.1:80 0.000073"
      + " 0.001048 0.000057 200 200 0 29 \"GET http://www.example.com:80/ HTTP/1.1\" \"curl/7.38.0\" - -";
  static final String CONTROL = "Enable AccessLog for ELB: app/elb-name/abc123456 at 2025-05-30T16:47:00.781Z";

  record Read(List<LogRecord> records, List<Rejection> rejections, ReadStats stats) {}

  static Read read(byte[] bytes, @Nullable SourceType type, ReadLimits limits) {
    List<Rejection> rej = new ArrayList<>();
    List<LogRecord> recs = new ArrayList<>();
    ReadStats stats;
    try (RecordStream s = LogReader.builder().type(type).limits(limits).onRejection(rej::add).build()
        .open(List.of(LogSource.of("mem", bytes)))) {
      s.forEach(recs::add);
      stats = s.stats();
    }
    assertEquals(stats.records(), stats.parsed() + stats.rejected());
    assertEquals(rej.size(), stats.rejected());
    return new Read(recs, rej, stats);
  }

  static Read read(String text, @Nullable SourceType type) {
    return read(text.getBytes(StandardCharsets.UTF_8), type, ReadLimits.defaults());
  }

  @Test
  void detectsEachFormatFromContent() {
    assertEquals(SourceType.S3_ACCESS, read(S3 + "\n" + S3 + "\n", null).records().get(1).source());
    for (String l : List.of(ALB, NLB, CLB)) {
      Read r = read(l + "\n", null);
      assertEquals(1, r.stats().parsed(), l + " " + r.rejections());
      assertEquals(SourceType.ALB, r.records().get(0).source());
    }
    assertEquals(LoadBalancerKind.NETWORK, ((LoadBalancerLogRecord) read(NLB, null).records().get(0)).kind());
    assertEquals(LoadBalancerKind.CLASSIC, ((LoadBalancerLogRecord) read(CLB, null).records().get(0)).kind());
    // a control line first, records after it
    Read c = read(CONTROL + "\n" + ALB + "\n", null);
    assertEquals(1, c.stats().parsed());
    assertEquals(1, c.stats().skipped());
    assertEquals(0, c.stats().rejected());
    // neither format: a VPC flow log line is not claimed
    Read v = read("2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010"
        + " 1418530070 ACCEPT OK\n", null);
    assertEquals(0, v.records().stream().filter(x -> x.source().equals(SourceType.S3_ACCESS)
        || x.source().equals(SourceType.ALB)).count());
  }

  @Test
  void gzipAndCrlf() throws IOException {
    ByteArrayOutputStream bo = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bo)) {
      gz.write((ALB + "\r\n" + ALB + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    Read r = read(bo.toByteArray(), null, ReadLimits.defaults());
    assertEquals(2, r.stats().parsed());
    assertEquals(ALB, ((LoadBalancerLogRecord) r.records().get(1)).line());
    assertEquals(2, r.records().get(1).provenance().line());
  }

  @Test
  void malformedLinesAreRejectedWithTheirLineAndReadingGoesOn() {
    String bad = "79a5 mybucket [06/Feb/2014:00:00:38 +0000] 192.0.2.3 too few";
    String text = S3 + "\n" + bad + "\n\n" + S3 + "\n";
    Read r = read(text, SourceType.S3_ACCESS);
    assertEquals(2, r.stats().parsed());
    assertEquals(1, r.stats().rejected());
    Rejection x = r.rejections().get(0);
    assertEquals(2, x.line());
    assertTrue(x.reason().contains("expected at least 17 fields but found 6"), x.reason());
    assertEquals(S3.length() + 1 + bad.length(), x.offset(), "the offset of the end of the short line");
    assertEquals(4, r.records().get(1).provenance().line());
    assertEquals(S3.length() + bad.length() + 3, r.records().get(1).provenance().offset());

    Read alb = read(CONTROL + "\n" + ALB + "\nhttp 2018-07-02T22:23:00Z app/x \"open\n" + ALB, SourceType.ALB);
    assertEquals(2, alb.stats().parsed());
    assertEquals(1, alb.stats().skipped());
    assertEquals(1, alb.stats().rejected());
    assertEquals(3, alb.rejections().get(0).line());
  }

  @Test
  void fiveOctetAddressesAreWarningsNotRejections() {
    String line = ALB.replace("10.0.1.252:48160", "12.34.178.90.32:40860");
    Read r = read(line + "\n", SourceType.ALB);
    assertEquals(1, r.stats().parsed());
    assertEquals(1, r.stats().warnings());
  }

  @Test
  void cloudWatchLogsEnvelopes() {
    String s3Env = "{\"messageType\":\"DATA_MESSAGE\",\"owner\":\"123456789012\",\"logGroup\":\"s3\",\"logStream\":\"x\","
        + "\"subscriptionFilters\":[\"f\"],\"logEvents\":[{\"id\":\"1\",\"timestamp\":1,\"message\":"
        + quote(S3) + "},{\"id\":\"2\",\"timestamp\":2,\"message\":" + quote(S3) + "}]}\n";
    Read r = read(s3Env, null);
    assertEquals(2, r.stats().parsed(), r.rejections().toString());
    assertEquals("S3Console/0.4", ((S3AccessLogRecord) r.records().get(0)).userAgent());
    String albEnv = "{\"messageType\":\"DATA_MESSAGE\",\"logEvents\":[{\"id\":\"1\",\"timestamp\":1,\"message\":"
        + quote(ALB) + "}]}";
    Read a = read(albEnv, null);
    assertEquals(1, a.stats().parsed(), a.rejections().toString());
    assertEquals("curl/7.46.0", ((LoadBalancerLogRecord) a.records().get(0)).userAgent());
  }

  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  @Test
  void longLinesAreRejectedAsOverTheLimit() {
    ReadLimits small = ReadLimits.builder().maxLineBytes(200).build();
    Read r = read((S3 + "\n" + S3 + " " + "x".repeat(300) + "\n" + S3 + "\n").getBytes(StandardCharsets.UTF_8),
        SourceType.S3_ACCESS, small);
    assertEquals(2, r.stats().parsed());
    assertEquals(1, r.stats().rejected());
    assertTrue(r.rejections().get(0).reason().contains("maxLineBytes"));
  }
}
