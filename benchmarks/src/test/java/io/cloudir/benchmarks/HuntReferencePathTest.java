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
 * The fast path (routing, per-record field cache, byte-level matching, reordered tests) makes
 * exactly the findings of the engine's reference path (no routing, every test reading the record
 * itself in the order written) on the generated benchmark input: every finding, field by field,
 * in order.
 */
class HuntReferencePathTest {
  @Test
  void fastPathFindsWhatTheReferencePathFinds() throws ReflectiveOperationException {
    for (String n : List.of("builtin", "all")) {
      HuntBenchmark b = new HuntBenchmark();
      b.rules = n;
      b.bytes = 4 << 20;
      b.setup();
      List<String> fast = run(b.engine, b.parsed);
      List<String> reference = run(unrouted(b.engine.rules()), b.parsed);
      assertTrue(fast.size() > 100, n + ": only " + fast.size() + " findings");
      assertEquals(reference.size(), fast.size(), n);
      for (int i = 0; i < fast.size(); i++) {
        assertEquals(reference.get(i), fast.get(i), n + ", finding " + i);
      }
    }
  }

  /** The package-private reference path of the engine (tests of cloudir-rules use it directly). */
  private static Engine unrouted(Collection<Rule> rules) throws ReflectiveOperationException {
    Method m = Engine.class.getDeclaredMethod("compileUnrouted", Collection.class,
        EngineOptions.class);
    m.setAccessible(true);
    return (Engine) m.invoke(null, rules, EngineOptions.defaults());
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
