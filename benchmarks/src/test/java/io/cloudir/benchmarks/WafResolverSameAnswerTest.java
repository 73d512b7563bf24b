package io.cloudir.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every variant of the WAF and Resolver benchmarks computes the same answer. */
class WafResolverSameAnswerTest {
  @Test
  void waf() throws IOException {
    WafParseBenchmark b = new WafParseBenchmark();
    b.size = 2 << 20;
    b.setup();
    check(b);
  }

  @Test
  @Tag("corpus")
  void wafCorpus() throws IOException {
    WafParseBenchmark b = new WafParseBenchmark();
    b.input = "corpus";
    b.setup();
    check(b);
  }

  private static void check(JsonLogBenchmark b) throws IOException {
    ParseRates r = new ParseRates();
    FieldSum reference = b.parse_jacksonDatabind(r);
    assertTrue(reference.records() > 100, reference.toString());
    assertEquals(reference, b.parse_jacksonReadTree(r));
    assertEquals(reference, b.parse_cloudir(r));
    assertEquals(reference, b.parse_cloudirStrings(r));
  }

  @Test
  void resolver() throws IOException {
    ResolverParseBenchmark b = new ResolverParseBenchmark();
    b.size = 2 << 20;
    b.setup();
    check(b);
  }

  @Test
  @Tag("corpus")
  void resolverCorpus() throws IOException {
    ResolverParseBenchmark b = new ResolverParseBenchmark();
    b.input = "corpus";
    b.setup();
    check(b);
  }

}
