package io.cloudir.model.json;

import io.cloudir.model.Location;
import io.cloudir.model.MalformedInputException;
import io.cloudir.model.LimitExceededException;
import io.cloudir.model.internal.json.JsonScanner;
import io.cloudir.model.internal.json.JsonStrings;
import io.cloudir.model.internal.json.JsonSyntaxError;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An immutable view of one JSON value held as UTF-8 bytes, decoded only when asked.
 *
 * <p>A {@code JsonValue} is a window {@code [start, end)} on a byte array that has already been
 * validated as JSON. Navigation ({@link #get(String)}, {@link #select(String)}) scans the bytes;
 * nothing is decoded until a typed getter ({@link #asString()}, {@link #asLong()}…) is called.
 * {@link #rawBytes()} and {@link #toJson()} return the value exactly as it was written.
 *
 * <p><b>Retention:</b> a view obtained from a record shares that record's byte block; keeping the
 * view keeps the block alive. {@link #detach()} returns a copy that holds only its own bytes.
 *
 * <p>Objects may hold the same member name more than once (only the CloudTrail top level and
 * {@code userIdentity} are checked for that by the readers); {@link #get(String)} then returns the
 * <em>last</em> occurrence, as JavaScript and Jackson do, and {@link #entries()} returns all of
 * them in order.
 *
 * <p>Path syntax for {@link #select}: member names separated by {@code .}, {@code [n]} for an
 * array element, {@code [*]} for every element, {@code *} for every member, and {@code ['name']}
 * for a name containing {@code .} or {@code [}. Example: {@code
 * ipPermissions.items[*].ipRanges.items[*].cidrIp}.
 *
 * <p>Immutable and thread-safe (the bytes are never written after construction).
 */
public final class JsonValue {
  /** The default depth limit for {@link #parse}. */
  public static final int DEFAULT_MAX_DEPTH = 512;

  private final byte[] buf;
  private final int start;
  private final int end;

  private JsonValue(byte[] buf, int start, int end) {
    this.buf = buf;
    this.start = start;
    this.end = end;
  }

  /**
   * A view of bytes that the caller guarantees are one valid JSON value with no surrounding white
   * space, and that are never modified afterwards. For cloudir's own readers.
   */
  public static JsonValue ofValidated(byte[] buf, int start, int end) {
    Objects.checkFromToIndex(start, end, buf.length);
    return new JsonValue(buf, start, end);
  }

  /** Parses and validates JSON text (strictly: RFC 8259, one value, white space around allowed). */
  public static JsonValue parse(String json) {
    return parse(json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Parses and validates UTF-8 JSON bytes (copied; the caller's array may change afterwards).
   *
   * @throws MalformedInputException with the byte offset when the bytes are not one JSON value
   */
  public static JsonValue parse(byte[] utf8) {
    byte[] b = utf8.clone();
    JsonScanner sc = new JsonScanner(DEFAULT_MAX_DEPTH, Integer.MAX_VALUE);
    int s = JsonScanner.skipWs(b, 0, b.length);
    try {
      if (s >= b.length) {
        throw new JsonSyntaxError(s, "no JSON value");
      }
      int e = sc.skipValue(b, s, b.length, 0, true);
      int t = JsonScanner.skipWs(b, e, b.length);
      if (t != b.length) {
        throw new JsonSyntaxError(t, "unexpected data after the JSON value");
      }
      return new JsonValue(b, s, e);
    } catch (JsonSyntaxError err) {
      Location loc = Location.of(null, err.offset());
      throw err.isLimit() ? new LimitExceededException(loc, err.reason())
          : new MalformedInputException(loc, err.reason());
    }
  }

  /** A JSON string value. */
  public static JsonValue ofString(String s) {
    return parse(JsonStrings.quote(s));
  }

  /** The type of this value. */
  public JsonType type() {
    return switch (buf[start]) {
      case '{' -> JsonType.OBJECT;
      case '[' -> JsonType.ARRAY;
      case '"' -> JsonType.STRING;
      case 't', 'f' -> JsonType.BOOLEAN;
      case 'n' -> JsonType.NULL;
      default -> JsonType.NUMBER;
    };
  }

  /** Whether this is JSON {@code null}. */
  public boolean isNull() {
    return buf[start] == 'n';
  }

  /** Whether this is an object. */
  public boolean isObject() {
    return buf[start] == '{';
  }

  /** Whether this is an array. */
  public boolean isArray() {
    return buf[start] == '[';
  }

  /** Whether this is a string. */
  public boolean isString() {
    return buf[start] == '"';
  }

  /** Whether this is a number. */
  public boolean isNumber() {
    return type() == JsonType.NUMBER;
  }

  /** Whether this is {@code true} or {@code false}. */
  public boolean isBoolean() {
    byte c = buf[start];
    return c == 't' || c == 'f';
  }

  private IllegalStateException wrongType(String wanted) {
    return new IllegalStateException("not " + wanted + " but " + type() + ": " + abbreviated());
  }

  /**
   * The decoded string.
   *
   * @throws IllegalStateException if this is not a string
   */
  public String asString() {
    if (!isString()) {
      throw wrongType("a string");
    }
    return JsonStrings.decode(buf, start + 1, end - 1);
  }

  /** The decoded string, or {@code null} if this is not a string. */
  public @Nullable String stringOrNull() {
    return isString() ? JsonStrings.decode(buf, start + 1, end - 1) : null;
  }

  /**
   * The text of a scalar as a string: the decoded string, the number's digits, {@code true}, {@code
   * false}; {@code null} for JSON null; for objects and arrays their JSON text.
   */
  public @Nullable String asText() {
    if (isString()) {
      return asString();
    }
    if (isNull()) {
      return null;
    }
    return toJson();
  }

  /**
   * The boolean.
   *
   * @throws IllegalStateException if this is not a boolean
   */
  public boolean asBoolean() {
    if (!isBoolean()) {
      throw wrongType("a boolean");
    }
    return buf[start] == 't';
  }

  /**
   * The number as a {@link BigDecimal} (exact).
   *
   * @throws IllegalStateException if this is not a number
   */
  public BigDecimal asBigDecimal() {
    if (!isNumber()) {
      throw wrongType("a number");
    }
    return new BigDecimal(new String(buf, start, end - start, StandardCharsets.US_ASCII));
  }

  /**
   * The number as a {@code long}.
   *
   * @throws IllegalStateException if this is not a number
   * @throws ArithmeticException if it has a fraction or does not fit
   */
  public long asLong() {
    if (!isNumber()) {
      throw wrongType("a number");
    }
    long v = 0;
    int p = start;
    boolean neg = buf[p] == '-';
    if (neg) {
      p++;
    }
    if (end - p <= 18) {
      boolean plain = true;
      for (int i = p; i < end; i++) {
        int d = buf[i] - '0';
        if (d < 0 || d > 9) {
          plain = false;
          break;
        }
        v = v * 10 + d;
      }
      if (plain) {
        return neg ? -v : v;
      }
    }
    return asBigDecimal().longValueExact();
  }

  /**
   * The number as a {@code double} (nearest).
   *
   * @throws IllegalStateException if this is not a number
   */
  public double asDouble() {
    if (!isNumber()) {
      throw wrongType("a number");
    }
    return Double.parseDouble(new String(buf, start, end - start, StandardCharsets.US_ASCII));
  }

  /**
   * The number as a {@link BigInteger}.
   *
   * @throws ArithmeticException if it has a fraction or more than 100 000 integer digits
   */
  public BigInteger asBigInteger() {
    BigDecimal d = asBigDecimal();
    if (d.signum() != 0) {
      // decide before toBigIntegerExact, which would compute 10^|exponent| (1e999999999 or
      // 1e-999999999 would take hours)
      long integerDigits = (long) d.precision() - d.scale();
      if (integerDigits <= 0) {
        throw new ArithmeticException("Rounding necessary: " + abbreviated() + " has a fraction");
      }
      if (integerDigits > MAX_BIG_INTEGER_DIGITS) {
        throw new ArithmeticException(abbreviated() + " has more than " + MAX_BIG_INTEGER_DIGITS
            + " integer digits");
      }
    }
    return d.toBigIntegerExact();
  }

  /** The most decimal digits {@link #asBigInteger} produces. */
  private static final int MAX_BIG_INTEGER_DIGITS = 100_000;

  /**
   * The value of member {@code name} of this object (the last one if repeated), or {@code null}
   * if there is none or this is not an object.
   */
  public @Nullable JsonValue get(String name) {
    if (!isObject()) {
      return null;
    }
    // a name with an unpaired surrogate has no UTF-8 form: only an escaped member name can equal it
    return member(wellFormed(name) ? name.getBytes(StandardCharsets.UTF_8) : null, name);
  }

  /**
   * The value of member {@code name} of this object (the last one if repeated), or {@code null}
   * if there is none or this is not an object: {@link #get(String)} without encoding the name.
   */
  public @Nullable JsonValue get(Name name) {
    return isObject() ? member(name.utf8, name.name) : null;
  }

  private @Nullable JsonValue member(byte @Nullable [] key, String name) {
    JsonValue found = null;
    int p = JsonScanner.skipWs(buf, start + 1, end);
    if (buf[p] == '}') {
      return null;
    }
    while (true) {
      int ns = p;
      int ne = JsonScanner.skipValidatedString(buf, p);
      p = JsonScanner.skipWs(buf, ne, end) + 1; // ':'
      p = JsonScanner.skipWs(buf, p, end);
      int vs = p;
      int ve = JsonScanner.skipValidated(buf, p);
      if (nameEquals(ns, ne, key, name)) {
        found = new JsonValue(buf, vs, ve);
      }
      p = JsonScanner.skipWs(buf, ve, end);
      if (buf[p] == '}') {
        return found;
      }
      p = JsonScanner.skipWs(buf, p + 1, end);
    }
  }

  /**
   * A member name prepared for repeated lookups with {@link #get(Name)} (its UTF-8 form is
   * computed once). Immutable and thread-safe.
   */
  public static final class Name {
    private final String name;
    private final byte @Nullable [] utf8;

    private Name(String name) {
      this.name = name;
      this.utf8 = wellFormed(name) ? name.getBytes(StandardCharsets.UTF_8) : null;
    }

    /** The prepared form of a member name. */
    public static Name of(String name) {
      return new Name(Objects.requireNonNull(name));
    }

    /** The name. */
    public String name() {
      return name;
    }

    /** The name. */
    @Override
    public String toString() {
      return name;
    }
  }

  private boolean nameEquals(int ns, int ne, byte @Nullable [] key, String name) {
    int bs = ns + 1;
    int be = ne - 1;
    int len = be - bs;
    // The raw bytes of an escaped name are not its value: a member written with backslash-t is
    // named TAB, not backslash-t. Every escape is longer in the raw text than its UTF-8 value, so
    // an escaped name decodes to strictly fewer bytes than it has raw: a raw name shorter than
    // the key never matches, one of the key's length matches only byte for byte and unescaped,
    // and only a longer one needs decoding.
    if (key != null && len <= key.length) {
      // length and first byte first: most members of an object differ there (and the bulk
      // comparison costs more than it saves on a short name)
      return len == key.length && (len == 0 || buf[bs] == key[0])
          && Arrays.equals(buf, bs, be, key, 0, key.length)
          && !JsonStrings.hasEscape(buf, bs, be);
    }
    return JsonStrings.hasEscape(buf, bs, be) && JsonStrings.decode(buf, bs, be).equals(name);
  }

  /** Whether {@code s} has no unpaired surrogate (so that it has a UTF-8 form). */
  private static boolean wellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** Whether this object has member {@code name}. */
  public boolean has(String name) {
    return get(name) != null;
  }

  /** The string value of member {@code name}, or {@code null} if absent or not a string. */
  public @Nullable String getString(String name) {
    JsonValue v = get(name);
    return v == null ? null : v.stringOrNull();
  }

  /**
   * Element {@code index} of this array, or {@code null} if out of range or not an array.
   */
  public @Nullable JsonValue get(int index) {
    if (!isArray() || index < 0) {
      return null;
    }
    int i = 0;
    for (JsonValue v : elements()) {
      if (i++ == index) {
        return v;
      }
    }
    return null;
  }

  /** The number of elements of an array or members of an object; 0 for scalars. */
  public int size() {
    if (isArray()) {
      return elements().size();
    }
    if (isObject()) {
      return entries().size();
    }
    return 0;
  }

  /** The elements of this array in order (empty for anything else). */
  public List<JsonValue> elements() {
    if (!isArray()) {
      return List.of();
    }
    List<JsonValue> out = new ArrayList<>();
    int p = JsonScanner.skipWs(buf, start + 1, end);
    if (buf[p] == ']') {
      return Collections.unmodifiableList(out);
    }
    while (true) {
      int ve = JsonScanner.skipValidated(buf, p);
      out.add(new JsonValue(buf, p, ve));
      p = JsonScanner.skipWs(buf, ve, end);
      if (buf[p] == ']') {
        return Collections.unmodifiableList(out);
      }
      p = JsonScanner.skipWs(buf, p + 1, end);
    }
  }

  /** The members of this object in order, repeated names included (empty for anything else). */
  public List<Map.Entry<String, JsonValue>> entries() {
    if (!isObject()) {
      return List.of();
    }
    List<Map.Entry<String, JsonValue>> out = new ArrayList<>();
    int p = JsonScanner.skipWs(buf, start + 1, end);
    if (buf[p] == '}') {
      return List.of();
    }
    while (true) {
      int ne = JsonScanner.skipValidatedString(buf, p);
      String name = JsonStrings.decode(buf, p + 1, ne - 1);
      p = JsonScanner.skipWs(buf, ne, end) + 1;
      p = JsonScanner.skipWs(buf, p, end);
      int ve = JsonScanner.skipValidated(buf, p);
      out.add(Map.entry(name, new JsonValue(buf, p, ve)));
      p = JsonScanner.skipWs(buf, ve, end);
      if (buf[p] == '}') {
        return Collections.unmodifiableList(out);
      }
      p = JsonScanner.skipWs(buf, p + 1, end);
    }
  }

  /** The members of this object by name, in order; for a repeated name the last value. */
  public Map<String, JsonValue> members() {
    Map<String, JsonValue> m = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> e : entries()) {
      m.remove(e.getKey());
      m.put(e.getKey(), e.getValue());
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * Every value the path selects, in document order (see the class comment for the syntax).
   *
   * @throws IllegalArgumentException if the path is malformed
   */
  public List<JsonValue> select(String path) {
    List<Object> steps = JsonPathSteps.parse(path);
    List<JsonValue> current = List.of(this);
    for (Object step : steps) {
      List<JsonValue> next = new ArrayList<>();
      for (JsonValue v : current) {
        if (step == JsonPathSteps.ALL_ELEMENTS) {
          next.addAll(v.elements());
        } else if (step == JsonPathSteps.ALL_MEMBERS) {
          for (Map.Entry<String, JsonValue> e : v.entries()) {
            next.add(e.getValue());
          }
        } else if (step instanceof Integer i) {
          JsonValue x = v.get(i);
          if (x != null) {
            next.add(x);
          }
        } else {
          JsonValue x = v.get((String) step);
          if (x != null) {
            next.add(x);
          }
        }
      }
      current = next;
    }
    return Collections.unmodifiableList(current);
  }

  /** The first value the path selects, or {@code null}. */
  public @Nullable JsonValue at(String path) {
    List<JsonValue> all = select(path);
    return all.isEmpty() ? null : all.get(0);
  }

  /** The decoded strings the path selects (non-strings are skipped). */
  public List<String> selectStrings(String path) {
    List<String> out = new ArrayList<>();
    for (JsonValue v : select(path)) {
      String s = v.stringOrNull();
      if (s != null) {
        out.add(s);
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** A copy of the raw UTF-8 bytes of this value. */
  public byte[] rawBytes() {
    return Arrays.copyOfRange(buf, start, end);
  }

  /** The length in bytes of the raw JSON text. */
  public int rawLength() {
    return end - start;
  }

  /** This value holding only a copy of its own bytes (releases a shared block). */
  public JsonValue detach() {
    return start == 0 && end == buf.length ? this : new JsonValue(rawBytes(), 0, end - start);
  }

  /** The JSON text exactly as written. */
  public String toJson() {
    return new String(buf, start, end - start, StandardCharsets.UTF_8);
  }

  /**
   * Converts to plain Java objects: {@code Map<String,Object>} (ordered, last of repeated names),
   * {@code List<Object>}, {@code String}, {@code BigDecimal}, {@code Boolean} or {@code null}.
   */
  public @Nullable Object toJava() {
    return switch (type()) {
      case OBJECT -> {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : entries()) {
          m.remove(e.getKey());
          m.put(e.getKey(), e.getValue().toJava());
        }
        yield m;
      }
      case ARRAY -> {
        List<@Nullable Object> l = new ArrayList<>();
        for (JsonValue v : elements()) {
          l.add(v.toJava());
        }
        yield l;
      }
      case STRING -> asString();
      case NUMBER -> asBigDecimal();
      case BOOLEAN -> asBoolean();
      case NULL -> null;
    };
  }

  /**
   * Semantic equality: same type and value; objects compare member sets (the last of repeated
   * names, order ignored), numbers compare numerically, strings after decoding.
   */
  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof JsonValue other)) {
      return false;
    }
    if (end - start == other.end - other.start
        && Arrays.equals(buf, start, end, other.buf, other.start, other.end)) {
      return true;
    }
    return Objects.equals(normalized(toJava()), normalized(other.toJava()));
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(normalized(toJava()));
  }

  private static @Nullable Object normalized(@Nullable Object o) {
    if (o instanceof BigDecimal d) {
      return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
    }
    if (o instanceof Map<?, ?> m) {
      Map<Object, @Nullable Object> n = new java.util.HashMap<>();
      m.forEach((k, v) -> n.put(k, normalized(v)));
      return n;
    }
    if (o instanceof List<?> l) {
      List<@Nullable Object> n = new ArrayList<>();
      for (Object x : l) {
        n.add(normalized(x));
      }
      return n;
    }
    return o;
  }

  private String abbreviated() {
    String s = toJson();
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }

  /** The JSON text exactly as written. */
  @Override
  public String toString() {
    return toJson();
  }

  /** Parsed steps of a path. */
  static final class JsonPathSteps {
    static final Object ALL_ELEMENTS = new Object();
    static final Object ALL_MEMBERS = new Object();

    private JsonPathSteps() {}

    static List<Object> parse(String path) {
      List<Object> steps = new ArrayList<>();
      int i = 0;
      int n = path.length();
      if (path.startsWith("$")) {
        i = 1;
        if (i < n && path.charAt(i) == '.') {
          i++;
        }
      }
      while (i < n) {
        char c = path.charAt(i);
        if (c == '[') {
          int close = path.indexOf(']', i);
          if (close < 0) {
            throw new IllegalArgumentException("unclosed '[' at " + i + " in " + path);
          }
          String inner = path.substring(i + 1, close);
          if (inner.equals("*")) {
            steps.add(ALL_ELEMENTS);
          } else if (inner.length() >= 2 && inner.startsWith("'") && inner.endsWith("'")) {
            int q = path.indexOf("']", i + 2);
            inner = path.substring(i + 2, q);
            close = q + 1;
            steps.add(inner);
          } else {
            try {
              steps.add(Integer.parseInt(inner));
            } catch (NumberFormatException e) {
              throw new IllegalArgumentException("bad index '" + inner + "' at " + i + " in " + path, e);
            }
          }
          i = close + 1;
          if (i < n && path.charAt(i) == '.') {
            i++;
            if (i == n) {
              throw new IllegalArgumentException("path ends with '.': " + path);
            }
          }
        } else {
          int j = i;
          while (j < n && path.charAt(j) != '.' && path.charAt(j) != '[') {
            j++;
          }
          if (j == i) {
            throw new IllegalArgumentException("empty name at " + i + " in " + path);
          }
          String name = path.substring(i, j);
          steps.add(name.equals("*") ? ALL_MEMBERS : name);
          i = j < n && path.charAt(j) == '.' ? j + 1 : j;
          if (i == n && j < n) {
            throw new IllegalArgumentException("path ends with '.': " + path);
          }
        }
      }
      if (steps.isEmpty() && n > 1) {
        throw new IllegalArgumentException("empty path");
      }
      return steps;
    }
  }

}
