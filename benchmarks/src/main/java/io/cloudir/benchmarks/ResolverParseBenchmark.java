package io.cloudir.benchmarks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.cloudir.model.LogRecord;
import io.cloudir.model.SourceType;
import io.cloudir.model.route53.ResolverField;
import io.cloudir.model.route53.ResolverQueryLogRecord;
import io.cloudir.parsers.RecordStream;
import java.io.IOException;
import java.time.Instant;
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
 * Reading eight fields of every record of a whole Route 53 Resolver query log file (JSON lines)
 * held in memory, by cloudir and by Jackson: {@code query_timestamp} (as epoch ms), {@code
 * query_name}, {@code query_type}, {@code rcode}, {@code srcaddr}, {@code srcport} (a string in
 * the JSON, read as a number), {@code vpc_id} and {@code srcids.instance}. Each variant returns a
 * {@link FieldSum}; {@code SameAnswerTest} checks that they agree.
 *
 * <p>Inputs ({@link #input}): {@code generated} is {@link ResolverData#generate(long, int)};
 * {@code corpus} is every record of {@code shared/corpus/route53_resolver} repeated to about 8 MB.
 *
 * <p>Thread-safety: JMH state, one instance per trial; the benchmark methods only read it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class ResolverParseBenchmark extends JsonLogBenchmark {
  /** Fields per record. */
  public static final int FIELDS = 8;

  /** Creates the state. */
  public ResolverParseBenchmark() {
    super(SourceType.ROUTE53_RESOLVER, "route53_resolver", ResolverData.DEFAULT_SIZE, Pojo.class);
  }

  @Override
  byte[] generate(long seed, int size) {
    return ResolverData.generate(seed, size);
  }

  /**
   * cloudir, zero-copy: strings as hashes of their slices, time and port as primitives.
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
        ResolverQueryLogRecord q = (ResolverQueryLogRecord) r;
        long t = q.queryTimestampMillis();
        sum.mixLong(t == Long.MIN_VALUE ? FieldChecksum.ABSENT : t);
        sum.mixLong(orAbsent(q.valueHash(ResolverField.QUERY_NAME)));
        sum.mixLong(orAbsent(q.valueHash(ResolverField.QUERY_TYPE)));
        sum.mixLong(orAbsent(q.valueHash(ResolverField.RCODE)));
        sum.mixLong(orAbsent(q.valueHash(ResolverField.SRCADDR)));
        int port = q.srcport();
        sum.mixLong(port == ResolverQueryLogRecord.NO_PORT ? FieldChecksum.ABSENT : port);
        sum.mixLong(orAbsent(q.valueHash(ResolverField.VPC_ID)));
        sum.mixLong(orAbsent(q.valueHash(ResolverField.INSTANCE)));
        sum.endRecord();
      }
    }
    return counted(rates, sum);
  }

  /**
   * cloudir with the typed getters: Strings (canonical where low-cardinality), time as an Instant.
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
        ResolverQueryLogRecord q = (ResolverQueryLogRecord) r;
        Instant t = q.time();
        sum.mixLong(t == null ? FieldChecksum.ABSENT : t.toEpochMilli());
        sum.mix(q.queryName());
        sum.mix(q.queryType());
        sum.mix(q.rcode());
        sum.mix(q.srcaddrText());
        int port = q.srcport();
        sum.mixLong(port == ResolverQueryLogRecord.NO_PORT ? FieldChecksum.ABSENT : port);
        sum.mix(q.vpcId());
        sum.mix(q.instanceId());
        sum.endRecord();
      }
    }
    return counted(rates, sum);
  }

  /** Jackson POJO of the benchmark fields. Mutable, for binding only. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static final class Pojo {
    /** query_timestamp. */
    public @Nullable String query_timestamp;
    /** query_name. */
    public @Nullable String query_name;
    /** query_type. */
    public @Nullable String query_type;
    /** rcode. */
    public @Nullable String rcode;
    /** srcaddr. */
    public @Nullable String srcaddr;
    /** srcport (a string in the JSON). */
    public @Nullable String srcport;
    /** vpc_id. */
    public @Nullable String vpc_id;
    /** srcids. */
    public @Nullable SrcIds srcids;

    /** For Jackson. */
    public Pojo() {}
  }

  /** srcids. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static final class SrcIds {
    /** instance. */
    public @Nullable String instance;

    /** For Jackson. */
    public SrcIds() {}
  }

  private static long port(@Nullable String s) {
    if (s == null) {
      return FieldChecksum.ABSENT;
    }
    try {
      int p = Integer.parseInt(s);
      return p >= 0 && p <= 65535 ? p : FieldChecksum.ABSENT;
    } catch (NumberFormatException e) {
      return FieldChecksum.ABSENT;
    }
  }

  private static long millis(@Nullable String s) {
    if (s == null) {
      return FieldChecksum.ABSENT;
    }
    try {
      return Instant.parse(s).toEpochMilli();
    } catch (java.time.format.DateTimeParseException e) {
      return FieldChecksum.ABSENT;
    }
  }

  /**
   * Jackson databind into POJOs, the time parsed with {@link Instant#parse}, the port with
   * {@link Integer#parseInt}.
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
        Pojo q = pojoReader.readValue(p);
        sum.mixLong(millis(q.query_timestamp));
        sum.mix(q.query_name);
        sum.mix(q.query_type);
        sum.mix(q.rcode);
        sum.mix(q.srcaddr);
        sum.mixLong(port(q.srcport));
        sum.mix(q.vpc_id);
        sum.mix(q.srcids == null ? null : q.srcids.instance);
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
        JsonNode q = mapper.readTree(p);
        sum.mixLong(millis(text(q.get("query_timestamp"))));
        sum.mix(text(q.get("query_name")));
        sum.mix(text(q.get("query_type")));
        sum.mix(text(q.get("rcode")));
        sum.mix(text(q.get("srcaddr")));
        sum.mixLong(port(text(q.get("srcport"))));
        sum.mix(text(q.get("vpc_id")));
        sum.mix(text(q.path("srcids").get("instance")));
        sum.endRecord();
      }
    }
    return counted(rates, sum);
  }
}
