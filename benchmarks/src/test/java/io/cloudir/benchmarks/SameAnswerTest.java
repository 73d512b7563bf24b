package io.cloudir.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every benchmarked variant computes the same answer as an independent reference. */
class SameAnswerTest {

  /** A checksum-producing variant of {@link CloudTrailParseBenchmark}. */
  interface Variant {
    FieldChecksum run(CloudTrailParseBenchmark b, CloudTrailParseBenchmark.Rates r)
        throws IOException;
  }

  /** Every checksum variant by name; the cloudir variants are added here by their author. */
  static final Map<String, Variant> CHECKSUM_VARIANTS =
      Map.of(
          "jacksonDatabind", CloudTrailParseBenchmark::parse_jacksonDatabind,
          "jacksonReadTree", CloudTrailParseBenchmark::parse_jacksonReadTree,
          "cloudtrailProcessingLibrary",
              CloudTrailParseBenchmark::parse_cloudtrailProcessingLibrary);

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static CloudTrailParseBenchmark generated(int size, long seed) throws IOException {
    CloudTrailParseBenchmark b = new CloudTrailParseBenchmark();
    b.input = "generated";
    b.size = size;
    b.seed = seed;
    b.setup();
    return b;
  }

  /**
   * The reference: untyped Jackson maps (a code path no variant uses), the fields in canonical
   * order, String values hashed from their {@code getBytes(UTF_8)} (not through the allocation-free
   * CharSequence path the variants use).
   */
  @SuppressWarnings("unchecked")
  static FieldChecksum reference(byte[] input) throws IOException {
    Map<String, Object> root = MAPPER.readValue(input, Map.class);
    FieldChecksum sum = new FieldChecksum();
    for (Object o : (List<Object>) root.get("Records")) {
      Map<String, Object> r = (Map<String, Object>) o;
      for (String field : FieldChecksum.FIELDS) {
        Object v;
        int dot = field.indexOf('.');
        if (dot < 0) {
          v = r.get(field);
        } else {
          Object parent = r.get(field.substring(0, dot));
          v = parent instanceof Map ? ((Map<String, Object>) parent).get(field.substring(dot + 1)) : null;
        }
        if (v == null) {
          sum.mixAbsent();
        } else {
          byte[] utf8 = v.toString().getBytes(StandardCharsets.UTF_8);
          sum.mix(utf8, 0, utf8.length);
        }
      }
      sum.endRecord();
    }
    return sum;
  }

  private static void assertAllAgree(CloudTrailParseBenchmark b, byte[] input) throws IOException {
    FieldChecksum expected = reference(input);
    assertTrue(expected.records() > 0, "input has records");
    assertEquals(expected.records(), b.inputRecords(), "record count of the setup");
    for (Map.Entry<String, Variant> v : CHECKSUM_VARIANTS.entrySet()) {
      CloudTrailParseBenchmark.Rates rates = new CloudTrailParseBenchmark.Rates();
      FieldChecksum got = v.getValue().run(b, rates);
      assertEquals(expected.records(), got.records(), v.getKey() + " records");
      assertEquals(
          Long.toHexString(expected.value()), Long.toHexString(got.value()), v.getKey() + " checksum");
      assertEquals(b.inputRecords(), rates.records, v.getKey() + " records counter");
      assertEquals(b.inputBytes() / 1e6, rates.megabytes, 1e-9, v.getKey() + " megabytes counter");
    }
    // the token walk: compare with tokens counted over Jackson's tree of the same input
    long tokens = b.parse_jacksonTokenWalk(new CloudTrailParseBenchmark.Rates());
    long expectedTokens = 0;
    try (JsonParser p = MAPPER.readTree(input).traverse()) {
      while (p.nextToken() != null) {
        expectedTokens++;
      }
    }
    assertEquals(expectedTokens, tokens, "token walk");
  }

  @Test
  void allVariantsAgreeOnGeneratedInput() throws IOException {
    CloudTrailParseBenchmark b = generated(1 << 20, CloudTrailData.DEFAULT_SEED);
    assertAllAgree(b, CloudTrailData.generate(CloudTrailData.DEFAULT_SEED, 1 << 20));
  }

  @Test
  void allVariantsAgreeOnOtherSeeds() throws IOException {
    for (long seed : new long[] {1, 2, 3}) {
      CloudTrailParseBenchmark b = generated(200_000, seed);
      assertAllAgree(b, CloudTrailData.generate(seed, 200_000));
    }
  }

  @Test
  void checksumDependsOnTheInput() throws IOException {
    FieldChecksum a = reference(CloudTrailData.generate(1, 100_000));
    FieldChecksum b = reference(CloudTrailData.generate(2, 100_000));
    assertNotEquals(a.value(), b.value());
  }

  @Test
  void absentDiffersFromEmptyAndOrderMatters() {
    FieldChecksum absent = new FieldChecksum();
    absent.mixAbsent();
    FieldChecksum empty = new FieldChecksum();
    empty.mix("");
    assertNotEquals(absent.value(), empty.value());

    FieldChecksum ab = new FieldChecksum();
    ab.mix("a");
    ab.mix("b");
    FieldChecksum ba = new FieldChecksum();
    ba.mix("b");
    ba.mix("a");
    assertNotEquals(ab.value(), ba.value());
  }

  @Test
  void charSequenceHashEqualsUtf8BytesHash() {
    long seed = new SplittableRandom().nextLong();
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder();
      int n = rnd.nextInt(12);
      for (int j = 0; j < n; j++) {
        switch (rnd.nextInt(5)) {
          case 0 -> sb.append((char) rnd.nextInt(0x80));
          case 1 -> sb.append((char) rnd.nextInt(0x80, 0x800));
          case 2 -> sb.append((char) rnd.nextInt(0x800, 0x10000)); // includes lone surrogates
          case 3 -> sb.appendCodePoint(rnd.nextInt(0x10000, 0x110000));
          default -> sb.append("é☕\"\\");
        }
      }
      String s = sb.toString();
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      assertEquals(
          FieldChecksum.fnv1a64(utf8, 0, utf8.length),
          FieldChecksum.fnv1a64(s),
          "seed " + seed + " string " + s.codePoints().boxed().toList());
    }
  }

  @Test
  void endRecordRejectsAWrongFieldCount() {
    FieldChecksum sum = new FieldChecksum();
    sum.mix("only one");
    org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, sum::endRecord);
  }

  @Test
  @Tag("corpus")
  void allVariantsAgreeOnCorpus() throws IOException {
    CloudTrailParseBenchmark b = new CloudTrailParseBenchmark();
    b.input = "corpus";
    b.setup();
    assertAllAgree(b, CloudTrailData.corpus(CloudTrailData.sharedDir()));
  }
}
