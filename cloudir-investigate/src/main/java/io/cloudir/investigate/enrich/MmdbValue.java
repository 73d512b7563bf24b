package io.cloudir.investigate.enrich;

import io.cloudir.investigate.internal.enrich.Csv;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One decoded value of a MaxMind DB data section: a string, number, boolean, byte string, map or
 * array. Maps keep the order of the file; pointers are resolved while decoding, so a value never
 * refers back into the file.
 *
 * <p>Immutable and thread-safe (byte strings are copied on the way in and out).
 */
public final class MmdbValue {
  /**
   * The MaxMind DB data types a value can have (pointers, cache containers and end markers are
   * not values). Immutable and thread-safe.
   */
  public enum Type {
    /** UTF-8 string (type 2). */
    STRING,
    /** IEEE-754 binary64 (type 3). */
    DOUBLE,
    /** Byte string (type 4). */
    BYTES,
    /** Unsigned 16-bit integer (type 5). */
    UINT16,
    /** Unsigned 32-bit integer (type 6). */
    UINT32,
    /** Map from strings to values (type 7). */
    MAP,
    /** Signed 32-bit integer (type 8). */
    INT32,
    /** Unsigned 64-bit integer (type 9). */
    UINT64,
    /** Unsigned 128-bit integer (type 10). */
    UINT128,
    /** Array (type 11). */
    ARRAY,
    /** Boolean (type 14). */
    BOOLEAN,
    /** IEEE-754 binary32 (type 15). */
    FLOAT
  }

  private final Type type;
  private final long bits;
  private final @Nullable Object ref;

  private MmdbValue(Type type, long bits, @Nullable Object ref) {
    this.type = type;
    this.bits = bits;
    this.ref = ref;
  }

  /** A string value. */
  public static MmdbValue ofString(String s) {
    return new MmdbValue(Type.STRING, 0, Objects.requireNonNull(s));
  }

  /** A double value. */
  public static MmdbValue ofDouble(double d) {
    return new MmdbValue(Type.DOUBLE, Double.doubleToRawLongBits(d), null);
  }

  /** A float value. */
  public static MmdbValue ofFloat(float f) {
    return new MmdbValue(Type.FLOAT, Float.floatToRawIntBits(f), null);
  }

  /** A byte string (copied). */
  public static MmdbValue ofBytes(byte[] b) {
    return new MmdbValue(Type.BYTES, 0, b.clone());
  }

  /** A boolean value. */
  public static MmdbValue ofBoolean(boolean b) {
    return new MmdbValue(Type.BOOLEAN, b ? 1 : 0, null);
  }

  /**
   * An integer of one of the integer types.
   *
   * @throws IllegalArgumentException if {@code type} is not an integer type or {@code value} does
   *     not fit it
   */
  public static MmdbValue ofInteger(Type type, BigInteger value) {
    int bitLength = switch (type) {
      case UINT16 -> 16;
      case UINT32 -> 32;
      case UINT64 -> 64;
      case UINT128 -> 128;
      case INT32 -> 0;
      default -> throw new IllegalArgumentException("not an integer type: " + type);
    };
    if (type == Type.INT32) {
      if (value.bitLength() > 31) {
        throw new IllegalArgumentException("not an int32: " + value);
      }
      return new MmdbValue(type, value.intValue(), null);
    }
    if (value.signum() < 0 || value.bitLength() > bitLength) {
      throw new IllegalArgumentException("not a " + type + ": " + value);
    }
    return value.bitLength() <= 63 ? new MmdbValue(type, value.longValue(), null)
        : new MmdbValue(type, 0, value);
  }

  /** An unsigned integer of at most 63 bits, or an int32, without going through BigInteger. */
  public static MmdbValue ofLong(Type type, long value) {
    boolean ok = switch (type) {
      case UINT16 -> value >= 0 && value <= 0xFFFF;
      case UINT32 -> value >= 0 && value <= 0xFFFF_FFFFL;
      case UINT64, UINT128 -> value >= 0;
      case INT32 -> value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
      default -> throw new IllegalArgumentException("not an integer type: " + type);
    };
    if (!ok) {
      throw new IllegalArgumentException("not a " + type + ": " + value);
    }
    return new MmdbValue(type, value, null);
  }

  /** A map (copied, order kept). */
  public static MmdbValue ofMap(Map<String, MmdbValue> members) {
    return new MmdbValue(Type.MAP, 0, Collections.unmodifiableMap(new LinkedHashMap<>(members)));
  }

  /** An array (copied). */
  public static MmdbValue ofArray(List<MmdbValue> elements) {
    return new MmdbValue(Type.ARRAY, 0, List.copyOf(elements));
  }

  /** The type. */
  public Type type() {
    return type;
  }

  /** Whether this is one of the integer types. */
  public boolean isInteger() {
    return type == Type.UINT16 || type == Type.UINT32 || type == Type.INT32 || type == Type.UINT64
        || type == Type.UINT128;
  }

  /** Whether this is a double, a float or an integer. */
  public boolean isNumber() {
    return isInteger() || type == Type.DOUBLE || type == Type.FLOAT;
  }

  /** The string. @throws IllegalStateException if this is not a string */
  public String asString() {
    if (type != Type.STRING) {
      throw wrong("a string");
    }
    return (String) Objects.requireNonNull(ref);
  }

  /** The string, or null when this is not a string. */
  public @Nullable String stringOrNull() {
    return type == Type.STRING ? (String) ref : null;
  }

  /** The boolean. @throws IllegalStateException if this is not a boolean */
  public boolean asBoolean() {
    if (type != Type.BOOLEAN) {
      throw wrong("a boolean");
    }
    return bits != 0;
  }

  /** The byte string (a copy). @throws IllegalStateException if this is not a byte string */
  public byte[] asBytes() {
    if (type != Type.BYTES) {
      throw wrong("a byte string");
    }
    return ((byte[]) Objects.requireNonNull(ref)).clone();
  }

  /**
   * The integer as a long.
   *
   * @throws IllegalStateException if this is not an integer or does not fit a signed long
   */
  public long asLong() {
    if (!isInteger()) {
      throw wrong("an integer");
    }
    if (ref != null) {
      throw new IllegalStateException("integer too large for a long: " + ref);
    }
    return bits;
  }

  /** The integer exactly. @throws IllegalStateException if this is not an integer */
  public BigInteger asBigInteger() {
    if (!isInteger()) {
      throw wrong("an integer");
    }
    return ref != null ? (BigInteger) ref : BigInteger.valueOf(bits);
  }

  /**
   * The number as a double (integers converted, floats widened).
   *
   * @throws IllegalStateException if this is not a number
   */
  public double asDouble() {
    return switch (type) {
      case DOUBLE -> Double.longBitsToDouble(bits);
      case FLOAT -> Float.intBitsToFloat((int) bits);
      default -> {
        if (!isInteger()) {
          throw wrong("a number");
        }
        yield ref != null ? ((BigInteger) ref).doubleValue() : (double) bits;
      }
    };
  }

  /** The float. @throws IllegalStateException if this is not a float */
  public float asFloat() {
    if (type != Type.FLOAT) {
      throw wrong("a float");
    }
    return Float.intBitsToFloat((int) bits);
  }

  /** The members of a map, in file order. @throws IllegalStateException if this is not a map */
  @SuppressWarnings("unchecked")
  public Map<String, MmdbValue> members() {
    if (type != Type.MAP) {
      throw wrong("a map");
    }
    return (Map<String, MmdbValue>) Objects.requireNonNull(ref);
  }

  /** The elements of an array. @throws IllegalStateException if this is not an array */
  @SuppressWarnings("unchecked")
  public List<MmdbValue> elements() {
    if (type != Type.ARRAY) {
      throw wrong("an array");
    }
    return (List<MmdbValue>) Objects.requireNonNull(ref);
  }

  /** The member {@code key} of a map, or null when this is not a map or has no such member. */
  public @Nullable MmdbValue get(String key) {
    return type == Type.MAP ? members().get(key) : null;
  }

  /**
   * The value at a dotted path of map keys and array indexes, such as {@code country.iso_code},
   * {@code city.names.en} or {@code subdivisions.0.iso_code}; null when any step is missing.
   */
  public @Nullable MmdbValue at(String path) {
    MmdbValue v = this;
    int s = 0;
    while (v != null && s <= path.length()) {
      int e = path.indexOf('.', s);
      if (e < 0) {
        e = path.length();
      }
      String step = path.substring(s, e);
      if (v.type == Type.ARRAY) {
        int i = Csv.decimal(step, 9);
        List<MmdbValue> l = v.elements();
        v = i >= 0 && i < l.size() ? l.get(i) : null;
      } else {
        v = v.get(step);
      }
      s = e + 1;
    }
    return v;
  }

  /** The string at {@code path}, or null when it is missing or not a string. */
  public @Nullable String stringAt(String path) {
    MmdbValue v = at(path);
    return v == null ? null : v.stringOrNull();
  }

  /**
   * The value as plain Java objects: String, Double, Float, byte[], Boolean, Long (integers that
   * fit), BigInteger (larger ones), Map (LinkedHashMap) and List.
   */
  public Object toJava() {
    return switch (type) {
      case STRING -> asString();
      case DOUBLE -> asDouble();
      case FLOAT -> asFloat();
      case BYTES -> asBytes();
      case BOOLEAN -> asBoolean();
      case MAP -> {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Map.Entry<String, MmdbValue> e : members().entrySet()) {
          m.put(e.getKey(), e.getValue().toJava());
        }
        yield m;
      }
      case ARRAY -> elements().stream().map(MmdbValue::toJava).toList();
      default -> ref != null ? ref : (Object) bits;
    };
  }

  private IllegalStateException wrong(String wanted) {
    return new IllegalStateException("not " + wanted + " but " + type);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof MmdbValue v) || v.type != type || v.bits != bits) {
      return false;
    }
    if (ref instanceof byte[] b) {
      return v.ref instanceof byte[] c && Arrays.equals(b, c);
    }
    return Objects.equals(ref, v.ref);
  }

  @Override
  public int hashCode() {
    int h = type.hashCode() * 31 + Long.hashCode(bits);
    return h * 31 + (ref instanceof byte[] b ? Arrays.hashCode(b) : Objects.hashCode(ref));
  }

  /** A short JSON-like rendering, for messages and debugging. */
  @Override
  public String toString() {
    return switch (type) {
      case STRING -> '"' + asString() + '"';
      case BYTES -> "bytes[" + ((byte[]) Objects.requireNonNull(ref)).length + "]";
      case MAP, ARRAY -> Objects.requireNonNull(ref).toString();
      default -> String.valueOf(toJava());
    };
  }
}
