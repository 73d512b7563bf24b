package io.cloudir.benchmarks;

import com.amazonaws.services.cloudtrail.processinglibrary.model.CloudTrailEventData;
import com.amazonaws.services.cloudtrail.processinglibrary.model.CloudTrailLog;
import com.amazonaws.services.cloudtrail.processinglibrary.model.internal.UserIdentity;
import com.amazonaws.services.cloudtrail.processinglibrary.serializer.DefaultEventSerializer;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading the twelve {@linkplain FieldChecksum#FIELDS benchmark fields} of every record of one
 * whole CloudTrail delivery file held in memory, by cloudir and by its peers.
 *
 * <p>One operation is one whole file, so MB/s = ops/s × {@link #inputBytes()} / 10<sup>6</sup>; the
 * {@link Rates} auxiliary counters report it directly ({@code megabytes} and {@code records}, both
 * per second). Every variant but the token walk returns a {@link FieldChecksum}; {@code
 * SameAnswerTest} checks that they all agree.
 *
 * <p>Inputs ({@link #input}): {@code generated} is {@link CloudTrailData#generate(long, int)} of
 * {@link #size} bytes; {@code corpus} is {@link CloudTrailData#corpus(java.nio.file.Path)} from the
 * directory named by the system property {@code cloudir.shared} (default {@code ../shared}).
 *
 * <p>Thread-safety: JMH state, one instance per trial; the benchmark methods only read it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class CloudTrailParseBenchmark {

  /** Which input: {@code generated} or {@code corpus}. */
  @Param({"generated", "corpus"})
  public String input = "generated";

  /** Size in bytes of the {@code generated} input (the corpus input has its own default). */
  @Param({"52428800"})
  public int size = CloudTrailData.DEFAULT_SIZE;

  /** Seed of the {@code generated} input. */
  @Param({"20240311"})
  public long seed = CloudTrailData.DEFAULT_SEED;

  private byte[] bytes = new byte[0];
  private long records;
  private final ObjectMapper mapper = new ObjectMapper();
  private final JsonFactory factory = mapper.getFactory();
  private final ObjectReader eventReader = mapper.readerFor(CloudTrailPojo.Event.class);
  private final CloudTrailLog cloudTrailLog =
      new CloudTrailLog(
          "benchmark-bucket",
          "AWSLogs/111122223333/CloudTrail/us-east-1/2024/03/11/benchmark.json.gz");

  /** Creates the state; JMH calls {@link #setup()} before measuring. */
  public CloudTrailParseBenchmark() {}

  /**
   * Builds the input once per trial.
   *
   * @throws IOException if the input is not valid CloudTrail JSON
   * @throws IllegalStateException if {@code input=corpus} and the corpus is missing
   */
  @Setup(Level.Trial)
  public void setup() throws IOException {
    switch (input) {
      case "generated" -> bytes = CloudTrailData.generate(seed, size);
      case "corpus" -> bytes = CloudTrailData.corpus(CloudTrailData.sharedDir());
      default -> throw new IllegalArgumentException("input must be generated|corpus: " + input);
    }
    records = countRecords(bytes);
    cloudTrailLog.setLogFileSize(bytes.length);
  }

  /**
   * Returns the size of the input in bytes (one operation reads it all).
   *
   * @return the input size
   */
  public long inputBytes() {
    return bytes.length;
  }

  /**
   * Returns the number of records in the input.
   *
   * @return the record count
   */
  public long inputRecords() {
    return records;
  }

  /**
   * Throughput counters: JMH reports each public field per second of measurement, so {@code
   * megabytes} is MB/s (10<sup>6</sup> bytes) and {@code records} is records/s.
   *
   * <p>Not thread-safe: one instance per benchmark thread, as JMH arranges.
   */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Rates {
    /** Megabytes (10<sup>6</sup> bytes) read. */
    public double megabytes;

    /** Records read. */
    public long records;

    /** Creates zeroed counters. */
    public Rates() {}

    /** Zeroes the counters before each iteration. */
    @Setup(Level.Iteration)
    public void reset() {
      megabytes = 0;
      records = 0;
    }

    void add(CloudTrailParseBenchmark b) {
      megabytes += b.bytes.length / 1e6;
      records += b.records;
    }
  }

  // ---- peers ------------------------------------------------------------------------------------

  /**
   * Jackson databind into POJOs. Streams the records: a parser is positioned on the {@code Records}
   * array and each record is bound with {@link ObjectReader#readValue(JsonParser)}. Chosen over
   * binding one envelope with a {@code List<Event>} because it is how a large delivery file should
   * be read (constant memory) and it is the same loop the other variants run, so the comparison
   * measures binding, not list growth and heap pressure of 50 MB of live objects.
   *
   * @param rates throughput counters
   * @return the answer
   * @throws IOException on malformed input
   */
  @Benchmark
  public FieldChecksum parse_jacksonDatabind(Rates rates) throws IOException {
    FieldChecksum sum = new FieldChecksum();
    try (JsonParser p = factory.createParser(bytes)) {
      enterRecords(p);
      while (p.nextToken() == JsonToken.START_OBJECT) {
        CloudTrailPojo.Event e = eventReader.readValue(p);
        e.mixInto(sum);
      }
    }
    rates.add(this);
    return sum;
  }

  /**
   * Jackson {@code readTree} per record (same streaming loop), then the fields from the tree.
   *
   * @param rates throughput counters
   * @return the answer
   * @throws IOException on malformed input
   */
  @Benchmark
  public FieldChecksum parse_jacksonReadTree(Rates rates) throws IOException {
    FieldChecksum sum = new FieldChecksum();
    try (JsonParser p = factory.createParser(bytes)) {
      enterRecords(p);
      while (p.nextToken() == JsonToken.START_OBJECT) {
        JsonNode r = mapper.readTree(p);
        sum.mix(text(r.get("eventTime")));
        sum.mix(text(r.get("eventSource")));
        sum.mix(text(r.get("eventName")));
        sum.mix(text(r.get("awsRegion")));
        sum.mix(text(r.get("sourceIPAddress")));
        sum.mix(text(r.get("userAgent")));
        JsonNode u = r.get("userIdentity");
        if (u == null || !u.isObject()) {
          sum.mixAbsent();
          sum.mixAbsent();
          sum.mixAbsent();
        } else {
          sum.mix(text(u.get("type")));
          sum.mix(text(u.get("arn")));
          sum.mix(text(u.get("accountId")));
        }
        sum.mix(text(r.get("errorCode")));
        sum.mix(text(r.get("eventID")));
        sum.mix(text(r.get("recipientAccountId")));
        sum.endRecord();
      }
    }
    rates.add(this);
    return sum;
  }

  /**
   * Jackson's tokenizer alone: {@code nextToken()} over the whole input, no value is decoded. The
   * lower bound of any Jackson-based reader; it cannot produce the checksum.
   *
   * @param rates throughput counters
   * @return the number of tokens
   * @throws IOException on malformed input
   */
  @Benchmark
  public long parse_jacksonTokenWalk(Rates rates) throws IOException {
    long tokens = 0;
    try (JsonParser p = factory.createParser(bytes)) {
      while (p.nextToken() != null) {
        tokens++;
      }
    }
    rates.add(this);
    return tokens;
  }

  /**
   * The AWS CloudTrail Processing Library 1.1.3: its {@link DefaultEventSerializer} over a parser
   * from the {@code ObjectMapper}'s factory (it needs the mapper as codec to turn nested members into
   * JSON strings), reading the fields from {@code CloudTrailEvent.getEventData()}. The library
   * parses {@code eventTime} into a {@link Date} and {@code eventID} into a {@link UUID}; to mix the
   * same bytes they are formatted back (ISO instant and lower-case UUID, which is what CloudTrail
   * writes), a cost that belongs to this peer.
   *
   * @param rates throughput counters
   * @return the answer
   * @throws IOException on malformed input
   */
  @Benchmark
  public FieldChecksum parse_cloudtrailProcessingLibrary(Rates rates) throws IOException {
    FieldChecksum sum = new FieldChecksum();
    try (JsonParser p = factory.createParser(bytes)) {
      DefaultEventSerializer serializer = new DefaultEventSerializer(cloudTrailLog, p);
      while (serializer.hasNextEvent()) {
        CloudTrailEventData d = serializer.getNextEvent().getEventData();
        Date time = d.getEventTime();
        sum.mix(time == null ? null : DateTimeFormatter.ISO_INSTANT.format(time.toInstant()));
        sum.mix(d.getEventSource());
        sum.mix(d.getEventName());
        sum.mix(d.getAwsRegion());
        sum.mix(d.getSourceIPAddress());
        sum.mix(d.getUserAgent());
        UserIdentity u = d.getUserIdentity();
        if (u == null) {
          sum.mixAbsent();
          sum.mixAbsent();
          sum.mixAbsent();
        } else {
          sum.mix(u.getIdentityType());
          sum.mix(u.getARN());
          sum.mix(u.getAccountId());
        }
        sum.mix(d.getErrorCode());
        UUID id = d.getEventId();
        sum.mix(id == null ? null : id.toString());
        sum.mix(d.getRecipientAccountId());
        sum.endRecord();
      }
    }
    rates.add(this);
    return sum;
  }

  // ---- cloudir ----------------------------------------------------------------------------------

  // cloudir variants: parse_cloudir (zero-copy cursor API, fields as slices/hashes/canonical
  // constants) and parse_cloudirStrings (materialises the 12 Strings) are added by the reader's
  // author. Expected shape (see benchmarks/README.md):
  //
  //   @Benchmark
  //   public FieldChecksum parse_cloudir(Rates rates) {
  //     FieldChecksum sum = new FieldChecksum();
  //     ... for each record: sum.mix(bytes, off, len) / sum.mixHash(precomputedFnv) /
  //         sum.mixAbsent() for the 12 fields in FieldChecksum.FIELDS order; sum.endRecord();
  //     rates.add(this);
  //     return sum;
  //   }
  //
  // and add both to SameAnswerTest.CHECKSUM_VARIANTS.

  // ---- helpers ----------------------------------------------------------------------------------

  /** Advances {@code p} to the {@code START_ARRAY} of the top-level {@code Records} member. */
  static void enterRecords(JsonParser p) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw new IOException("not a CloudTrail file: no top-level object");
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if ("Records".equals(name)) {
        if (value != JsonToken.START_ARRAY) {
          throw new IOException("not a CloudTrail file: Records is not an array");
        }
        return;
      }
      p.skipChildren();
    }
    throw new IOException("not a CloudTrail file: no Records member");
  }

  private static @Nullable String text(@Nullable JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    return n.isTextual() ? n.textValue() : n.asText();
  }

  /** Counts the records of a CloudTrail file (setup only). */
  static long countRecords(byte[] input) throws IOException {
    long n = 0;
    try (JsonParser p = new JsonFactory().createParser(input)) {
      enterRecords(p);
      while (p.nextToken() == JsonToken.START_OBJECT) {
        p.skipChildren();
        n++;
      }
    }
    return n;
  }
}
