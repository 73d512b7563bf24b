package io.cloudir.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.model.LogRecord;
import io.cloudir.rules.Engine;
import io.cloudir.rules.EngineOptions;
import io.cloudir.rules.Rule;
import io.cloudir.rules.Session;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The full output (every finding's JSON, in order) of the built-in pack, and of the whole rule
 * pool, on the generated benchmark input equals the engine's reference path: no routing, every
 * test reading the record itself in the order written (no per-record field cache, no byte-level
 * matching, no reordering), and every correlated hit rendered (title, principal, evidence,
 * suppression key) when its record comes instead of when a finding is emitted.
 */
class HuntFindingsReferenceTest {
  @Test
  void fastPathEqualsReferencePath() throws ReflectiveOperationException {
    for (String n : List.of("builtin", "all")) {
      HuntBenchmark b = new HuntBenchmark();
      b.rules = n;
      b.bytes = 8 << 20;
      b.setup();
      List<Rule> rules = b.engine.rules();
      // the reference path is package-private in cloudir-rules (a test hook): reached by
      // reflection, as these tests run on the class path
      Method m = Engine.class.getDeclaredMethod("compileUnrouted", Collection.class,
          EngineOptions.class);
      m.setAccessible(true);
      Engine reference = (Engine) m.invoke(null, rules, EngineOptions.defaults());
      List<String> fast = run(b.engine, b.parsed);
      List<String> ref = run(reference, b.parsed);
      assertTrue(fast.size() > 100, n + ": only " + fast.size() + " findings");
      assertTrue(fast.stream().anyMatch(f -> f.contains("\"evidence\":[{") && f.indexOf(
          "\"source\"") != f.lastIndexOf("\"source\"")), n + ": no correlated finding");
      assertEquals(ref.size(), fast.size(), n);
      for (int i = 0; i < ref.size(); i++) {
        assertEquals(ref.get(i), fast.get(i), n + ": finding " + i);
      }
    }
  }

  private static List<String> run(Engine e, List<LogRecord> records) {
    List<String> out = new ArrayList<>();
    Session s = e.newSession(f -> out.add(f.toJson()));
    for (LogRecord r : records) {
      s.accept(r);
    }
    s.flush();
    return out;
  }
}
