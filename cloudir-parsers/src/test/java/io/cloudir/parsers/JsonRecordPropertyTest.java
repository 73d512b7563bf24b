package io.cloudir.parsers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.cloudir.model.LogRecord;
import io.cloudir.model.SourceType;
import io.cloudir.model.net.IpAddress;
import io.cloudir.model.route53.ResolverQueryLogRecord;
import io.cloudir.model.waf.WafLogRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Round trips: generated records (field values with escapes, non-ASCII, odd spacing) → JSON in
 * every framing the readers accept → records, whose typed values are the generated ones and whose
 * {@code toJson()} parses back to an equal record.
 */
class JsonRecordPropertyTest {
  private static final String[] ALPHABET = {"a", "Z", "0", " ", "\"", "\\", "/", "é", "€", "😀", "\t", "\n", "\u0001", ":", ","};

  static String randomText(SplittableRandom r) {
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(12);
    for (int i = 0; i < n; i++) {
      sb.append(ALPHABET[r.nextInt(ALPHABET.length)]);
    }
    return sb.toString();
  }

  /** JSON string with a random mix of escaped and literal characters. */
  static String quote(String s, SplittableRandom r) {
    StringBuilder sb = new StringBuilder("\"");
    s.codePoints().forEach(cp -> {
      boolean esc = r.nextInt(4) == 0;
      if (cp == '"' || cp == '\\') {
        sb.append('\\').appendCodePoint(cp);
      } else if (cp < 0x20 || (esc && cp < 0x10000)) {
        sb.append(String.format("\\u%04x", cp));
      } else {
        sb.appendCodePoint(cp);
      }
    });
    return sb.append('"').toString();
  }

  static String sp(SplittableRandom r) {
    return switch (r.nextInt(6)) {
      case 0 -> " ";
      case 1 -> "\n  ";
      case 2 -> "\t";
      default -> "";
    };
  }

  record Waf(long ts, String webacl, String uri, String ua, IpAddress ip, String json) {}

  static Waf waf(SplittableRandom r) {
    long ts = r.nextLong(0, 4_102_444_800_000L);
    String webacl = randomText(r);
    String uri = "/" + randomText(r);
    String ua = randomText(r);
    IpAddress ip = r.nextBoolean() ? IpAddress.ofV4(r.nextInt()) : IpAddress.ofV6(r.nextLong(), r.nextLong());
    String s = sp(r);
    String json = "{" + s + "\"timestamp\"" + s + ":" + s + ts + s + "," + s + "\"webaclId\":" + quote(webacl, r)
        + ",\"action\":\"BLOCK\"," + s + "\"httpRequest\":{" + s + "\"clientIp\":\"" + ip + "\",\"uri\":" + quote(uri, r)
        + ",\"headers\":[{\"name\":\"Host\",\"value\":\"h\"}," + s + "{\"name\":" + quote(r.nextBoolean() ? "user-AGENT" : "User-Agent", r)
        + ",\"value\":" + quote(ua, r) + "}]" + s + "}" + s + ",\"x-" + r.nextInt(100) + "\":" + quote(randomText(r), r) + s + "}";
    return new Waf(ts, webacl, uri, ua, ip, json);
  }

  record Resolver(String name, int port, IpAddress src, String json) {}

  static Resolver resolver(SplittableRandom r) {
    String name = randomText(r) + ".";
    int port = r.nextInt(65536);
    IpAddress src = IpAddress.ofV4(r.nextInt());
    String s = sp(r);
    String json = "{" + s + "\"query_timestamp\":\"2021-02-04T17:51:55Z\"," + s + "\"query_name\":" + quote(name, r)
        + "," + s + "\"srcaddr\":\"" + src + "\",\"srcport\":" + (r.nextBoolean() ? "\"" + port + "\"" : port)
        + ",\"srcids\":{" + s + "\"instance\":\"i-1\"}" + s + "}";
    return new Resolver(name, port, src, json);
  }

  static String frame(List<String> records, int framing) {
    return switch (framing) {
      case 0 -> String.join("\n", records) + "\n";
      case 1 -> String.join("", records);
      case 2 -> "[" + String.join(",\n", records) + "]";
      default -> {
        StringBuilder sb = new StringBuilder("{\"messageType\":\"DATA_MESSAGE\",\"logGroup\":\"g\",\"logEvents\":[");
        for (int i = 0; i < records.size(); i++) {
          sb.append(i == 0 ? "" : ",").append("{\"id\":\"").append(i).append("\",\"message\":")
              .append(io.cloudir.model.json.JsonValue.ofString(records.get(i)).toJson()).append('}');
        }
        yield sb.append("]}").toString();
      }
    };
  }

  static List<LogRecord> read(String text, boolean gzip) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    if (gzip) {
      try {
        b = JsonRecordEngineTest.gzip(b);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    List<Rejection> rej = new ArrayList<>();
    List<LogRecord> out = new ArrayList<>();
    try (RecordStream s = LogReader.builder().onRejection(rej::add).build().open(List.of(LogSource.of("p", b)))) {
      s.forEach(out::add);
    }
    assertEquals(List.of(), rej);
    return out;
  }

  @Test
  void wafRoundTrip() {
    qt().forAll(longs().all(), integers().between(1, 6), integers().between(0, 3)).checkAssert((seed, n, framing) -> {
      SplittableRandom r = new SplittableRandom(seed);
      List<Waf> gen = new ArrayList<>();
      List<String> texts = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Waf w = waf(r);
        gen.add(w);
        texts.add(w.json());
      }
      List<LogRecord> got = read(frame(texts, framing), r.nextBoolean());
      assertEquals(n, got.size(), "seed " + seed);
      for (int i = 0; i < n; i++) {
        WafLogRecord w = (WafLogRecord) got.get(i);
        assertEquals(SourceType.WAF, w.source());
        assertEquals(gen.get(i).ts(), w.timestampMillis());
        assertEquals(gen.get(i).webacl(), w.webaclId());
        assertEquals(gen.get(i).uri(), w.uri());
        assertEquals(gen.get(i).ua(), w.header("user-agent"));
        assertEquals(gen.get(i).ip(), w.clientIp());
        WafLogRecord again = WafLogRecord.parse(w.toJson());
        assertEquals(w, again);
        assertEquals(w.toJson(), again.toJson());
        assertEquals(WafLogRecord.parse(gen.get(i).json()).toJson(), w.toJson());
      }
    });
  }

  @Test
  void resolverRoundTrip() {
    qt().forAll(longs().all(), integers().between(1, 6), integers().between(0, 3)).checkAssert((seed, n, framing) -> {
      SplittableRandom r = new SplittableRandom(seed);
      List<Resolver> gen = new ArrayList<>();
      List<String> texts = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Resolver x = resolver(r);
        gen.add(x);
        texts.add(x.json());
      }
      List<LogRecord> got = read(frame(texts, framing), r.nextBoolean());
      assertEquals(n, got.size(), "seed " + seed);
      for (int i = 0; i < n; i++) {
        ResolverQueryLogRecord q = (ResolverQueryLogRecord) got.get(i);
        assertEquals(gen.get(i).name(), q.queryName());
        assertEquals(gen.get(i).port(), q.srcport());
        assertEquals(gen.get(i).src(), q.srcaddr());
        assertEquals("i-1", q.instanceId());
        assertEquals(q, ResolverQueryLogRecord.parse(q.toJson()));
        assertEquals(q.toJson(), ResolverQueryLogRecord.parse(q.toJson()).toJson());
      }
    });
  }
}
