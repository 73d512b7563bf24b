package io.cloudir.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cloudir.model.Provenance;
import io.cloudir.model.RecordWarning;
import io.cloudir.model.internal.json.IndexedJson;
import io.cloudir.model.internal.json.ObjectSchema;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The static helpers the JSON record types share. */
class IndexedJsonRecordTest {
  enum F {
    A, B, C, D, X
  }

  private static final ObjectSchema SCHEMA =
      new ObjectSchema(new String[] {"a", "b", "c", "d"}, 3, new String[] {"x"});

  /** Exposes the protected helpers. */
  static final class Probe extends IndexedJsonRecord<F> {
    Probe(IndexedJson j) {
      super(j, Provenance.inMemory());
    }

    static long mask(IndexedJson j, F[] fields, String types) {
      return typeMask(j, fields, types);
    }

    static RecordWarning warning(long mask) {
      return fieldTypeWarning("odd: ", mask, F.values(), f -> f == F.X ? "d.x" : f.name().toLowerCase());
    }

    static String[][] names(int firstNested) {
      return schemaNames(F.values(), firstNested, f -> f.name().toLowerCase());
    }

    static String cut(String s) {
      return abbreviate(s);
    }
  }

  private static IndexedJson index(String json) {
    return JsonRecordParsing.index(json.getBytes(StandardCharsets.UTF_8), Provenance.inMemory(), SCHEMA);
  }

  @Test
  void typeMaskFlagsPresentValuesOfOtherTypes() {
    IndexedJson j = index("{\"a\":\"s\",\"b\":12,\"c\":null,\"d\":{\"x\":[1]}}");
    F[] all = F.values();
    assertEquals((1L << F.B.ordinal()) | (1L << F.D.ordinal()) | (1L << F.X.ordinal()), Probe.mask(j, all, "\""));
    assertEquals((1L << F.A.ordinal()) | (1L << F.D.ordinal()) | (1L << F.X.ordinal()), Probe.mask(j, all, "0"));
    assertEquals((1L << F.A.ordinal()) | (1L << F.B.ordinal()) | (1L << F.X.ordinal()), Probe.mask(j, all, "{"));
    assertEquals(1L << F.X.ordinal(), Probe.mask(j, new F[] {F.X, F.C}, "\"0"));
    assertEquals(0, Probe.mask(j, new F[] {F.X}, "["));
    assertEquals(0, Probe.mask(index("{}"), all, "\""));
    assertEquals(0, Probe.mask(j, new F[0], "\""));
  }

  @Test
  void fieldTypeWarningListsTheFlaggedPathsInOrder() {
    assertEquals(new RecordWarning("field.type", "odd: [b, d.x]"),
        Probe.warning((1L << F.X.ordinal()) | (1L << F.B.ordinal())));
    assertEquals(new RecordWarning("field.type", "odd: []"), Probe.warning(0));
  }

  @Test
  void schemaNamesSplitAtTheFirstNestedField() {
    String[][] n = Probe.names(4);
    assertEquals(java.util.List.of("a", "b", "c", "d"), java.util.List.of(n[0]));
    assertEquals(java.util.List.of("x"), java.util.List.of(n[1]));
    String[][] none = Probe.names(5);
    assertEquals(5, none[0].length);
    assertEquals(0, none[1].length);
    String[][] all = Probe.names(0);
    assertEquals(0, all[0].length);
    assertEquals(java.util.List.of("a", "b", "c", "d", "x"), java.util.List.of(all[1]));
  }

  @Test
  void abbreviateKeepsSixtyFourCharacters() {
    String s64 = "x".repeat(64);
    assertEquals(s64, Probe.cut(s64));
    assertEquals("", Probe.cut(""));
    String cut = Probe.cut("y".repeat(65));
    assertEquals(64, cut.length());
    assertEquals("y".repeat(61) + "...", cut);
  }

  @Test
  void probeRecordsCompareByJson() {
    assertEquals(new Probe(index("{\"a\": 1}")), new Probe(index("{\"a\":1}")));
  }
}
