package io.cloudir.benchmarks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.cloudir.model.LogRecord;
import io.cloudir.model.SourceType;
import io.cloudir.model.waf.WafField;
import io.cloudir.model.waf.WafLogRecord;
import io.cloudir.parsers.RecordStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading eight fields of every record of a whole AWS WAF log file (JSON lines) held in memory,
 * by cloudir and by Jackson: {@code timestamp} (epoch ms), {@code action}, {@code webaclId},
 * {@code terminatingRuleId}, {@code httpRequest.clientIp}, {@code httpRequest.country}, {@code
 * httpRequest.uri} and the first {@code User-Agent} header (name compared ignoring case). Each
 * variant returns a {@link FieldSum}; {@code SameAnswerTest} checks that they agree.
 *
 * <p>Inputs ({@link #input}): {@code generated} is {@link WafData#generate(long, int)}; {@code
 * corpus} is every record of {@code shared/corpus/waf} repeated to about 8 MB.
 *
 * <p>Thread-safety: JMH state, one instance per trial; the benchmark methods only read it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class WafParseBenchmark extends JsonLogBenchmark {
  /** Fields per record. */
  public static final int FIELDS = 8;

  /** Creates the state. */
  public WafParseBenchmark() {
    super(SourceType.WAF, "waf", WafData.DEFAULT_SIZE, Pojo.class);
  }

  @Override
  byte[] generate(long seed, int size) {
    return WafData.generate(seed, size);
  }

  static boolean hasBackslash(byte[] b, int s, int e) {
    for (int i = s; i < e; i++) {
      if (b[i] == '\\') {
        return true;
      }
    }
    return false;
  }

  /**
   * cloudir, zero-copy: the reader's immutable records; strings as hashes of their slices, the
   * time as a primitive, the header found in place.
   *
   * @param rates counters
   * @return the answer
   */
  @Override
  @Benchmark
  public FieldSum parse_cloudir(ParseRates rates) {
    FieldSum sum = new FieldSum(FIELDS);
    try (RecordStream s = open()) {
      for (LogRecord r : s) {
        WafLogRecord w = (WafLogRecord) r;
        long t = w.timestampMillis();
        sum.mixLong(t == WafLogRecord.ABSENT ? FieldChecksum.ABSENT : t);
        sum.mixLong(orAbsent(w.valueHash(WafField.ACTION)));
        sum.mixLong(orAbsent(w.valueHash(WafField.WEBACL_ID)));
        sum.mixLong(orAbsent(w.valueHash(WafField.TERMINATING_RULE_ID)));
        sum.mixLong(orAbsent(w.valueHash(WafField.CLIENT_IP)));
        sum.mixLong(orAbsent(w.valueHash(WafField.COUNTRY)));
        sum.mixLong(orAbsent(w.valueHash(WafField.URI)));
        long ua = w.headerValueSpan("User-Agent");
        byte[] b = w.buffer();
        int us = (int) (ua >>> 32);
        int ue = (int) ua;
        if (ua == 0 || b[us] != '"') {
          sum.mix(ua == 0 ? null : w.header("User-Agent"));
        } else if (hasBackslash(b, us + 1, ue - 1)) {
          sum.mix(w.header("User-Agent"));
        } else {
          sum.mix(b, us + 1, ue - us - 2);
        }
        sum.endRecord();
      }
    }
    return counted(rates, sum);
  }

  /**
   * cloudir with the typed getters: Strings (canonical where low-cardinality), the time as an
   * Instant.
   *
   * @param rates counters
   * @return the answer
   */
  @Override
  @Benchmark
  public FieldSum parse_cloudirStrings(ParseRates rates) {
    FieldSum sum = new FieldSum(FIELDS);
    try (RecordStream s = open()) {
      for (LogRecord r : s) {
        WafLogRecord w = (WafLogRecord) r;
        java.time.Instant t = w.time();
        sum.mixLong(t == null ? FieldChecksum.ABSENT : t.toEpochMilli());
        sum.mix(w.action() == null ? null : w.action().value());
        sum.mix(w.webaclId());
        sum.mix(w.terminatingRuleId());
        sum.mix(w.clientIpText());
        sum.mix(w.country());
        sum.mix(w.uri());
        sum.mix(w.header("User-Agent"));
        sum.endRecord();
      }
    }
    return counted(rates, sum);
  }

  /** Jackson POJO of the benchmark fields. Mutable, for binding only. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static final class Pojo {
    /** timestamp. */
    public @Nullable Long timestamp;
    /** action. */
    public @Nullable String action;
    /** webaclId. */
    public @Nullable String webaclId;
    /** terminatingRuleId. */
    public @Nullable String terminatingRuleId;
    /** httpRequest. */
    public @Nullable Request httpRequest;

    /** For Jackson. */
    public Pojo() {}
  }

  /** httpRequest. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static final class Request {
    /** clientIp. */
    public @Nullable String clientIp;
    /** country. */
    public @Nullable String country;
    /** uri. */
    public @Nullable String uri;
    /** headers. */
    public @Nullable List<Header> headers;

    /** For Jackson. */
    public Request() {}
  }

  /** A header. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static final class Header {
    /** name. */
    public @Nullable String name;
    /** value. */
    public @Nullable String value;

    /** For Jackson. */
    public Header() {}
  }

  /**
   * Jackson databind into POJOs, one record at a time over the concatenated values.
   *
   * @param rates counters
   * @return the answer
   * @throws IOException on malformed input
   */
  @Override
  @Benchmark
  public FieldSum parse_jacksonDatabind(ParseRates rates) throws IOException {
    FieldSum sum = new FieldSum(FIELDS);
    try (JsonParser p = parser()) {
      while (p.nextToken() == JsonToken.START_OBJECT) {
        Pojo w = pojoReader.readValue(p);
        sum.mixLong(w.timestamp == null ? FieldChecksum.ABSENT : w.timestamp);
        sum.mix(w.action);
        sum.mix(w.webaclId);
        sum.mix(w.terminatingRuleId);
        Request q = w.httpRequest;
        sum.mix(q == null ? null : q.clientIp);
        sum.mix(q == null ? null : q.country);
        sum.mix(q == null ? null : q.uri);
        String ua = null;
        if (q != null && q.headers != null) {
          for (Header h : q.headers) {
            if (h.name != null && h.value != null && h.name.equalsIgnoreCase("User-Agent")) {
              ua = h.value;
              break;
            }
          }
        }
        sum.mix(ua);
        sum.endRecord();
      }
    }
    return counted(rates, sum);
  }

  /**
   * Jackson {@code readTree} per record, then the fields from the tree.
   *
   * @param rates counters
   * @return the answer
   * @throws IOException on malformed input
   */
  @Override
  @Benchmark
  public FieldSum parse_jacksonReadTree(ParseRates rates) throws IOException {
    FieldSum sum = new FieldSum(FIELDS);
    try (JsonParser p = parser()) {
      while (p.nextToken() == JsonToken.START_OBJECT) {
        JsonNode w = mapper.readTree(p);
        JsonNode t = w.get("timestamp");
        sum.mixLong(t == null || !t.isIntegralNumber() ? FieldChecksum.ABSENT : t.longValue());
        sum.mix(text(w.get("action")));
        sum.mix(text(w.get("webaclId")));
        sum.mix(text(w.get("terminatingRuleId")));
        JsonNode q = w.path("httpRequest");
        sum.mix(text(q.get("clientIp")));
        sum.mix(text(q.get("country")));
        sum.mix(text(q.get("uri")));
        String ua = null;
        for (JsonNode h : q.path("headers")) {
          String n = text(h.get("name"));
          String v = text(h.get("value"));
          if (n != null && v != null && n.equalsIgnoreCase("User-Agent")) {
            ua = v;
            break;
          }
        }
        sum.mix(ua);
        sum.endRecord();
      }
    }
    return counted(rates, sum);
  }
}
