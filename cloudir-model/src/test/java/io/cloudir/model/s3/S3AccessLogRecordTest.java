package io.cloudir.model.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudir.model.MalformedInputException;
import io.cloudir.model.Provenance;
import io.cloudir.model.RecordWarning;
import io.cloudir.model.SourceType;
import io.cloudir.model.net.IpAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** S3 server access log lines: every documented field, the odd cases of the corpus, round trips. */
class S3AccessLogRecordTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  // the fourth example of the AWS documentation (26 fields), written here field by field
  static final String DOC = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be DOC-EXAMPLE-BUCKET1"
      + " [06/Feb/2019:00:01:57 +0000] 192.0.2.3 79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"
      + " DD6CC733AEXAMPLE REST.PUT.OBJECT s3-dg.pdf \"PUT /DOC-EXAMPLE-BUCKET1/s3-dg.pdf HTTP/1.1\" 200 - - 4406583"
      + " 41754 28 \"-\" \"S3Console/0.4\" - 10S62Zv81kBW7BB6SX4XJ48o6kpcl6LPwEoizZQQxJd5qDSCTLX0TgS37kYUBKQW3+bPdrg1234="
      + " SigV4 ECDHE-RSA-AES128-SHA AuthHeader DOC-EXAMPLE-BUCKET1.s3.us-west-1.amazonaws.com TLSV1.2 - Yes";

  static JsonNode json(String s) throws Exception {
    return JSON.readTree(s);
  }

  @Test
  void documentedFields() throws Exception {
    S3AccessLogRecord r = S3AccessLogRecord.parse(DOC);
    assertEquals(SourceType.S3_ACCESS, r.source());
    assertEquals(26, r.fieldCount());
    assertEquals("79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be", r.bucketOwner());
    assertEquals("DOC-EXAMPLE-BUCKET1", r.bucket());
    assertEquals(Instant.parse("2019-02-06T00:01:57Z"), r.time());
    assertEquals(IpAddress.parse("192.0.2.3"), r.remoteIp());
    assertEquals("DD6CC733AEXAMPLE", r.requestId());
    assertEquals("REST.PUT.OBJECT", r.operation());
    assertEquals("s3-dg.pdf", r.key());
    assertEquals("PUT /DOC-EXAMPLE-BUCKET1/s3-dg.pdf HTTP/1.1", r.requestUri());
    assertEquals(200, r.httpStatus());
    assertNull(r.errorCode());
    assertEquals(S3AccessLogRecord.ABSENT, r.bytesSent());
    assertEquals(4406583, r.objectSize());
    assertEquals(41754, r.totalTime());
    assertEquals(28, r.turnAroundTime());
    assertNull(r.referer());
    assertEquals("S3Console/0.4", r.userAgent());
    assertNull(r.versionId());
    assertTrue(r.hostId().startsWith("10S62Zv81kBW7BB6"));
    assertEquals("SigV4", r.signatureVersion());
    assertEquals("ECDHE-RSA-AES128-SHA", r.cipherSuite());
    assertEquals("AuthHeader", r.authenticationType());
    assertEquals("DOC-EXAMPLE-BUCKET1.s3.us-west-1.amazonaws.com", r.hostHeader());
    assertEquals("TLSV1.2", r.tlsVersion());
    assertNull(r.accessPointArn());
    assertEquals("Yes", r.aclRequired());
    assertFalse(r.has(S3AccessLogField.SOURCE_REGION));
    assertTrue(r.warnings().isEmpty());
    assertEquals(List.of(), r.extraFields());

    JsonNode j = json(r.toJson());
    assertEquals(26, j.size());
    assertEquals("2019-02-06T00:01:57Z", j.get("time").asText());
    assertTrue(j.get("http_status").isIntegralNumber());
    assertEquals(200, j.get("http_status").asInt());
    assertTrue(j.get("bytes_sent").isNull());
    assertTrue(j.get("referer").isNull(), "a quoted - is absent too");
    assertEquals(4406583, j.get("object_size").asLong());
    assertEquals("PUT /DOC-EXAMPLE-BUCKET1/s3-dg.pdf HTTP/1.1", j.get("request_uri").asText());
    assertEquals("Yes", j.get("acl_required").asText());
    Iterator<String> names = j.fieldNames();
    for (S3AccessLogField f : S3AccessLogField.values()) {
      if (f == S3AccessLogField.SOURCE_REGION) {
        break;
      }
      assertEquals(f.jsonName(), names.next(), "keys in line order");
    }
  }

  @Test
  void legacyEighteenFieldLine() throws Exception {
    // logstash-patterns-core spec: the old layout ends after Version Id; requester '-' (anonymous)
    String line = "79a5 mybucket [12/May/2014:07:54:01 +0000] 10.0.1.2 - 7ACC4BE89EXAMPLE REST.GET.OBJECT"
        + " foo/bar.html \"GET /foo/bar.html HTTP/1.1\" 304 - - 1718 10 - \"-\" \"Mozilla/5.0\" -";
    S3AccessLogRecord r = S3AccessLogRecord.parse(line);
    assertEquals(18, r.fieldCount());
    assertNull(r.requester());
    assertEquals(304, r.httpStatus());
    assertTrue(r.has(S3AccessLogField.VERSION_ID));
    assertFalse(r.has(S3AccessLogField.HOST_ID));
    assertNull(r.hostId());
    assertNull(r.tlsVersion());
    JsonNode j = json(r.toJson());
    assertEquals(18, j.size());
    assertTrue(j.has("version_id"));
    assertFalse(j.has("host_id"), "fields the line does not have are left out, not null");
  }

  @Test
  void twentyFiveFieldLineWithCommaInUserAgent() {
    String line = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be awsexamplebucket1"
        + " [06/Feb/2019:00:00:38 +0000] 192.0.2.3 arn:aws:iam::123456:user/test@elastic.co A1206F460EXAMPLE"
        + " REST.GET.BUCKETPOLICY - \"GET /awsexamplebucket1?policy HTTP/1.1\" 404 NoSuchBucketPolicy 297 - 38 12"
        + " \"-\" \"AWS-Support-TrustedAdvisor, aws-internal/3 aws-sdk-java/1.11.590 Linux/4.9.137\" -"
        + " BNaBsXZQ= SigV2 ECDHE-RSA-AES128-GCM-SHA256 AuthHeader awsexamplebucket1.s3.us-west-1.amazonaws.com TLSV1.1";
    S3AccessLogRecord r = S3AccessLogRecord.parse(line);
    assertEquals(24, r.fieldCount());
    assertEquals("arn:aws:iam::123456:user/test@elastic.co", r.requester());
    assertEquals("NoSuchBucketPolicy", r.errorCode());
    assertEquals(12, r.turnAroundTime());
    assertEquals("AWS-Support-TrustedAdvisor, aws-internal/3 aws-sdk-java/1.11.590 Linux/4.9.137", r.userAgent());
    assertEquals("SigV2", r.signatureVersion());
    assertEquals("TLSV1.1", r.tlsVersion());
    assertFalse(r.has(S3AccessLogField.ACCESS_POINT_ARN));
  }

  @Test
  void trailingBlankAndSourceRegionAndLaterFields() {
    S3AccessLogRecord trailing = S3AccessLogRecord.parse(DOC + " ");
    assertEquals(26, trailing.fieldCount());
    assertEquals("Yes", trailing.aclRequired());

    S3AccessLogRecord r = S3AccessLogRecord.parse(DOC + " us-east-1 future-1 -");
    assertEquals("us-east-1", r.sourceRegion());
    assertEquals(List.of("future-1", "-"), r.extraFields());
    assertTrue(r.toJson().endsWith(",\"source_region\":\"us-east-1\",\"extra_fields\":[\"future-1\",\"-\"]}"),
        r.toJson());
  }

  @Test
  void unescapedQuotesInsideQuotedFields() {
    // S3 does not escape quotes: a request line with a quote, a user agent ending with a stray quote
    String line = "f383 testing-1234 [20/Jun/2019:03:51:36 +0000] 1.2.3.4 - 63DAF67A2BC0B6C3 REST.GET.OBJECT %2522"
        + " \"GET /\" HTTP/1.1\" 403 AccessDenied 243 - 8 - \"referer \"test\" here\""
        + " \"Mozilla/5.0 (iPad) Safari/604.1\"\" - uidOR= - ECDHE-RSA-AES128-GCM-SHA256 - testing-1234.s3.amazonaws.com TLSv1.2";
    S3AccessLogRecord r = S3AccessLogRecord.parse(line);
    assertEquals("GET /\" HTTP/1.1", r.requestUri());
    assertEquals(403, r.httpStatus());
    assertEquals("AccessDenied", r.errorCode());
    assertEquals("referer \"test\" here", r.referer());
    assertEquals("Mozilla/5.0 (iPad) Safari/604.1\"", r.userAgent());
    assertEquals("uidOR=", r.hostId());
    assertNull(r.signatureVersion());
    assertEquals("TLSv1.2", r.tlsVersion());
  }

  @Test
  void unquotedDashInQuotedPositionsAndOffsets() {
    String line = "o b [06/Feb/2019:02:00:38 +0200] 192.0.2.3 - id OP - - 200 - - - - - - - -";
    S3AccessLogRecord r = S3AccessLogRecord.parse(line);
    assertNull(r.requestUri());
    assertNull(r.referer());
    assertNull(r.userAgent());
    assertEquals(Instant.parse("2019-02-06T00:00:38Z"), r.time(), "the +0200 offset is applied");
  }

  @Test
  void oddValuesAreKeptAndWarned() throws Exception {
    String line = "o b [31/Feb/2019:00:00:38 +0000] 192.0.2.3.7 - id OP k \"GET / HTTP/1.1\" 2x0 - 12 - 7 - \"-\" \"ua\" -";
    S3AccessLogRecord r = S3AccessLogRecord.parse(line);
    assertNull(r.time());
    assertNull(r.remoteIp());
    assertEquals(-1, r.httpStatus());
    assertTrue(r.hasWarnings());
    List<String> codes = new ArrayList<>();
    for (RecordWarning w : r.warnings()) {
      codes.add(w.code());
    }
    assertEquals(List.of("time.malformed", "remote_ip.malformed", "http_status.malformed"), codes);
    JsonNode j = json(r.toJson());
    assertEquals("31/Feb/2019:00:00:38 +0000", j.get("time").asText(), "kept as written");
    assertEquals("192.0.2.3.7", j.get("remote_ip").asText());
    assertEquals("2x0", j.get("http_status").asText());
    assertEquals(12, j.get("bytes_sent").asInt());
  }

  @Test
  void malformedLinesAreRejectedWithTheirColumn() {
    MalformedInputException few = assertThrows(MalformedInputException.class,
        () -> S3AccessLogRecord.parse("o b [06/Feb/2019:00:00:38 +0000] 1.2.3.4 - id OP"));
    assertTrue(few.reason().contains("expected at least 17 fields but found 7"), few.reason());
    byte[] b = "o b 06/Feb/2019:00:00:38 +0000 x".getBytes(StandardCharsets.UTF_8);
    MalformedInputException noBracket = assertThrows(MalformedInputException.class,
        () -> S3AccessLogRecord.parse(b, 0, b.length, Provenance.of("f", 100, 3), false));
    assertEquals(104, noBracket.location().offset(), "offset of the line plus the column");
    assertEquals(3, noBracket.location().line());
    MalformedInputException open = assertThrows(MalformedInputException.class,
        () -> S3AccessLogRecord.parse("o b [06/Feb/2019:00:00:38 +0000] 1.2.3.4 - id OP - \"GET /"));
    assertTrue(open.reason().contains("unterminated"), open.reason());
  }

  @Test
  void sharedAndDetachedViews() {
    byte[] block = ("xx\n" + DOC + "\nyy").getBytes(StandardCharsets.UTF_8);
    int s = 3;
    int e = 3 + DOC.length();
    S3AccessLogRecord shared = S3AccessLogRecord.parse(block, s, e, Provenance.of("blk", 3, 2), false);
    S3AccessLogRecord copied = S3AccessLogRecord.parse(block, s, e, Provenance.of("blk", 3, 2), true);
    S3AccessLogRecord detached = shared.detach();
    assertEquals(DOC, shared.line());
    assertEquals(shared.toJson(), copied.toJson());
    assertEquals(shared.toJson(), detached.toJson());
    assertEquals(shared.provenance(), detached.provenance());
    block[s + 80] = 'Z'; // the caller breaks the contract: only the shared view sees it
    assertEquals(DOC, copied.line());
    assertEquals(DOC, detached.line());
  }

  // ---- round trips: values -> line (builder) -> record -> values and JSON ----

  private static final String TOKEN = "abcXYZ0123456789-_./:=+@,;";

  static String token(SplittableRandom r) {
    int n = 1 + r.nextInt(12);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(TOKEN.charAt(r.nextInt(TOKEN.length())));
    }
    return sb.toString();
  }

  /** Free text with spaces, quotes not followed by a space, and some non-ASCII. */
  static String text(SplittableRandom r, boolean quoteSpace) {
    String alphabet = "ab Z0/ ?&\"é漢" + (quoteSpace ? "\" " : "");
    int n = r.nextInt(20);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    String s = sb.toString();
    if (!quoteSpace) {
      s = s.replace("\" ", "\"x ");
    }
    while (s.endsWith("\"")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  static String value(SplittableRandom r, S3AccessLogField f) {
    if (r.nextInt(6) == 0) {
      return "-";
    }
    switch (f) {
      case HTTP_STATUS:
        return Integer.toString(100 + r.nextInt(500));
      case BYTES_SENT: case OBJECT_SIZE: case TOTAL_TIME: case TURN_AROUND_TIME:
        return Long.toString(r.nextLong(1L << 40));
      case REMOTE_IP:
        return r.nextBoolean() ? IpAddress.ofV4(r.nextInt()).toString() : IpAddress.ofV6(r.nextLong(), r.nextLong()).toString();
      case REQUEST_URI:
        return text(r, false);
      case REFERER:
        return text(r, false).replace("\" \"", "\"x\"");
      case USER_AGENT:
        return text(r, true);
      default:
        return token(r);
    }
  }

  @Test
  void roundTripThroughTheLineAndJson() {
    qt().forAll(longs().all()).checkAssert(seed -> roundTrip(new SplittableRandom(seed)));
  }

  private static void roundTrip(SplittableRandom r) {
    S3AccessLogField[] all = S3AccessLogField.values();
    int n = S3AccessLogRecord.MIN_FIELDS + r.nextInt(all.length - S3AccessLogRecord.MIN_FIELDS + 1);
    Map<S3AccessLogField, String> values = new EnumMap<>(S3AccessLogField.class);
    S3AccessLogRecord.Builder b = S3AccessLogRecord.builder();
    Instant t = Instant.ofEpochSecond(r.nextLong(4_000_000_000L));
    b.time(t);
    for (int i = 0; i < n; i++) {
      S3AccessLogField f = all[i];
      if (f == S3AccessLogField.TIME) {
        continue;
      }
      String v = value(r, f);
      values.put(f, v);
      b.set(f, v);
    }
    List<String> extras = new ArrayList<>();
    if (n == all.length && r.nextBoolean()) {
      for (int k = r.nextInt(3); k >= 0; k--) {
        String x = token(r);
        extras.add(x);
        b.extra(x);
      }
    }
    S3AccessLogRecord rec = b.build();
    String line = b.line();
    assertEquals(line, rec.line());
    assertEquals(t, rec.time(), line);
    assertEquals(n, rec.fieldCount() - extras.size(), line);
    assertEquals(extras, rec.extraFields());
    JsonNode j;
    try {
      j = json(rec.toJson());
    } catch (Exception x) {
      throw new AssertionError(rec.toJson(), x);
    }
    for (Map.Entry<S3AccessLogField, String> en : values.entrySet()) {
      S3AccessLogField f = en.getKey();
      String v = en.getValue();
      String expected = v.equals("-") ? null : v;
      assertEquals(expected, rec.get(f), f + " in " + line);
      JsonNode node = j.get(f.jsonName());
      if (expected == null) {
        assertTrue(node.isNull(), f + " " + j);
      } else if (f == S3AccessLogField.HTTP_STATUS || f == S3AccessLogField.BYTES_SENT
          || f == S3AccessLogField.OBJECT_SIZE || f == S3AccessLogField.TOTAL_TIME
          || f == S3AccessLogField.TURN_AROUND_TIME) {
        assertTrue(node.isIntegralNumber(), f + " " + j);
        assertEquals(Long.parseLong(v), node.asLong());
        assertEquals(Long.parseLong(v), rec.getLong(f));
      } else {
        assertEquals(v, node.asText(), f + " " + j);
      }
    }
    assertEquals(t.toString(), j.get("time").asText());
    assertFalse(rec.hasWarnings(), line);
    assertEquals(rec.toJson(), S3AccessLogRecord.parse(rec.line()).toJson(), "parsing the line again");
  }
}
