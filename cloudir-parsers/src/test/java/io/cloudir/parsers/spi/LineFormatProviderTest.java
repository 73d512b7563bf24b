package io.cloudir.parsers.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.model.ExtensionRecord;
import io.cloudir.model.Location;
import io.cloudir.model.LogRecord;
import io.cloudir.model.MalformedInputException;
import io.cloudir.model.Provenance;
import io.cloudir.model.RecordWarning;
import io.cloudir.model.SourceType;
import io.cloudir.parsers.LogReader;
import io.cloudir.parsers.LogSource;
import io.cloudir.parsers.ReadStats;
import io.cloudir.parsers.RecordStream;
import io.cloudir.parsers.Rejection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** An embedder's own format through the SPI: detection, decoding, rejections, gzip, stats. */
class LineFormatProviderTest {
  static final SourceType PROXY = SourceType.of("test-proxy");

  /** A record of the made-up format {@code PROXY <epoch-seconds> <user> <url>}. */
  record ProxyRecord(Instant at, String user, String url, Provenance provenance) implements ExtensionRecord {
    @Override
    public SourceType source() {
      return PROXY;
    }

    @Override
    public @Nullable Instant time() {
      return at;
    }

    @Override
    public List<RecordWarning> warnings() {
      return List.of();
    }

    @Override
    public String toJson() {
      return "{\"user\":\"" + user + "\"}";
    }
  }

  static final class Proxy implements LineFormatProvider {
    @Override
    public SourceType type() {
      return PROXY;
    }

    @Override
    public int detect(byte[] head, int length) {
      return length >= 6 && new String(head, 0, 6, StandardCharsets.US_ASCII).equals("PROXY ") ? 90 : 0;
    }

    @Override
    public LineDecoder newDecoder(String sourceName) {
      return (b, s, e, p) -> {
        String line = new String(b, s, e - s, StandardCharsets.UTF_8);
        if (line.startsWith("#")) {
          return null;
        }
        String[] f = line.split(" ");
        if (f.length != 4) {
          throw new MalformedInputException(new Location(null, line.length(), -1, null),
              "expected 4 fields but found " + f.length);
        }
        return new ProxyRecord(Instant.ofEpochSecond(Long.parseLong(f[1])), f[2], f[3], p);
      };
    }
  }

  private static byte[] gzip(byte[] b) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(out)) {
      g.write(b);
    }
    return out.toByteArray();
  }

  @Test
  void detectsDecodesRejectsAndSkips() throws IOException {
    String text = "PROXY 1773478800 alice http://a\n# comment\nPROXY 1773478801 bob\nPROXY 1773478802 carol http://c\n";
    byte[] bytes = gzip(text.getBytes(StandardCharsets.UTF_8));
    List<Rejection> rejections = new ArrayList<>();
    List<LogRecord> records = new ArrayList<>();
    ReadStats stats;
    try (RecordStream s = LogReader.builder().format(new Proxy()).onRejection(rejections::add).build()
        .open(List.of(LogSource.of("proxy.log.gz", bytes)))) {
      s.forEach(records::add);
      stats = s.stats();
    }
    assertEquals(2, records.size());
    ProxyRecord first = (ProxyRecord) records.get(0);
    assertEquals("alice", first.user());
    assertEquals(0, first.provenance().offset());
    ProxyRecord second = (ProxyRecord) records.get(1);
    assertEquals("carol", second.user());
    assertEquals(text.indexOf("PROXY 1773478802"), second.provenance().offset());
    assertEquals(4, second.provenance().line());
    assertEquals(1, rejections.size());
    Rejection r = rejections.get(0);
    assertEquals(3, r.line());
    assertTrue(r.reason().contains("expected 4 fields"), r.reason());
    assertEquals(text.indexOf("PROXY 1773478801") + "PROXY 1773478801 bob".length(), r.offset());
    assertEquals(1, stats.skipped());
    assertEquals(stats.records(), stats.parsed() + stats.rejected());
  }

  @Test
  void typeSelectsTheProviderAndUnknownTypesAreRefused() {
    List<LogRecord> records = new ArrayList<>();
    try (RecordStream s = LogReader.builder().format(new Proxy()).type(PROXY).build()
        .open(List.of(LogSource.of("p", "PROXY 1 u http://x\n".getBytes(StandardCharsets.UTF_8))))) {
      s.forEach(records::add);
    }
    assertEquals(1, records.size());
    assertThrows(IllegalArgumentException.class, () -> LogReader.builder().type(PROXY).build());
  }

  @Test
  void withoutTheProviderTheSourceIsAnUnknownFormat() {
    List<Rejection> rejections = new ArrayList<>();
    try (RecordStream s = LogReader.builder().onRejection(rejections::add).build()
        .open(List.of(LogSource.of("p", "PROXY 1 u http://x\n".getBytes(StandardCharsets.UTF_8))))) {
      s.forEach(x -> {});
      assertEquals(0, s.stats().parsed());
    }
    assertEquals(1, rejections.size());
    assertTrue(rejections.get(0).reason().startsWith("unknown format"));
  }
}
