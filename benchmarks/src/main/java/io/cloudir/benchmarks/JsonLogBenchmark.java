package io.cloudir.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.cloudir.model.LogRecord;
import io.cloudir.model.SourceType;
import io.cloudir.parsers.LogReader;
import io.cloudir.parsers.LogSource;
import io.cloudir.parsers.RecordStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What {@link WafParseBenchmark} and {@link ResolverParseBenchmark} share: the JMH parameters and
 * set-up of the input (generated, or a corpus folder repeated), its record count, cloudir's reader,
 * Jackson's mapper and POJO reader, and small helpers. JMH wants the {@code State} annotation on
 * the class that declares the parameters (so it is here too); the benchmarks repeat it with their
 * own {@code Fork}, {@code Warmup}, … annotations.
 *
 * <p>Thread-safety: JMH state of the subclasses; the benchmark methods only read it.
 */
@State(Scope.Benchmark)
public abstract class JsonLogBenchmark {
  /** Which input: {@code generated} or {@code corpus}. */
  @Param({"generated", "corpus"})
  public String input = "generated";

  /** Size in bytes of the generated input. */
  @Param({"33554432"})
  public int size;

  /** Seed of the generated input. */
  @Param({"20240311"})
  public long seed = WafData.DEFAULT_SEED;

  byte[] bytes = new byte[0];
  long records;
  final ObjectMapper mapper = new ObjectMapper();
  final JsonFactory factory = mapper.getFactory();
  /** cloudir's reader of the format. */
  final LogReader reader;
  /** Jackson's reader of the benchmark's POJO. */
  final ObjectReader pojoReader;
  private final SourceType type;
  private final String corpusFolder;

  /**
   * A benchmark of the format {@code type}, whose corpus is {@code shared/corpus/<corpusFolder>},
   * whose generated input is {@code defaultSize} bytes unless set, read by Jackson into {@code pojo}.
   */
  JsonLogBenchmark(SourceType type, String corpusFolder, int defaultSize, Class<?> pojo) {
    this.type = type;
    this.corpusFolder = corpusFolder;
    this.size = defaultSize;
    this.reader = LogReader.builder().type(type).build();
    this.pojoReader = mapper.readerFor(pojo);
  }

  /**
   * The generated input.
   *
   * @param seed the seed
   * @param size the size in bytes
   * @return JSON lines
   */
  abstract byte[] generate(long seed, int size);

  /**
   * Builds the input once per trial: {@code generated}, or {@code corpus} (every record of the
   * corpus folder, repeated to about 8 MB); then counts its records (lines).
   *
   * @throws IOException if the corpus cannot be read
   */
  @Setup(Level.Trial)
  public void setup() throws IOException {
    switch (input) {
      case "generated" -> bytes = generate(seed, size);
      case "corpus" -> bytes = corpus(CloudTrailData.sharedDir().resolve("corpus").resolve(corpusFolder), type);
      default -> throw new IllegalArgumentException("input must be generated|corpus: " + input);
    }
    records = 0;
    for (byte b : bytes) {
      if (b == '\n') {
        records++;
      }
    }
  }

  /** Every record of a corpus folder, one per line, repeated to about 8 MB. */
  static byte[] corpus(Path dir, SourceType type) throws IOException {
    if (!dir.toFile().isDirectory()) {
      throw new IllegalStateException("no corpus at " + dir + " (set -Dcloudir.shared)");
    }
    ByteArrayOutputStream one = new ByteArrayOutputStream();
    try (RecordStream s = LogReader.builder().type(type).build().open(dir)) {
      for (LogRecord r : s) {
        one.writeBytes(r.toJson().getBytes(StandardCharsets.UTF_8));
        one.write('\n');
      }
    }
    byte[] b = one.toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream(8 << 20);
    while (out.size() < (8 << 20)) {
      out.writeBytes(b);
    }
    return out.toByteArray();
  }

  /**
   * The input size.
   *
   * @return bytes
   */
  public long inputBytes() {
    return bytes.length;
  }

  /** cloudir's records of the whole input. */
  RecordStream open() {
    return reader.open(List.of(LogSource.of("bench", bytes)));
  }

  /** Jackson's parser of the whole input. */
  JsonParser parser() throws IOException {
    return factory.createParser(bytes);
  }

  /** Counts one pass over the whole input; returns {@code sum}. */
  FieldSum counted(ParseRates rates, FieldSum sum) {
    rates.add(bytes.length, records);
    return sum;
  }

  /**
   * cloudir, zero-copy: strings as hashes of their slices, numbers and times as primitives.
   *
   * @param rates counters
   * @return the answer
   * @throws IOException on malformed input
   */
  public abstract FieldSum parse_cloudir(ParseRates rates) throws IOException;

  /**
   * cloudir with the typed getters (Strings, Instants).
   *
   * @param rates counters
   * @return the answer
   * @throws IOException on malformed input
   */
  public abstract FieldSum parse_cloudirStrings(ParseRates rates) throws IOException;

  /**
   * Jackson databind into POJOs of the benchmark's fields.
   *
   * @param rates counters
   * @return the answer
   * @throws IOException on malformed input
   */
  public abstract FieldSum parse_jacksonDatabind(ParseRates rates) throws IOException;

  /**
   * Jackson {@code readTree} per record, then the fields from the tree.
   *
   * @param rates counters
   * @return the answer
   * @throws IOException on malformed input
   */
  public abstract FieldSum parse_jacksonReadTree(ParseRates rates) throws IOException;

  /** A cloudir value hash, with 0 (absent or null) as {@link FieldChecksum#ABSENT}. */
  static long orAbsent(long hash) {
    return hash == 0 ? FieldChecksum.ABSENT : hash;
  }

  /** A Jackson node as the benchmarks compare it: text, other JSON as written, or null. */
  static @Nullable String text(@Nullable JsonNode n) {
    return n == null || n.isNull() ? null : n.isTextual() ? n.textValue() : n.toString();
  }
}
