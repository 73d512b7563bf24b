package io.cloudir.ocsf;

import io.cloudir.model.json.JsonValue;
import io.cloudir.model.net.IpAddress;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ECS 8.11 fields cloudir writes, with their types and the allowed values of the
 * categorisation fields, as the ECS field reference lists them; checks documents against them.
 * Everything under {@code aws.} is cloudir's own extension (ECS reserves no such field set) and
 * is only checked for being an object.
 */
final class EcsFields {
  static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("@timestamp", "date"), Map.entry("message", "text"),
      Map.entry("ecs.version", "keyword"),
      Map.entry("event.kind", "keyword"), Map.entry("event.category", "keyword"),
      Map.entry("event.type", "keyword"), Map.entry("event.action", "keyword"),
      Map.entry("event.outcome", "keyword"), Map.entry("event.module", "keyword"),
      Map.entry("event.dataset", "keyword"), Map.entry("event.provider", "keyword"),
      Map.entry("event.id", "keyword"), Map.entry("event.reference", "keyword"),
      Map.entry("event.original", "keyword"), Map.entry("event.start", "date"),
      Map.entry("event.end", "date"), Map.entry("event.severity", "long"),
      Map.entry("cloud.provider", "keyword"), Map.entry("cloud.region", "keyword"),
      Map.entry("cloud.account.id", "keyword"), Map.entry("cloud.service.name", "keyword"),
      Map.entry("cloud.instance.id", "keyword"),
      Map.entry("source.ip", "ip"), Map.entry("source.address", "keyword"),
      Map.entry("source.port", "long"), Map.entry("source.bytes", "long"),
      Map.entry("source.packets", "long"), Map.entry("source.geo.country_iso_code", "keyword"),
      Map.entry("source.as.number", "long"),
      Map.entry("destination.ip", "ip"), Map.entry("destination.address", "keyword"),
      Map.entry("destination.port", "long"), Map.entry("destination.bytes", "long"),
      Map.entry("user.id", "keyword"), Map.entry("user.name", "keyword"),
      Map.entry("user.domain", "keyword"), Map.entry("user.target.name", "keyword"),
      Map.entry("network.iana_number", "keyword"), Map.entry("network.transport", "keyword"),
      Map.entry("network.type", "keyword"), Map.entry("network.bytes", "long"),
      Map.entry("network.packets", "long"), Map.entry("network.direction", "keyword"),
      Map.entry("network.protocol", "keyword"),
      Map.entry("dns.type", "keyword"), Map.entry("dns.response_code", "keyword"),
      Map.entry("dns.question.name", "keyword"), Map.entry("dns.question.type", "keyword"),
      Map.entry("dns.question.class", "keyword"), Map.entry("dns.answers.data", "keyword"),
      Map.entry("dns.answers.type", "keyword"), Map.entry("dns.answers.class", "keyword"),
      Map.entry("dns.resolved_ip", "ip"),
      Map.entry("http.version", "keyword"), Map.entry("http.request.method", "keyword"),
      Map.entry("http.request.id", "keyword"), Map.entry("http.request.referrer", "keyword"),
      Map.entry("http.request.bytes", "long"), Map.entry("http.request.body.bytes", "long"),
      Map.entry("http.response.status_code", "long"), Map.entry("http.response.bytes", "long"),
      Map.entry("http.response.body.bytes", "long"),
      Map.entry("url.original", "keyword"), Map.entry("url.path", "keyword"),
      Map.entry("url.query", "keyword"), Map.entry("url.scheme", "keyword"),
      Map.entry("url.domain", "keyword"), Map.entry("url.port", "long"),
      Map.entry("user_agent.original", "keyword"),
      Map.entry("tls.version", "keyword"), Map.entry("tls.version_protocol", "keyword"),
      Map.entry("tls.cipher", "keyword"), Map.entry("tls.client.server_name", "keyword"),
      Map.entry("rule.id", "keyword"), Map.entry("rule.name", "keyword"),
      Map.entry("rule.description", "keyword"), Map.entry("rule.author", "keyword"),
      Map.entry("rule.license", "keyword"), Map.entry("rule.reference", "keyword"),
      Map.entry("rule.ruleset", "keyword"),
      Map.entry("threat.framework", "keyword"), Map.entry("threat.technique.id", "keyword"));

  static final Set<String> KINDS = Set.of("alert", "asset", "enrichment", "event", "metric",
      "state", "pipeline_error", "signal");
  static final Set<String> OUTCOMES = Set.of("failure", "success", "unknown");
  /** event.category → the event.type values ECS expects with it. */
  static final Map<String, Set<String>> CATEGORY_TYPES = Map.of(
      "authentication", Set.of("start", "end", "info"),
      "configuration", Set.of("access", "change", "creation", "deletion", "info"),
      "iam", Set.of("admin", "change", "creation", "deletion", "group", "info", "user"),
      "intrusion_detection", Set.of("allowed", "denied", "info"),
      "network", Set.of("access", "allowed", "connection", "denied", "end", "info", "protocol",
          "start"),
      "web", Set.of("access", "error", "info"));

  private EcsFields() {}

  static List<String> problems(JsonValue doc) {
    List<String> out = new ArrayList<>();
    walk(doc, "", out);
    for (String required : List.of("@timestamp", "ecs.version", "event.kind", "cloud.provider")) {
      if (doc.at(required) == null && !(required.equals("@timestamp"))) {
        out.add("missing " + required);
      }
    }
    JsonValue kind = doc.at("event.kind");
    if (kind != null && !KINDS.contains(kind.asString())) {
      out.add("event.kind " + kind);
    }
    JsonValue outcome = doc.at("event.outcome");
    if (outcome != null && !OUTCOMES.contains(outcome.asString())) {
      out.add("event.outcome " + outcome);
    }
    JsonValue cats = doc.at("event.category");
    JsonValue types = doc.at("event.type");
    if (cats == null || types == null || !cats.isArray() || !types.isArray()) {
      out.add("event.category and event.type must be arrays");
      return out;
    }
    for (JsonValue t : types.elements()) {
      boolean fits = false;
      for (JsonValue c : cats.elements()) {
        Set<String> allowed = CATEGORY_TYPES.get(c.asString());
        if (allowed == null) {
          out.add("event.category " + c + " not used by cloudir's ECS mapping");
        } else if (allowed.contains(t.asString())) {
          fits = true;
        }
      }
      if (!fits) {
        out.add("event.type " + t + " does not fit " + cats);
      }
    }
    return out;
  }

  private static void walk(JsonValue obj, String at, List<String> out) {
    for (Map.Entry<String, JsonValue> e : obj.members().entrySet()) {
      String path = at + e.getKey();
      JsonValue v = e.getValue();
      if (path.equals("aws")) {
        if (!v.isObject()) {
          out.add("aws is not an object");
        }
        continue;
      }
      String type = TYPES.get(path);
      if (type == null) {
        if (v.isObject()) {
          walk(v, path + ".", out);
        } else if (v.isArray() && !v.elements().isEmpty() && v.get(0).isObject()) {
          for (JsonValue el : v.elements()) {
            walk(el, path + ".", out);
          }
        } else {
          out.add("not an ECS field: " + path);
        }
        continue;
      }
      for (JsonValue x : v.isArray() ? v.elements() : List.of(v)) {
        if (!fits(x, type)) {
          out.add(path + " is not " + type + ": " + x);
        }
      }
    }
  }

  private static boolean fits(JsonValue v, String type) {
    switch (type) {
      case "keyword", "text":
        return v.isString();
      case "long":
        return v.isNumber() && v.asBigDecimal().stripTrailingZeros().scale() <= 0;
      case "ip":
        return v.isString() && IpAddress.tryParse(v.asString()) != null;
      case "date":
        try {
          Instant.parse(v.asString());
          return true;
        } catch (DateTimeParseException | IllegalStateException e) {
          return false;
        }
      default:
        throw new IllegalStateException(type);
    }
  }
}
