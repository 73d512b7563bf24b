package io.cloudir.iam.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudir.iam.internal.sim.Cases;
import io.cloudir.model.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Properties of the evaluation logic over random cases (seeded; the seed is in every failure
 * message): adding a Deny never turns a deny into an allow; adding an Allow never turns an explicit
 * deny into anything else; the order of statements does not matter.
 */
class EvaluationPropertiesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int N = 1500;

  private static Decision decide(Map<String, Object> c) throws Exception {
    Cases.Outcome o = Cases.run(JsonValue.parse(JSON.writeValueAsString(c)), null);
    if (o.result() == null) {
      throw new AssertionError(o.error());
    }
    return o.result().decision();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> copy(Map<String, Object> c) throws Exception {
    return JSON.readValue(JSON.writeValueAsString(c), LinkedHashMap.class);
  }

  private static Map<String, Object> policy(String effect, String action) {
    Map<String, Object> st = new LinkedHashMap<>();
    st.put("Effect", effect);
    st.put("Action", action);
    st.put("Resource", "*");
    return Map.of("Version", "2012-10-17", "Statement", List.of(st));
  }

  @SuppressWarnings("unchecked")
  private static void addIdentity(Map<String, Object> c, Map<String, Object> p) {
    ((List<Object>) c.computeIfAbsent("identityPolicies", k -> new ArrayList<>())).add(p);
  }

  @Test
  void addingADenyNeverAllows() throws Exception {
    long seed = 7001;
    CaseGenerator gen = new CaseGenerator(seed);
    SplittableRandom rnd = new SplittableRandom(seed);
    String[] actions = {"*", "s3:*", "s3:GetObject", "ec2:*", "sqs:SendMessage"};
    for (int i = 0; i < N; i++) {
      Map<String, Object> c = gen.next();
      Decision before = decide(c);
      Map<String, Object> more = copy(c);
      addIdentity(more, policy("Deny", actions[rnd.nextInt(actions.length)]));
      Decision after = decide(more);
      if (before != Decision.ALLOWED) {
        assertNotEquals(Decision.ALLOWED, after, "seed " + seed + " case " + i + ": " + JSON.writeValueAsString(more));
      }
    }
  }

  @Test
  void addingAnAllowNeverUndoesAnExplicitDeny() throws Exception {
    long seed = 7002;
    CaseGenerator gen = new CaseGenerator(seed);
    SplittableRandom rnd = new SplittableRandom(seed);
    String[] actions = {"*", "s3:*", "s3:GetObject", "ec2:*", "sqs:SendMessage"};
    for (int i = 0; i < N; i++) {
      Map<String, Object> c = gen.next();
      if (decide(c) != Decision.EXPLICIT_DENY) {
        continue;
      }
      Map<String, Object> more = copy(c);
      addIdentity(more, policy("Allow", actions[rnd.nextInt(actions.length)]));
      assertEquals(Decision.EXPLICIT_DENY, decide(more), "seed " + seed + " case " + i);
    }
  }

  @SuppressWarnings("unchecked")
  private static void shuffleStatements(Object node, SplittableRandom rnd) {
    if (node instanceof Map) {
      Map<String, Object> m = (Map<String, Object>) node;
      Object st = m.get("Statement");
      if (st instanceof List) {
        List<Object> l = (List<Object>) st;
        for (int i = l.size() - 1; i > 0; i--) {
          Collections.swap(l, i, rnd.nextInt(i + 1));
        }
      }
      for (Object v : m.values()) {
        shuffleStatements(v, rnd);
      }
    } else if (node instanceof List) {
      for (Object v : (List<Object>) node) {
        shuffleStatements(v, rnd);
      }
    }
  }

  @Test
  void statementOrderDoesNotMatter() throws Exception {
    long seed = 7003;
    CaseGenerator gen = new CaseGenerator(seed);
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = 0; i < N; i++) {
      Map<String, Object> c = gen.next();
      Map<String, Object> shuffled = copy(c);
      shuffleStatements(shuffled, rnd);
      assertEquals(decide(c), decide(shuffled), "seed " + seed + " case " + i);
    }
  }
}
