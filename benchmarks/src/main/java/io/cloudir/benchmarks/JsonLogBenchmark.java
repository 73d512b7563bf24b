package io.cloudir.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudir.model.LogRecord;
import io.cloudir.model.SourceType;
import io.cloudir.parsers.LogReader;
import io.cloudir.parsers.RecordStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What {@link WafParseBenchmark} and {@link ResolverParseBenchmark} share: the input (generated, or
 * a corpus folder repeated), its record count, Jackson's mapper and small helpers.
 *
 * <p>Thread-safety: JMH state of the subclasses; the benchmark methods only read it.
 */
public abstract class JsonLogBenchmark {
  byte[] bytes = new byte[0];
  long records;
  final ObjectMapper mapper = new ObjectMapper();
  final JsonFactory factory = mapper.getFactory();

  JsonLogBenchmark() {}

  /**
   * Loads the input: {@code generated}, or {@code corpus} (every record of {@code
   * shared/corpus/<folder>}, repeated to about 8 MB); then counts its records (lines).
   *
   * @throws IOException if the corpus cannot be read
   */
  void load(String input, Supplier<byte[]> generated, String corpusFolder, SourceType type) throws IOException {
    switch (input) {
      case "generated" -> bytes = generated.get();
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

  /** Counts one pass over the whole input. */
  void counted(ParseRates rates) {
    rates.add(bytes.length, records);
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
