package io.cloudir.ocsf.testing;

import io.cloudir.model.json.JsonValue;
import io.cloudir.model.net.IpAddress;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks OCSF events against the schema extract in {@code ocsf-1.1.0-extract.json}: the base
 * event's and the class's required attributes with their types, the class's category and activity
 * ids, {@code type_uid = class_uid * 100 + activity_id}, the objects' required attributes and
 * constraints, the types of the attributes the extract lists, and enumeration values.
 *
 * <p>Shared with other modules' tests through this module's test-jar (package
 * {@code io.cloudir.ocsf.testing} only). Thread-safe: stateless after class initialisation.
 */
public final class OcsfSchema {
  private static final JsonValue SCHEMA = load();

  /** Where each object attribute's object type is found (attribute name → object name). */
  private static final Map<String, String> OBJECT_OF = Map.ofEntries(
      Map.entry("metadata", "metadata"), Map.entry("product", "product"),
      Map.entry("cloud", "cloud"), Map.entry("account", "account"), Map.entry("api", "api"),
      Map.entry("src_endpoint", "network_endpoint"), Map.entry("dst_endpoint", "network_endpoint"),
      Map.entry("connection_info", "connection_info"), Map.entry("traffic", "traffic"),
      Map.entry("query", "dns_query"), Map.entry("http_request", "http_request"),
      Map.entry("http_response", "http_response"), Map.entry("finding_info", "finding_info"),
      Map.entry("analytic", "analytic"));

  private OcsfSchema() {}

  private static JsonValue load() {
    try (InputStream in = OcsfSchema.class.getResourceAsStream("ocsf-1.1.0-extract.json")) {
      if (in == null) {
        throw new IllegalStateException("schema extract missing");
      }
      return JsonValue.parse(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The OCSF version of the extract. */
  public static String version() {
    return SCHEMA.getString("version");
  }

  /** Every problem found in the event (empty when it conforms). */
  public static List<String> problems(JsonValue event) {
    List<String> out = new ArrayList<>();
    if (!event.isObject()) {
      out.add("not an object");
      return out;
    }
    required(event, SCHEMA.get("base").get("required"), "", out);
    types(event, SCHEMA.get("base").get("optional"), "", out);
    JsonValue cls = event.get("class_uid");
    if (cls == null || !cls.isNumber()) {
      return out;
    }
    long classUid = cls.asLong();
    JsonValue def = SCHEMA.get("classes").get(Long.toString(classUid));
    if (def == null) {
      out.add("class_uid " + classUid + " is not a class of the extract");
      return out;
    }
    if (event.get("category_uid").asLong() != def.get("category_uid").asLong()) {
      out.add("category_uid " + event.get("category_uid") + " for class " + classUid);
    }
    long activity = event.get("activity_id").asLong();
    if (!contains(def.get("activity_id"), activity)) {
      out.add("activity_id " + activity + " not defined for class " + classUid);
    }
    if (event.get("type_uid").asLong() != classUid * 100 + activity) {
      out.add("type_uid " + event.get("type_uid") + " != class_uid*100+activity_id");
    }
    JsonValue req = def.get("required");
    if (req != null) {
      required(event, req, "", out);
    }
    JsonValue alo = def.get("at_least_one");
    if (alo != null && alo.elements().stream().noneMatch(n -> event.has(n.asString()))) {
      out.add("none of " + alo + " present");
    }
    // every event of cloudir carries the Cloud profile
    required(event, SCHEMA.get("profiles").get("cloud").get("required"), "", out);
    JsonValue profiles = event.at("metadata.profiles");
    if (profiles == null || profiles.elements().stream().noneMatch(p -> p.asString().equals("cloud"))) {
      out.add("metadata.profiles lacks cloud");
    }
    JsonValue classEnums = def.get("enums");
    for (Map.Entry<String, JsonValue> e : SCHEMA.get("enums").members().entrySet()) {
      JsonValue allowed = classEnums != null && classEnums.has(e.getKey())
          ? classEnums.get(e.getKey()) : e.getValue();
      enumCheck(event, e.getKey(), allowed, out);
    }
    walkObjects(event, "", out);
    return out;
  }

  private static void enumCheck(JsonValue event, String path, JsonValue allowed, List<String> out) {
    for (JsonValue v : event.select(path.contains(".") ? "finding_info." + path : path)) {
      if (!v.isNumber() || !contains(allowed, v.asLong())) {
        out.add(path + " " + v + " is not an enumerated value");
      }
    }
    if (path.equals("direction_id")) {
      JsonValue v = event.at("connection_info.direction_id");
      if (v != null && !contains(allowed, v.asLong())) {
        out.add("connection_info.direction_id " + v);
      }
    }
  }

  private static void walkObjects(JsonValue obj, String at, List<String> out) {
    for (Map.Entry<String, JsonValue> e : obj.members().entrySet()) {
      String name = e.getKey();
      if (name.equals("unmapped") || !e.getValue().isObject()) {
        continue;
      }
      String type = OBJECT_OF.get(name);
      String path = at + name;
      if (type != null) {
        JsonValue def = SCHEMA.get("objects").get(type);
        JsonValue req = def.get("required");
        if (req != null) {
          required(e.getValue(), req, path + ".", out);
        }
        JsonValue opt = def.get("optional");
        if (opt != null) {
          types(e.getValue(), opt, path + ".", out);
        }
        JsonValue alo = def.get("at_least_one");
        if (alo != null && alo.elements().stream().noneMatch(n -> e.getValue().has(n.asString()))) {
          out.add(path + ": none of " + alo);
        }
      }
      walkObjects(e.getValue(), path + ".", out);
    }
  }

  private static void required(JsonValue obj, JsonValue req, String at, List<String> out) {
    for (Map.Entry<String, JsonValue> r : req.members().entrySet()) {
      JsonValue v = obj.get(r.getKey());
      if (v == null || v.isNull()) {
        out.add("missing required " + at + r.getKey());
      } else {
        type(v, r.getValue().asString(), at + r.getKey(), out);
      }
    }
  }

  private static void types(JsonValue obj, JsonValue opt, String at, List<String> out) {
    for (Map.Entry<String, JsonValue> r : opt.members().entrySet()) {
      JsonValue v = obj.get(r.getKey());
      if (v != null) {
        type(v, r.getValue().asString(), at + r.getKey(), out);
      }
    }
  }

  private static void type(JsonValue v, String type, String path, List<String> out) {
    boolean ok = switch (type) {
      case "integer" -> isIntegral(v) && v.asLong() == (int) v.asLong();
      case "long" -> isIntegral(v);
      case "timestamp" -> isIntegral(v) && v.asLong() >= 0;
      case "string" -> v.isString();
      case "boolean" -> v.isBoolean();
      case "object" -> v.isObject();
      case "array" -> v.isArray();
      case "ip" -> v.isString() && IpAddress.tryParse(v.asString()) != null;
      case "port" -> isIntegral(v) && v.asLong() >= 0 && v.asLong() <= 65535;
      default -> throw new IllegalStateException("unknown type " + type);
    };
    if (!ok) {
      out.add(path + " is not " + type + ": " + v);
    }
  }

  private static boolean isIntegral(JsonValue v) {
    return v.isNumber() && v.asBigDecimal().stripTrailingZeros().scale() <= 0;
  }

  private static boolean contains(JsonValue array, long value) {
    for (JsonValue e : array.elements()) {
      if (e.asLong() == value) {
        return true;
      }
    }
    return false;
  }
}
