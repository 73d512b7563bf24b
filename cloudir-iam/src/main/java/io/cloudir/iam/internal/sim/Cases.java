package io.cloudir.iam.internal.sim;

import io.cloudir.iam.catalog.ActionCatalog;
import io.cloudir.iam.eval.Decision;
import io.cloudir.iam.eval.Evaluator;
import io.cloudir.iam.eval.Explanation;
import io.cloudir.iam.eval.Request;
import io.cloudir.iam.eval.Result;
import io.cloudir.iam.policy.Policy;
import io.cloudir.model.CloudirException;
import io.cloudir.model.internal.json.JsonStrings;
import io.cloudir.model.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Runs simulation cases: {@code {"name"?, "identityPolicies": [policy | {"name","policy"}],
 * "resourcePolicy"?, "permissionBoundaries"?: [..] (or "permissionBoundary"), "sessionPolicy"?,
 * "scps"?: [[..]..], "rcps"?: [[..]..], "vpcEndpointPolicies"?: [..], "request": {"principal",
 * "action", "resource", "resourceAccount"?, "context"?}, "mode"?: "Strict"|"Discovery",
 * "expected"?}}. Stateless and thread-safe.
 */
public final class Cases {
  private static final Set<String> CASE_KEYS =
      Set.of("name", "identityPolicies", "resourcePolicy", "permissionBoundaries",
          "permissionBoundary", "sessionPolicy", "scps", "rcps", "vpcEndpointPolicies", "request",
          "mode", "expected", "unsafe");
  private static final Set<String> REQUEST_KEYS =
      Set.of("principal", "action", "resource", "resourceAccount", "context");

  private Cases() {}

  /** A case that cannot be run. */
  public static final class CaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CaseException(String message) {
      super(message);
    }
  }

  /** The outcome of one case: the result, or an error message. */
  public record Outcome(@Nullable Result result, @Nullable String error) {}

  /**
   * Runs one case.
   *
   * @param c the case object
   * @param catalog the catalog for policy warnings, or null
   * @return the outcome (errors are caught and reported)
   */
  public static Outcome run(JsonValue c, @Nullable ActionCatalog catalog) {
    try {
      return new Outcome(evaluate(c, catalog), null);
    } catch (CloudirException e) {
      return new Outcome(null, e.getMessage());
    } catch (CaseException | IllegalArgumentException | NullPointerException e) {
      return new Outcome(null, String.valueOf(e.getMessage()));
    }
  }

  private static Result evaluate(JsonValue c, @Nullable ActionCatalog catalog) {
    if (!c.isObject()) {
      throw new CaseException("a case is a JSON object");
    }
    for (Map.Entry<String, JsonValue> e : c.entries()) {
      if (!CASE_KEYS.contains(e.getKey())) {
        throw new CaseException("unknown case field \"" + e.getKey() + "\"");
      }
    }
    Evaluator.Builder b = Evaluator.builder();
    JsonValue ids = c.get("identityPolicies");
    if (ids != null) {
      List<JsonValue> els = array(ids, "identityPolicies");
      for (int i = 0; i < els.size(); i++) {
        JsonValue p = els.get(i);
        String name = "identity" + i;
        JsonValue named = p.isObject() && !p.has("Statement") ? p.get("policy") : null;
        if (named != null) {
          String n = p.getString("name");
          name = n != null ? n : name;
          p = named;
        }
        b.identityPolicy(name, policy(p, "identityPolicies[" + i + "]", catalog));
      }
    }
    JsonValue rp = c.get("resourcePolicy");
    if (rp != null && !rp.isNull()) {
      b.resourcePolicy(policy(rp, "resourcePolicy", catalog));
    }
    JsonValue pbs = c.get("permissionBoundaries");
    if (pbs != null) {
      List<JsonValue> els = array(pbs, "permissionBoundaries");
      for (int i = 0; i < els.size(); i++) {
        b.permissionBoundary("boundary" + i, policy(els.get(i), "permissionBoundaries[" + i + "]", catalog));
      }
    }
    JsonValue pb = c.get("permissionBoundary");
    if (pb != null && !pb.isNull()) {
      b.permissionBoundary("boundary", policy(pb, "permissionBoundary", catalog));
    }
    JsonValue sp = c.get("sessionPolicy");
    if (sp != null && !sp.isNull()) {
      b.sessionPolicy(policy(sp, "sessionPolicy", catalog));
    }
    levels(c.get("scps"), "scps", catalog, b, true);
    levels(c.get("rcps"), "rcps", catalog, b, false);
    JsonValue vp = c.get("vpcEndpointPolicies");
    if (vp != null) {
      List<JsonValue> els = array(vp, "vpcEndpointPolicies");
      for (int i = 0; i < els.size(); i++) {
        b.vpcEndpointPolicy(policy(els.get(i), "vpcEndpointPolicies[" + i + "]", catalog));
      }
    }
    JsonValue r = c.get("request");
    if (r == null || !r.isObject()) {
      throw new CaseException("a case needs a request object");
    }
    for (Map.Entry<String, JsonValue> e : r.entries()) {
      if (!REQUEST_KEYS.contains(e.getKey())) {
        throw new CaseException("unknown request field \"" + e.getKey() + "\"");
      }
    }
    Request.Builder q = Request.builder()
        .principal(text(r, "principal"))
        .action(text(r, "action"))
        .resource(text(r, "resource"));
    JsonValue ra = r.get("resourceAccount");
    if (ra != null && !ra.isNull()) {
      q.resourceAccount(ra.asString());
    }
    JsonValue ctx = r.get("context");
    if (ctx != null && !ctx.isNull()) {
      if (!ctx.isObject()) {
        throw new CaseException("request.context is an object");
      }
      for (Map.Entry<String, JsonValue> e : ctx.entries()) {
        JsonValue v = e.getValue();
        List<String> vals = new ArrayList<>();
        if (v.isArray()) {
          for (JsonValue x : v.elements()) {
            vals.add(scalar(x, e.getKey()));
          }
        } else {
          vals.add(scalar(v, e.getKey()));
        }
        q.context(e.getKey(), vals);
      }
    }
    String mode = c.getString("mode");
    q.missingKeysUnknown("Discovery".equals(mode));
    return b.build().explain(q.build());
  }

  private static String scalar(JsonValue v, String key) {
    if (v.isString()) {
      return v.asString();
    }
    if (v.isNumber() || v.isBoolean()) {
      return v.toJson();
    }
    throw new CaseException("context value of " + key + " is a string, number or boolean");
  }

  private static String text(JsonValue r, String name) {
    String s = r.getString(name);
    if (s == null) {
      throw new CaseException("request." + name + " is a required string");
    }
    return s;
  }

  private static List<JsonValue> array(JsonValue v, String what) {
    if (!v.isArray()) {
      throw new CaseException(what + " is an array");
    }
    return v.elements();
  }

  private static void levels(
      @Nullable JsonValue v, String what, @Nullable ActionCatalog catalog, Evaluator.Builder b,
      boolean scp) {
    if (v == null || v.isNull()) {
      return;
    }
    List<JsonValue> lv = array(v, what);
    for (int l = 0; l < lv.size(); l++) {
      JsonValue level = lv.get(l);
      List<JsonValue> els = level.isArray() ? level.elements() : List.of(level);
      List<Policy> ps = new ArrayList<>();
      for (int i = 0; i < els.size(); i++) {
        ps.add(policy(els.get(i), what + "[" + l + "][" + i + "]", catalog));
      }
      if (scp) {
        b.scpLevel(ps);
      } else {
        b.rcpLevel(ps);
      }
    }
  }

  private static Policy policy(JsonValue v, String where, @Nullable ActionCatalog catalog) {
    try {
      return Policy.parse(v, catalog);
    } catch (CloudirException e) {
      throw new CaseException(where + ": " + e.getMessage());
    }
  }

  /**
   * The output line of an outcome: {@code {"decision", "decidedBy", "explanation", "error"?}}, plus
   * {@code "level"} for SCP/RCP denials and {@code "dependsOn"} and {@code "possible"} for
   * conditional answers.
   *
   * @param o the outcome
   * @return one line of JSON (no newline)
   */
  public static String toJson(Outcome o) {
    StringBuilder sb = new StringBuilder(256);
    Result r = o.result();
    if (r == null) {
      sb.append("{\"decision\":\"Error\",\"decidedBy\":null,\"explanation\":[],\"error\":");
      JsonStrings.quote(sb, String.valueOf(o.error()));
      return sb.append('}').toString();
    }
    sb.append("{\"decision\":\"").append(r.decision().text()).append("\",\"decidedBy\":");
    if (r.decidedBy() == null) {
      sb.append("null");
    } else {
      sb.append('"').append(r.decidedBy().text()).append('"');
      if (r.level() >= 0) {
        sb.append(",\"level\":").append(r.level());
      }
    }
    if (r.decision() == Decision.CONDITIONAL) {
      sb.append(",\"dependsOn\":[");
      for (int i = 0; i < r.dependsOn().size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        JsonStrings.quote(sb, r.dependsOn().get(i));
      }
      sb.append("],\"possible\":[");
      boolean first = true;
      for (Decision d : Decision.values()) {
        if (r.possible().contains(d)) {
          sb.append(first ? "" : ",").append('"').append(d.text()).append('"');
          first = false;
        }
      }
      sb.append(']');
    }
    sb.append(",\"explanation\":[");
    for (int i = 0; i < r.explanation().size(); i++) {
      Explanation e = r.explanation().get(i);
      sb.append(i > 0 ? "," : "").append('{');
      if (e.layer() == null) {
        sb.append("\"note\":");
        JsonStrings.quote(sb, e.reason());
      } else {
        sb.append("\"layer\":\"").append(e.layer().text()).append('"');
        if (e.level() >= 0) {
          sb.append(",\"level\":").append(e.level());
        }
        sb.append(",\"policy\":");
        JsonStrings.quote(sb, String.valueOf(e.policy()));
        sb.append(",\"statement\":");
        JsonStrings.quote(sb, String.valueOf(e.statement()));
        sb.append(",\"effect\":\"").append(e.effect()).append("\",\"outcome\":\"")
            .append(e.outcome()).append("\",\"reason\":");
        JsonStrings.quote(sb, e.reason());
      }
      sb.append('}');
    }
    return sb.append("]}").toString();
  }
}
