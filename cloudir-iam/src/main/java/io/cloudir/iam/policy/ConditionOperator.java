package io.cloudir.iam.policy;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A condition operator as written in a policy: a base operator ({@link Base}), an optional set
 * qualifier ({@code ForAnyValue:} / {@code ForAllValues:}) and an optional {@code IfExists} suffix,
 * such as {@code ForAllValues:StringLikeIfExists}. Operator names are case-sensitive, as in IAM.
 *
 * <p>Immutable and thread-safe.
 */
public final class ConditionOperator {

  /** The family of a base operator: how policy and request values are compared. */
  public enum Family {
    /** Strings (with {@code Like} wildcards or ignoring case). */
    STRING,
    /** Decimal numbers. */
    NUMERIC,
    /** Dates (ISO-8601 or epoch seconds). */
    DATE,
    /** {@code true} / {@code false}. */
    BOOL,
    /** Base64-encoded bytes. */
    BINARY,
    /** IPv4 / IPv6 addresses and CIDR blocks. */
    IP,
    /** ARNs compared segment by segment with wildcards. */
    ARN,
    /** Presence test. */
    NULL
  }

  /** How a base operator compares one request value with one policy value. */
  public enum Comparison {
    /** Equal. */
    EQUALS,
    /** Equal ignoring case. */
    EQUALS_IGNORE_CASE,
    /** Wildcard match. */
    LIKE,
    /** Less than. */
    LESS_THAN,
    /** Less than or equal. */
    LESS_THAN_EQUALS,
    /** Greater than. */
    GREATER_THAN,
    /** Greater than or equal. */
    GREATER_THAN_EQUALS,
    /** In a CIDR block. */
    IN_NETWORK,
    /** Key presence ({@code Null}). */
    ABSENT
  }

  /** Every base operator of the IAM policy language. */
  public enum Base {
    /** {@code StringEquals}. */
    STRING_EQUALS("StringEquals", Family.STRING, Comparison.EQUALS, false),
    /** {@code StringNotEquals}. */
    STRING_NOT_EQUALS("StringNotEquals", Family.STRING, Comparison.EQUALS, true),
    /** {@code StringEqualsIgnoreCase}. */
    STRING_EQUALS_IGNORE_CASE(
        "StringEqualsIgnoreCase", Family.STRING, Comparison.EQUALS_IGNORE_CASE, false),
    /** {@code StringNotEqualsIgnoreCase}. */
    STRING_NOT_EQUALS_IGNORE_CASE(
        "StringNotEqualsIgnoreCase", Family.STRING, Comparison.EQUALS_IGNORE_CASE, true),
    /** {@code StringLike}. */
    STRING_LIKE("StringLike", Family.STRING, Comparison.LIKE, false),
    /** {@code StringNotLike}. */
    STRING_NOT_LIKE("StringNotLike", Family.STRING, Comparison.LIKE, true),
    /** {@code NumericEquals}. */
    NUMERIC_EQUALS("NumericEquals", Family.NUMERIC, Comparison.EQUALS, false),
    /** {@code NumericNotEquals}. */
    NUMERIC_NOT_EQUALS("NumericNotEquals", Family.NUMERIC, Comparison.EQUALS, true),
    /** {@code NumericLessThan}. */
    NUMERIC_LESS_THAN("NumericLessThan", Family.NUMERIC, Comparison.LESS_THAN, false),
    /** {@code NumericLessThanEquals}. */
    NUMERIC_LESS_THAN_EQUALS(
        "NumericLessThanEquals", Family.NUMERIC, Comparison.LESS_THAN_EQUALS, false),
    /** {@code NumericGreaterThan}. */
    NUMERIC_GREATER_THAN("NumericGreaterThan", Family.NUMERIC, Comparison.GREATER_THAN, false),
    /** {@code NumericGreaterThanEquals}. */
    NUMERIC_GREATER_THAN_EQUALS(
        "NumericGreaterThanEquals", Family.NUMERIC, Comparison.GREATER_THAN_EQUALS, false),
    /** {@code DateEquals}. */
    DATE_EQUALS("DateEquals", Family.DATE, Comparison.EQUALS, false),
    /** {@code DateNotEquals}. */
    DATE_NOT_EQUALS("DateNotEquals", Family.DATE, Comparison.EQUALS, true),
    /** {@code DateLessThan}. */
    DATE_LESS_THAN("DateLessThan", Family.DATE, Comparison.LESS_THAN, false),
    /** {@code DateLessThanEquals}. */
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", Family.DATE, Comparison.LESS_THAN_EQUALS, false),
    /** {@code DateGreaterThan}. */
    DATE_GREATER_THAN("DateGreaterThan", Family.DATE, Comparison.GREATER_THAN, false),
    /** {@code DateGreaterThanEquals}. */
    DATE_GREATER_THAN_EQUALS(
        "DateGreaterThanEquals", Family.DATE, Comparison.GREATER_THAN_EQUALS, false),
    /** {@code Bool}. */
    BOOL("Bool", Family.BOOL, Comparison.EQUALS, false),
    /** {@code BinaryEquals}. */
    BINARY_EQUALS("BinaryEquals", Family.BINARY, Comparison.EQUALS, false),
    /** {@code IpAddress}. */
    IP_ADDRESS("IpAddress", Family.IP, Comparison.IN_NETWORK, false),
    /** {@code NotIpAddress}. */
    NOT_IP_ADDRESS("NotIpAddress", Family.IP, Comparison.IN_NETWORK, true),
    /** {@code ArnEquals} (wildcards allowed, as for {@code ArnLike}). */
    ARN_EQUALS("ArnEquals", Family.ARN, Comparison.LIKE, false),
    /** {@code ArnLike}. */
    ARN_LIKE("ArnLike", Family.ARN, Comparison.LIKE, false),
    /** {@code ArnNotEquals}. */
    ARN_NOT_EQUALS("ArnNotEquals", Family.ARN, Comparison.LIKE, true),
    /** {@code ArnNotLike}. */
    ARN_NOT_LIKE("ArnNotLike", Family.ARN, Comparison.LIKE, true),
    /** {@code Null}. */
    NULL("Null", Family.NULL, Comparison.ABSENT, false);

    private final String text;
    private final Family family;
    private final Comparison comparison;
    private final boolean negated;

    Base(String text, Family family, Comparison comparison, boolean negated) {
      this.text = text;
      this.family = family;
      this.comparison = comparison;
      this.negated = negated;
    }

    /** The operator name as written in policies. */
    public String text() {
      return text;
    }

    /** The family. */
    public Family family() {
      return family;
    }

    /** How one request value is compared with one policy value (before negation). */
    public Comparison comparison() {
      return comparison;
    }

    /** Whether this is a negated operator ({@code StringNotEquals}, {@code NotIpAddress}…). */
    public boolean negated() {
      return negated;
    }

    static @Nullable Base byText(String s) {
      for (Base b : values()) {
        if (b.text.equals(s)) {
          return b;
        }
      }
      return null;
    }
  }

  /** The set qualifier of an operator. */
  public enum SetQualifier {
    /** No qualifier. */
    NONE(""),
    /** {@code ForAnyValue:}. */
    FOR_ANY_VALUE("ForAnyValue:"),
    /** {@code ForAllValues:}. */
    FOR_ALL_VALUES("ForAllValues:");

    private final String prefix;

    SetQualifier(String prefix) {
      this.prefix = prefix;
    }

    /** The prefix as written ({@code ""} for none). */
    public String prefix() {
      return prefix;
    }
  }

  private final Base base;
  private final SetQualifier qualifier;
  private final boolean ifExists;

  private ConditionOperator(Base base, SetQualifier qualifier, boolean ifExists) {
    this.base = base;
    this.qualifier = qualifier;
    this.ifExists = ifExists;
  }

  /**
   * An operator from its parts.
   *
   * @param base the base operator
   * @param qualifier the set qualifier
   * @param ifExists whether {@code IfExists} is appended
   * @return the operator
   * @throws IllegalArgumentException for {@code NullIfExists} or a qualified {@code Null}
   */
  public static ConditionOperator of(Base base, SetQualifier qualifier, boolean ifExists) {
    if (base == Base.NULL && (ifExists || qualifier != SetQualifier.NONE)) {
      throw new IllegalArgumentException("Null takes neither IfExists nor a set qualifier");
    }
    return new ConditionOperator(
        Objects.requireNonNull(base), Objects.requireNonNull(qualifier), ifExists);
  }

  /**
   * Parses an operator name, case-sensitively.
   *
   * @param text such as {@code StringEquals}, {@code ForAnyValue:StringLikeIfExists}
   * @return the operator, or {@code null} if {@code text} is not one
   */
  public static @Nullable ConditionOperator tryParse(String text) {
    SetQualifier q = SetQualifier.NONE;
    String rest = text;
    if (rest.startsWith(SetQualifier.FOR_ANY_VALUE.prefix)) {
      q = SetQualifier.FOR_ANY_VALUE;
      rest = rest.substring(q.prefix.length());
    } else if (rest.startsWith(SetQualifier.FOR_ALL_VALUES.prefix)) {
      q = SetQualifier.FOR_ALL_VALUES;
      rest = rest.substring(q.prefix.length());
    }
    boolean ifExists = false;
    Base b = Base.byText(rest);
    if (b == null && rest.endsWith("IfExists")) {
      ifExists = true;
      b = Base.byText(rest.substring(0, rest.length() - "IfExists".length()));
    }
    if (b == null || (b == Base.NULL && (ifExists || q != SetQualifier.NONE))) {
      return null;
    }
    return new ConditionOperator(b, q, ifExists);
  }

  /** The base operator. */
  public Base base() {
    return base;
  }

  /** The set qualifier. */
  public SetQualifier qualifier() {
    return qualifier;
  }

  /** Whether {@code IfExists} is appended. */
  public boolean ifExists() {
    return ifExists;
  }

  /** The operator as written, such as {@code ForAnyValue:StringLikeIfExists}. */
  @Override
  public String toString() {
    return qualifier.prefix + base.text + (ifExists ? "IfExists" : "");
  }

  /** Equal when base, qualifier and {@code IfExists} are equal. */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ConditionOperator
        && ((ConditionOperator) o).base == base
        && ((ConditionOperator) o).qualifier == qualifier
        && ((ConditionOperator) o).ifExists == ifExists;
  }

  /** A hash of the parts. */
  @Override
  public int hashCode() {
    return Objects.hash(base, qualifier, ifExists);
  }

  /** The lower-case name, for messages. */
  String lower() {
    return toString().toLowerCase(Locale.ROOT);
  }
}
