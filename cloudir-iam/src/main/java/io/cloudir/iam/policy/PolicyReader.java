package io.cloudir.iam.policy;

import io.cloudir.iam.catalog.ActionCatalog;
import io.cloudir.iam.internal.eval.JsonPaths;
import io.cloudir.iam.internal.eval.Template;
import io.cloudir.iam.internal.eval.Values;
import io.cloudir.model.LimitExceededException;
import io.cloudir.model.Location;
import io.cloudir.model.MalformedInputException;
import io.cloudir.model.arn.Arn;
import io.cloudir.model.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The strict policy parser behind {@link Policy#parse}. Stateless and thread-safe. */
final class PolicyReader {
  private static final Set<String> TOP = Set.of("Version", "Id", "Statement");
  private static final Set<String> STATEMENT =
      Set.of(
          "Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource",
          "NotResource", "Condition");
  private static final Set<String> PRINCIPAL_TYPES =
      Set.of("AWS", "Service", "Federated", "CanonicalUser");
  private static final int MAX_STATEMENTS = 10_000;

  private final @Nullable ActionCatalog catalog;
  private final List<PolicyWarning> warnings = new ArrayList<>();
  private boolean variables;

  private PolicyReader(@Nullable ActionCatalog catalog) {
    this.catalog = catalog;
  }

  static Policy read(String json, @Nullable ActionCatalog catalog) {
    byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
    if (utf8.length > Policy.MAX_BYTES) {
      throw new LimitExceededException(
          Location.ofPath("$"), "policy larger than " + Policy.MAX_BYTES + " bytes");
    }
    JsonValue v;
    try {
      v = JsonValue.parse(utf8);
    } catch (MalformedInputException e) {
      throw new PolicyParseException(
          e.location().withJsonPath("$"), "not a JSON document: " + e.reason());
    }
    return new PolicyReader(catalog).policy(v, json);
  }

  static Policy read(JsonValue v, @Nullable ActionCatalog catalog) {
    if (v.rawLength() > Policy.MAX_BYTES) {
      throw new LimitExceededException(
          Location.ofPath("$"), "policy larger than " + Policy.MAX_BYTES + " bytes");
    }
    return new PolicyReader(catalog).policy(v, v.toJson());
  }

  private static PolicyParseException error(String path, String reason) {
    return new PolicyParseException(Location.ofPath(path), reason);
  }

  static String child(String path, String name) {
    return JsonPaths.child(path, name);
  }


  /** The members of an object, rejecting duplicates and (when {@code allowed} is given) others. */
  private static List<Map.Entry<String, JsonValue>> members(
      JsonValue v, String path, @Nullable Set<String> allowed, String what) {
    if (!v.isObject()) {
      throw error(path, what + " must be a JSON object, not " + typeName(v));
    }
    List<Map.Entry<String, JsonValue>> entries = v.entries();
    Set<String> seen = new HashSet<>();
    for (Map.Entry<String, JsonValue> e : entries) {
      if (!seen.add(e.getKey())) {
        throw error(child(path, e.getKey()), "duplicate key \"" + e.getKey() + "\"");
      }
      if (allowed != null && !allowed.contains(e.getKey())) {
        throw error(child(path, e.getKey()), "unknown element \"" + e.getKey() + "\" in " + what);
      }
    }
    return entries;
  }

  private static String typeName(JsonValue v) {
    return v.type().toString().toLowerCase(java.util.Locale.ROOT);
  }

  private Policy policy(JsonValue v, String json) {
    PolicyVersion version = PolicyVersion.V2008_10_17;
    boolean versionGiven = false;
    String id = null;
    JsonValue statementValue = null;
    for (Map.Entry<String, JsonValue> e : members(v, "$", TOP, "a policy")) {
      String path = child("$", e.getKey());
      JsonValue val = e.getValue();
      switch (e.getKey()) {
        case "Version" -> {
          String s = string(val, path, "Version");
          if (s.equals("2012-10-17")) {
            version = PolicyVersion.V2012_10_17;
          } else if (!s.equals("2008-10-17")) {
            throw error(path, "unsupported Version \"" + s + "\" (2012-10-17 or 2008-10-17)");
          }
          versionGiven = true;
        }
        case "Id" -> id = string(val, path, "Id");
        default -> statementValue = val;
      }
    }
    if (statementValue == null) {
      throw error("$", "a policy needs a Statement");
    }
    variables = version.hasVariables();
    List<Statement> statements = new ArrayList<>();
    if (statementValue.isArray()) {
      List<JsonValue> els = statementValue.elements();
      if (els.isEmpty()) {
        throw error("$.Statement", "a policy needs at least one statement");
      }
      if (els.size() > MAX_STATEMENTS) {
        throw new LimitExceededException(
            Location.ofPath("$.Statement"), "more than " + MAX_STATEMENTS + " statements");
      }
      for (int i = 0; i < els.size(); i++) {
        statements.add(statement(els.get(i), "$.Statement[" + i + "]"));
      }
    } else if (statementValue.isObject()) {
      statements.add(statement(statementValue, "$.Statement"));
    } else {
      throw error("$.Statement", "Statement must be an object or an array of objects, not "
          + typeName(statementValue));
    }
    return new Policy(version, versionGiven, id, statements, warnings, json);
  }

  private static String string(JsonValue v, String path, String what) {
    if (!v.isString()) {
      throw error(path, what + " must be a string, not " + typeName(v));
    }
    return v.asString();
  }

  /** A string or a non-empty array of strings. */
  private static List<String> strings(JsonValue v, String path, String what) {
    if (v.isString()) {
      return List.of(v.asString());
    }
    if (!v.isArray()) {
      throw error(path, what + " must be a string or an array of strings, not " + typeName(v));
    }
    List<JsonValue> els = v.elements();
    if (els.isEmpty()) {
      throw error(path, what + " must not be an empty array");
    }
    List<String> out = new ArrayList<>(els.size());
    for (int i = 0; i < els.size(); i++) {
      out.add(string(els.get(i), path + "[" + i + "]", what + " values"));
    }
    return out;
  }

  private Statement statement(JsonValue v, String path) {
    String sid = null;
    Effect effect = null;
    Principals principals = null;
    boolean notPrincipal = false;
    List<String> actions = null;
    boolean notAction = false;
    List<String> resources = null;
    boolean notResource = false;
    List<Condition> conditions = List.of();
    for (Map.Entry<String, JsonValue> e : members(v, path, STATEMENT, "a statement")) {
      String p = child(path, e.getKey());
      JsonValue val = e.getValue();
      switch (e.getKey()) {
        case "Sid" -> sid = string(val, p, "Sid");
        case "Effect" -> {
          String s = string(val, p, "Effect");
          if (s.equals("Allow")) {
            effect = Effect.ALLOW;
          } else if (s.equals("Deny")) {
            effect = Effect.DENY;
          } else {
            throw error(p, "Effect must be \"Allow\" or \"Deny\", not \"" + s + "\"");
          }
        }
        case "Principal", "NotPrincipal" -> {
          if (principals != null) {
            throw error(p, "a statement cannot have both Principal and NotPrincipal");
          }
          principals = principals(val, p);
          notPrincipal = e.getKey().equals("NotPrincipal");
        }
        case "Action", "NotAction" -> {
          if (actions != null) {
            throw error(p, "a statement cannot have both Action and NotAction");
          }
          actions = strings(val, p, e.getKey());
          notAction = e.getKey().equals("NotAction");
          checkActions(actions, val.isArray(), p);
        }
        case "Resource", "NotResource" -> {
          if (resources != null) {
            throw error(p, "a statement cannot have both Resource and NotResource");
          }
          resources = strings(val, p, e.getKey());
          notResource = e.getKey().equals("NotResource");
          checkResources(resources, val.isArray(), p);
        }
        default -> conditions = conditions(val, p);
      }
    }
    if (effect == null) {
      throw error(path, "a statement needs an Effect");
    }
    if (actions == null) {
      throw error(path, "a statement needs an Action or a NotAction");
    }
    return new Statement(
        path, sid, effect, principals, notPrincipal, actions, notAction, resources, notResource,
        conditions);
  }

  private Principals principals(JsonValue v, String path) {
    if (v.isString()) {
      if (!v.asString().equals("*")) {
        throw error(path, "a principal string must be \"*\"; use {\"AWS\": …} for ARNs");
      }
      return Principals.any();
    }
    List<String> aws = List.of();
    List<String> service = List.of();
    List<String> federated = List.of();
    List<String> canonical = List.of();
    List<Map.Entry<String, JsonValue>> entries = members(v, path, PRINCIPAL_TYPES, "a principal");
    if (entries.isEmpty()) {
      throw error(path, "a principal object must name at least one principal type");
    }
    for (Map.Entry<String, JsonValue> e : entries) {
      String p = child(path, e.getKey());
      List<String> vals = strings(e.getValue(), p, e.getKey() + " principal");
      boolean array = e.getValue().isArray();
      for (int i = 0; i < vals.size(); i++) {
        String s = vals.get(i);
        String ip = array ? p + "[" + i + "]" : p;
        if (s.isEmpty()) {
          throw error(ip, "empty principal");
        }
        switch (e.getKey()) {
          case "AWS" -> checkAwsPrincipal(s, ip);
          case "CanonicalUser" -> {
            if (!s.equals("*") && !s.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
              throw error(ip, "a canonical user id is hexadecimal: \"" + s + "\"");
            }
          }
          default -> {
            if (s.indexOf('*') >= 0 && !s.equals("*")) {
              throw error(ip, "wildcards are not allowed in principals: \"" + s + "\"");
            }
          }
        }
      }
      switch (e.getKey()) {
        case "AWS" -> aws = vals;
        case "Service" -> service = vals;
        case "Federated" -> federated = vals;
        default -> canonical = vals;
      }
    }
    return new Principals(false, aws, service, federated, canonical);
  }

  private static void checkAwsPrincipal(String s, String path) {
    if (s.equals("*") || isAccountId(s)) {
      return;
    }
    Arn arn = Arn.tryParse(s).orElse(null);
    if (arn == null) {
      throw error(path, "an AWS principal is \"*\", an account id or an ARN: \"" + s + "\"");
    }
    if (s.indexOf('*') >= 0 || s.indexOf('?') >= 0) {
      throw error(path, "wildcards are not allowed in principal ARNs: \"" + s + "\"");
    }
    if (!arn.service().equals("iam") && !arn.service().equals("sts")) {
      throw error(path, "an AWS principal ARN is an iam or sts ARN: \"" + s + "\"");
    }
  }

  static boolean isAccountId(String s) {
    if (s.length() != 12) {
      return false;
    }
    for (int i = 0; i < 12; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private void checkActions(List<String> actions, boolean array, String path) {
    for (int i = 0; i < actions.size(); i++) {
      String a = actions.get(i);
      String p = array ? path + "[" + i + "]" : path;
      if (a.equals("*")) {
        continue;
      }
      int colon = a.indexOf(':');
      if (colon <= 0 || colon == a.length() - 1 || a.indexOf(':', colon + 1) >= 0) {
        throw error(p, "an action is \"*\" or \"service:action\": \"" + a + "\"");
      }
      for (int k = 0; k < a.length(); k++) {
        char c = a.charAt(k);
        boolean ok =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '*' || c == '?' || c == ':' || c == '_' || c == '.';
        if (!ok) {
          throw error(p, "invalid character '" + c + "' in action \"" + a + "\"");
        }
      }
      if (catalog != null) {
        String prefix = a.substring(0, colon);
        boolean wildPrefix = prefix.indexOf('*') >= 0 || prefix.indexOf('?') >= 0;
        if (!wildPrefix && catalog.service(prefix).isEmpty()) {
          warnings.add(new PolicyWarning(p, "unknown service prefix \"" + prefix + "\""));
        } else if (catalog.expand(a).isEmpty()) {
          warnings.add(new PolicyWarning(p, "\"" + a + "\" matches no action in the catalog"));
        }
      }
    }
  }

  private void checkResources(List<String> resources, boolean array, String path) {
    for (int i = 0; i < resources.size(); i++) {
      String r = resources.get(i);
      String p = array ? path + "[" + i + "]" : path;
      if (r.equals("*")) {
        continue;
      }
      if (!r.startsWith("arn:") && !r.startsWith("${")) {
        throw error(p, "a resource is \"*\" or an ARN pattern: \"" + r + "\"");
      }
      try {
        Template.compile(r, variables, true);
      } catch (IllegalArgumentException e) {
        throw error(p, e.getMessage() + " in \"" + r + "\"");
      }
    }
  }

  private List<Condition> conditions(JsonValue v, String path) {
    List<Condition> out = new ArrayList<>();
    for (Map.Entry<String, JsonValue> op : members(v, path, null, "Condition")) {
      String opPath = child(path, op.getKey());
      ConditionOperator operator = ConditionOperator.tryParse(op.getKey());
      if (operator == null) {
        throw error(opPath, "unknown condition operator \"" + op.getKey() + "\"");
      }
      List<Map.Entry<String, JsonValue>> keys =
          members(op.getValue(), opPath, null, "a condition operator block");
      if (keys.isEmpty()) {
        throw error(opPath, "a condition operator needs at least one key");
      }
      Set<String> lowerKeys = new HashSet<>();
      for (Map.Entry<String, JsonValue> k : keys) {
        String keyPath = child(opPath, k.getKey());
        if (k.getKey().isEmpty()) {
          throw error(keyPath, "empty condition key");
        }
        if (!lowerKeys.add(k.getKey().toLowerCase(java.util.Locale.ROOT))) {
          throw error(keyPath, "duplicate condition key (keys ignore case) \"" + k.getKey() + "\"");
        }
        List<String> values = conditionValues(k.getValue(), keyPath);
        for (int i = 0; i < values.size(); i++) {
          String vp = k.getValue().isArray() ? keyPath + "[" + i + "]" : keyPath;
          checkConditionValue(operator, values.get(i), vp);
        }
        out.add(new Condition(operator, k.getKey(), values));
      }
    }
    return out;
  }

  private static List<String> conditionValues(JsonValue v, String path) {
    if (v.isArray()) {
      List<JsonValue> els = v.elements();
      if (els.isEmpty()) {
        throw error(path, "condition values must not be an empty array");
      }
      List<String> out = new ArrayList<>();
      for (int i = 0; i < els.size(); i++) {
        out.add(scalar(els.get(i), path + "[" + i + "]"));
      }
      return out;
    }
    return List.of(scalar(v, path));
  }

  private static String scalar(JsonValue v, String path) {
    if (v.isString()) {
      return v.asString();
    }
    if (v.isNumber() || v.isBoolean()) {
      return v.toJson();
    }
    throw error(path, "a condition value is a string, number or boolean, not " + typeName(v));
  }

  private void checkConditionValue(ConditionOperator op, String value, String path) {
    ConditionOperator.Family family = op.base().family();
    String problem = null;
    switch (family) {
      case STRING, ARN -> {
        try {
          Template.compile(value, variables, true);
        } catch (IllegalArgumentException e) {
          problem = e.getMessage();
        }
      }
      case NUMERIC -> {
        if (Double.isNaN(Values.number(value))) {
          problem = "not a number";
        }
      }
      case DATE -> {
        if (Values.date(value) == Values.NO_DATE) {
          problem = "not an ISO-8601 date or epoch seconds";
        }
      }
      case BOOL, NULL -> {
        if (Values.bool(value) == null) {
          problem = "not true or false";
        }
      }
      case BINARY -> {
        if (Values.base64(value) == null) {
          problem = "not base64";
        }
      }
      case IP -> {
        if (Values.cidr(value) == null) {
          problem = "not an IP address or CIDR block";
        }
      }
    }
    if (problem != null) {
      throw error(path, "invalid value for " + op + ": \"" + value + "\" (" + problem + ")");
    }
  }
}
