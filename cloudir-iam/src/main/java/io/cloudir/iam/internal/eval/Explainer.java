package io.cloudir.iam.internal.eval;

import io.cloudir.iam.eval.Decision;
import io.cloudir.iam.eval.Explanation;
import io.cloudir.iam.eval.Layer;
import io.cloudir.iam.eval.Result;
import io.cloudir.iam.policy.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns an {@link Engine} evaluation into a public {@link Result}: the explain path shared by
 * {@code Evaluator} and the snapshot queries. Stateless and thread-safe.
 */
public final class Explainer {
  private static final Layer[] LAYERS = Layer.values();

  private Explainer() {}

  /** The public decision of an engine decision code. */
  public static Decision decision(int engineDecision) {
    return switch (engineDecision) {
      case Engine.ALLOWED -> Decision.ALLOWED;
      case Engine.EXPLICIT_DENY -> Decision.EXPLICIT_DENY;
      case Engine.IMPLICIT_DENY -> Decision.IMPLICIT_DENY;
      default -> Decision.CONDITIONAL;
    };
  }

  /** The public layer of an engine layer code. */
  public static Layer layer(int engineLayer) {
    return LAYERS[engineLayer];
  }

  /**
   * Evaluates with a trace and builds the result.
   *
   * @param engine the engine
   * @param ctx the request
   * @return the decision, deciding layer, possible outcomes, unknown keys and explanation
   */
  public static Result explain(Engine engine, Ctx ctx) {
    List<Explanation> lines = new ArrayList<>();
    Map<String, String> unknown = new LinkedHashMap<>();
    Trace trace =
        new Trace() {
          @Override
          public void statement(
              int layer, int level, String policy, Statement st, int result, String reason) {
            String outcome = result == 1 ? "matched" : result == 0 ? "not matched" : "unknown";
            lines.add(new Explanation(layer(layer), level, policy, st.label(),
                st.effect().text(), outcome, reason));
          }

          @Override
          public void unknownKey(String key) {
            unknown.putIfAbsent(key.toLowerCase(Locale.ROOT), key);
          }

          @Override
          public void note(String text) {
            lines.add(new Explanation(null, -1, null, null, null, "note", text));
          }
        };
    int packed = engine.evaluate(ctx, trace);
    Decision d = decision(Engine.decision(packed));
    int layer = Engine.layer(packed);
    Set<Decision> possible = EnumSet.noneOf(Decision.class);
    int mask = Engine.possible(packed);
    for (int i = 0; i < 3; i++) {
      if ((mask & (1 << i)) != 0) {
        possible.add(decision(i));
      }
    }
    return new Result(
        d,
        layer < 0 ? null : layer(layer),
        Engine.level(packed),
        possible,
        d == Decision.CONDITIONAL ? List.copyOf(unknown.values()) : List.of(),
        lines);
  }
}
