package io.cloudir.iam.catalog;

import io.cloudir.iam.internal.catalog.Wildcard;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The type of a condition key as the AWS Service Authorization Reference spells it ({@code
 * String}, {@code ARN}, {@code Bool}, {@code Date}, {@code Numeric}, {@code IPAddress}, {@code
 * Binary}, and the multivalued {@code ArrayOf…} forms). An <em>open</em> enumeration: a type AWS
 * adds later is represented by {@link #of(String)} with its name kept, and {@link #isKnown()} is
 * false for it.
 *
 * <p>Equality ignores ASCII case of the name. Immutable and thread-safe.
 */
public final class ConditionKeyType {
  /** A string. */
  public static final ConditionKeyType STRING = new ConditionKeyType("String", null);
  /** An ARN. */
  public static final ConditionKeyType ARN = new ConditionKeyType("ARN", null);
  /** A boolean. */
  public static final ConditionKeyType BOOL = new ConditionKeyType("Bool", null);
  /** A date and time. */
  public static final ConditionKeyType DATE = new ConditionKeyType("Date", null);
  /** A number. */
  public static final ConditionKeyType NUMERIC = new ConditionKeyType("Numeric", null);
  /** An IP address or CIDR block. */
  public static final ConditionKeyType IP_ADDRESS = new ConditionKeyType("IPAddress", null);
  /** Base-64 binary data. */
  public static final ConditionKeyType BINARY = new ConditionKeyType("Binary", null);
  /** A set of strings. */
  public static final ConditionKeyType ARRAY_OF_STRING =
      new ConditionKeyType("ArrayOfString", STRING);
  /** A set of ARNs. */
  public static final ConditionKeyType ARRAY_OF_ARN = new ConditionKeyType("ArrayOfARN", ARN);
  /** A set of booleans. */
  public static final ConditionKeyType ARRAY_OF_BOOL = new ConditionKeyType("ArrayOfBool", BOOL);
  /** A set of dates. */
  public static final ConditionKeyType ARRAY_OF_DATE = new ConditionKeyType("ArrayOfDate", DATE);
  /** A set of numbers. */
  public static final ConditionKeyType ARRAY_OF_NUMERIC =
      new ConditionKeyType("ArrayOfNumeric", NUMERIC);
  /** A set of IP addresses. */
  public static final ConditionKeyType ARRAY_OF_IP_ADDRESS =
      new ConditionKeyType("ArrayOfIPAddress", IP_ADDRESS);
  /** A set of binary values. */
  public static final ConditionKeyType ARRAY_OF_BINARY =
      new ConditionKeyType("ArrayOfBinary", BINARY);

  private static final List<ConditionKeyType> KNOWN =
      List.of(
          STRING,
          ARN,
          BOOL,
          DATE,
          NUMERIC,
          IP_ADDRESS,
          BINARY,
          ARRAY_OF_STRING,
          ARRAY_OF_ARN,
          ARRAY_OF_BOOL,
          ARRAY_OF_DATE,
          ARRAY_OF_NUMERIC,
          ARRAY_OF_IP_ADDRESS,
          ARRAY_OF_BINARY);

  private static final String ARRAY_PREFIX = "ArrayOf";

  private final String name;
  private final @Nullable ConditionKeyType element;
  private final boolean known;

  private ConditionKeyType(String name, @Nullable ConditionKeyType element) {
    this(name, element, true);
  }

  private ConditionKeyType(String name, @Nullable ConditionKeyType element, boolean known) {
    this.name = name;
    this.element = element;
    this.known = known;
  }

  /** The types AWS defines today. */
  public static List<ConditionKeyType> known() {
    return KNOWN;
  }

  /**
   * The type with this name: a known constant when the name is one (ignoring ASCII case), else a
   * new unknown type carrying the name ({@code ArrayOfX} is an array of {@code of("X")}).
   *
   * @throws IllegalArgumentException if the name is blank
   */
  public static ConditionKeyType of(String name) {
    String n = name.strip();
    if (n.isEmpty()) {
      throw new IllegalArgumentException("condition key type name is blank");
    }
    for (ConditionKeyType t : KNOWN) {
      if (t.name.equalsIgnoreCase(n)) {
        return t;
      }
    }
    if (n.length() > ARRAY_PREFIX.length() && n.regionMatches(true, 0, ARRAY_PREFIX, 0, 7)) {
      return new ConditionKeyType(n, of(n.substring(ARRAY_PREFIX.length())), false);
    }
    return new ConditionKeyType(n, null, false);
  }

  /** The name as AWS spells it ({@code ArrayOfString}). */
  public String name() {
    return name;
  }

  /** Whether the key can have several values ({@code ArrayOf…}). */
  public boolean isArray() {
    return element != null;
  }

  /** The type of one value: this type itself, or the element type of an array type. */
  public ConditionKeyType elementType() {
    return element == null ? this : element;
  }

  /** Whether this is a type AWS defines today. */
  public boolean isKnown() {
    return known;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ConditionKeyType other && other.name.equalsIgnoreCase(name);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(Wildcard.lower(name));
  }

  @Override
  public String toString() {
    return name;
  }
}
