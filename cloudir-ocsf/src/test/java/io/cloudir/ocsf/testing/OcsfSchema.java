package io.cloudir.ocsf.testing;

import io.cloudir.model.json.JsonValue;
import io.cloudir.model.net.IpAddress;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks OCSF events against the schema facts in {@code ocsf-1.1.0-extract.json}, which lists
 * every attribute of the classes, categories, profiles and objects cloudir writes:
 *
 * <ul>
 *   <li>every attribute present must be defined by the base event, the class, its category, or a
 *       profile that the class accepts <em>and</em> that the event declares in {@code
 *       metadata.profiles}; inside objects, every attribute must be defined by the object;
 *   <li>required attributes (of the base event, the class, the declared profiles and every object
 *       present) must be present and not null;
 *   <li>every value has its attribute's type, through nested objects and arrays;
 *   <li>{@code category_uid}, {@code activity_id}, {@code type_uid = class_uid * 100 +
 *       activity_id} and the enumerated ids ({@code severity_id}, {@code status_id}, {@code
 *       action_id}, object ids such as {@code connection_info.direction_id}) take defined values.
 * </ul>
 *
 * <p>{@code unmapped} and attributes typed {@code object:*} are not descended into.
 *
 * <p>Shared with other modules' tests through this module's test-jar (package
 * {@code io.cloudir.ocsf.testing} only). Thread-safe: stateless after class initialisation.
 */
public final class OcsfSchema {
  private static final JsonValue SCHEMA = load();

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
    JsonValue cls = event.get("class_uid");
    if (cls == null || !isIntegral(cls)) {
      out.add("class_uid missing or not an integer");
      return out;
    }
    long classUid = cls.asLong();
    JsonValue def = SCHEMA.get("classes").get(Long.toString(classUid));
    if (def == null) {
      out.add("class_uid " + classUid + " is not a class of the extract");
      return out;
    }
    JsonValue category = SCHEMA.get("categories").get(def.getString("category"));

    // the attributes this event may carry: base, category, class, and its declared profiles
    Map<String, String> allowed = new LinkedHashMap<>();
    putAll(allowed, SCHEMA.get("base").get("attributes"));
    putAll(allowed, category.get("attributes"));
    putAll(allowed, def.get("attributes"));
    Set<String> declared = new TreeSet<>();
    JsonValue profiles = event.at("metadata.profiles");
    if (profiles != null && profiles.isArray()) {
      for (JsonValue p : profiles.elements()) {
        if (p.isString()) {
          declared.add(p.asString());
        }
      }
    }
    Set<String> accepted = new TreeSet<>();
    for (JsonValue p : category.get("profiles").elements()) {
      accepted.add(p.asString());
    }
    Map<String, String> profileOf = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> p : SCHEMA.get("profiles").members().entrySet()) {
      for (String attr : p.getValue().get("attributes").members().keySet()) {
        profileOf.putIfAbsent(attr, p.getKey());
      }
      if (declared.contains(p.getKey()) && accepted.contains(p.getKey())) {
        putAll(allowed, p.getValue().get("attributes"));
      }
    }
    for (String p : declared) {
      if (!accepted.contains(p)) {
        out.add("metadata.profiles declares " + p + ", which class " + classUid
            + " does not accept (or the extract does not know)");
      }
    }
    if (!declared.contains("cloud")) {
      out.add("metadata.profiles lacks cloud"); // cloudir declares the Cloud profile on every event
    }
    for (String name : event.members().keySet()) {
      if (!allowed.containsKey(name)) {
        String p = profileOf.get(name);
        out.add(p != null && !allowed.containsKey(name)
            ? name + " belongs to profile " + p + ", which is not declared in metadata.profiles"
                + (accepted.contains(p) ? "" : " (nor accepted by class " + classUid + ")")
            : name + " is not an attribute of class " + classUid);
      }
    }
    checkMembers(event, allowed, "", out, true);

    // classification
    JsonValue cat = event.get("category_uid");
    if (cat != null && isIntegral(cat) && cat.asLong() != def.get("category_uid").asLong()) {
      out.add("category_uid " + cat + " for class " + classUid);
    }
    JsonValue act = event.get("activity_id");
    if (act != null && isIntegral(act)) {
      long activity = act.asLong();
      if (!contains(def.get("activity_id"), activity)) {
        out.add("activity_id " + activity + " not defined for class " + classUid);
      }
      JsonValue type = event.get("type_uid");
      if (type != null && isIntegral(type) && type.asLong() != classUid * 100 + activity) {
        out.add("type_uid " + type + " != class_uid*100+activity_id");
      }
    }
    JsonValue classEnums = def.get("enums");
    for (Map.Entry<String, JsonValue> e : SCHEMA.get("enums").members().entrySet()) {
      if (e.getKey().contains(".")) {
        continue; // object enums are checked where the object is walked
      }
      JsonValue allowedValues = classEnums != null && classEnums.has(e.getKey())
          ? classEnums.get(e.getKey()) : e.getValue();
      enumCheck(event.get(e.getKey()), e.getKey(), allowedValues, out);
    }
    return out;
  }

  private static void putAll(Map<String, String> into, JsonValue attrs) {
    for (Map.Entry<String, JsonValue> a : attrs.members().entrySet()) {
      into.put(a.getKey(), a.getValue().asString());
    }
  }

  /** Requirement and type of every member of {@code obj}, which has the attributes {@code defs}. */
  private static void checkMembers(JsonValue obj, Map<String, String> defs, String at,
      List<String> out, boolean topLevel) {
    for (Map.Entry<String, String> d : defs.entrySet()) {
      String[] spec = d.getValue().split(" ");
      JsonValue v = obj.get(d.getKey());
      if (spec.length > 1 && spec[1].equals("required") && (v == null || v.isNull())) {
        out.add("missing required " + at + d.getKey());
      }
      if (v != null && !v.isNull()) {
        value(v, spec[0], at + d.getKey(), out);
      }
    }
    if (!topLevel) {
      for (String name : obj.members().keySet()) {
        if (!defs.containsKey(name)) {
          out.add(at + name + " is not an attribute of the object");
        }
      }
    }
  }

  private static void value(JsonValue v, String type, String path, List<String> out) {
    if (type.startsWith("array:")) {
      if (!v.isArray()) {
        out.add(path + " is not an array: " + v);
        return;
      }
      String element = type.substring("array:".length());
      int i = 0;
      for (JsonValue e : v.elements()) {
        value(e, element, path + "[" + i++ + "]", out);
      }
      return;
    }
    if (type.startsWith("object:")) {
      if (!v.isObject()) {
        out.add(path + " is not an object: " + v);
        return;
      }
      String name = type.substring("object:".length());
      if (name.equals("*")) {
        return;
      }
      JsonValue def = SCHEMA.get("objects").get(name);
      if (def == null) {
        throw new IllegalStateException("object " + name + " missing from the extract");
      }
      Map<String, String> attrs = new LinkedHashMap<>();
      putAll(attrs, def.get("attributes"));
      checkMembers(v, attrs, path + ".", out, false);
      JsonValue alo = def.get("at_least_one");
      if (alo != null && alo.elements().stream().noneMatch(n -> v.has(n.asString()))) {
        out.add(path + ": none of " + alo);
      }
      for (String attr : attrs.keySet()) {
        JsonValue values = SCHEMA.get("enums").get(name + "." + attr);
        if (values != null) {
          enumCheck(v.get(attr), path + "." + attr, values, out);
        }
      }
      return;
    }
    boolean ok = switch (type) {
      case "integer" -> isIntegral(v) && v.asLong() == (int) v.asLong();
      case "long" -> isIntegral(v);
      case "timestamp" -> isIntegral(v) && v.asLong() >= 0;
      case "string" -> v.isString();
      case "boolean" -> v.isBoolean();
      case "json" -> true;
      case "ip" -> v.isString() && IpAddress.tryParse(v.asString()) != null;
      case "port" -> isIntegral(v) && v.asLong() >= 0 && v.asLong() <= 65535;
      default -> throw new IllegalStateException("unknown type " + type);
    };
    if (!ok) {
      out.add(path + " is not " + type + ": " + v);
    }
  }

  private static void enumCheck(JsonValue v, String path, JsonValue allowed, List<String> out) {
    if (v != null && !v.isNull() && (!isIntegral(v) || !contains(allowed, v.asLong()))) {
      out.add(path + " " + v + " is not an enumerated value");
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
