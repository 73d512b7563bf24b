package io.cloudir.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The typed fluent way to write a {@link FieldTest}: {@code Field.of("eventName").equalsAny(
 * "StopLogging", "DeleteTrail")}. Transforming and flag methods ({@link #cased()}, {@link #all()},
 * {@link #json(String)}, {@link #prefixLength()}) return a new {@code Field}; comparison methods
 * return the finished {@link FieldTest}. Every method corresponds to a YAML modifier (named in
 * its comment), so a rule written either way compiles to the same model.
 *
 * <p>Immutable and thread-safe.
 */
public final class Field {
  private final String path;
  private final List<String> modifiers;

  private Field(String path, List<String> modifiers) {
    this.path = Objects.requireNonNull(path);
    this.modifiers = List.copyOf(modifiers);
  }

  /** A field path such as {@code userIdentity.arn} or {@code actor.arn}. */
  public static Field of(String path) {
    return new Field(path, List.of());
  }

  private Field with(String modifier) {
    List<String> m = new ArrayList<>(modifiers);
    m.add(modifier);
    return new Field(path, m);
  }

  private FieldTest test(String op, Object... values) {
    List<String> m = new ArrayList<>(modifiers);
    m.add(op);
    return FieldTest.of(path, m, List.of(values));
  }

  /** Compare case-sensitively ({@code cased}). */
  public Field cased() {
    return with("cased");
  }

  /** Require every value to match instead of any ({@code all}). */
  public Field all() {
    return with("all");
  }

  /** Parse the string value as JSON and test the values at {@code innerPath} ({@code json(p)}). */
  public Field json(String innerPath) {
    return with("json(" + innerPath + ")");
  }

  /** Test the prefix length of a CIDR value such as {@code 0.0.0.0/0} ({@code prefixlen}). */
  public Field prefixLength() {
    return with("prefixlen");
  }

  /** Equals any of the values; {@code *} and {@code ?} are wildcards (no modifier). */
  public FieldTest equalsAny(Object... values) {
    return FieldTest.of(path, modifiers, List.of(values));
  }

  /** Contains any of the values ({@code contains}). */
  public FieldTest contains(String... values) {
    return test("contains", (Object[]) values);
  }

  /** Starts with any of the values ({@code startswith}). */
  public FieldTest startsWith(String... values) {
    return test("startswith", (Object[]) values);
  }

  /** Ends with any of the values ({@code endswith}). */
  public FieldTest endsWith(String... values) {
    return test("endswith", (Object[]) values);
  }

  /** Matches any of the RE2 regular expressions, unanchored ({@code re}). */
  public FieldTest matches(String... regexes) {
    return test("re", (Object[]) regexes);
  }

  /** An address or network inside any of the CIDR blocks ({@code cidr}). */
  public FieldTest inCidr(String... blocks) {
    return test("cidr", (Object[]) blocks);
  }

  /** Greater than a number or an ISO-8601 time ({@code gt}). */
  public FieldTest gt(Object value) {
    return test("gt", value);
  }

  /** Greater than or equal ({@code gte}). */
  public FieldTest gte(Object value) {
    return test("gte", value);
  }

  /** Less than ({@code lt}). */
  public FieldTest lt(Object value) {
    return test("lt", value);
  }

  /** Less than or equal ({@code lte}). */
  public FieldTest lte(Object value) {
    return test("lte", value);
  }

  /** The field has a value other than JSON {@code null} and {@code ""} ({@code exists: true}). */
  public FieldTest exists() {
    return test("exists", Boolean.TRUE);
  }

  /** The field is absent, JSON {@code null} or {@code ""} ({@code exists: false}). */
  public FieldTest absent() {
    return test("exists", Boolean.FALSE);
  }

  /** Equals the value of any of the other fields of the same record ({@code fieldref}). */
  public FieldTest equalsField(String... otherPaths) {
    return with("fieldref").equalsAny((Object[]) otherPaths);
  }

  /** The value is an IAM policy that grants administrator access ({@code grantsadmin: true}). */
  public FieldTest grantsAdmin() {
    return test("grantsadmin", Boolean.TRUE);
  }

  /** The value is a policy that allows anyone ({@code allowspublic: true}). */
  public FieldTest allowsPublic() {
    return test("allowspublic", Boolean.TRUE);
  }

  /**
   * The value is a policy that allows a principal of an account other than {@code account}
   * ({@code externalprincipal: account}).
   */
  public FieldTest externalPrincipal(String account) {
    return test("externalprincipal", account);
  }

  /**
   * Like {@link #externalPrincipal(String)} with the account taken from another field of the same
   * record, such as {@code recipientAccountId} ({@code externalprincipal|fieldref}).
   */
  public FieldTest externalPrincipalOfField(String accountPath) {
    return with("externalprincipal").with("fieldref").equalsAny(accountPath);
  }

  /** {@code path|modifiers}. */
  @Override
  public String toString() {
    return modifiers.isEmpty() ? path : path + "|" + String.join("|", modifiers);
  }
}
