package io.cloudir.iam.policy;

import io.cloudir.iam.catalog.ActionCatalog;
import io.cloudir.model.json.JsonValue;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A parsed, validated IAM policy document (identity, resource-based, permissions boundary, session,
 * SCP, RCP or VPC endpoint policy — the grammar is the same).
 *
 * <p>Parsing is strict: the document must be one JSON object; duplicate member names, unknown
 * elements, wrong JSON types, unknown condition operators, malformed policy variables, ARNs,
 * numbers, dates, CIDR blocks and base64 values are {@link PolicyParseException}s naming the JSON
 * path. Actions that the action catalog does not know are accepted (AWS adds actions all the time)
 * but reported in {@link #warnings()}.
 *
 * <p>Immutable and thread-safe. Evaluators ({@code io.cloudir.iam.eval.Evaluator}) compile
 * policies once into matchers.
 */
public final class Policy {
  /** The largest document accepted, in bytes (AWS's own limits are far lower). */
  public static final int MAX_BYTES = 1 << 20;

  private final PolicyVersion version;
  private final boolean versionGiven;
  private final @Nullable String id;
  private final List<Statement> statements;
  private final List<PolicyWarning> warnings;
  private final String json;

  Policy(
      PolicyVersion version,
      boolean versionGiven,
      @Nullable String id,
      List<Statement> statements,
      List<PolicyWarning> warnings,
      String json) {
    this.version = version;
    this.versionGiven = versionGiven;
    this.id = id;
    this.statements = List.copyOf(statements);
    this.warnings = List.copyOf(warnings);
    this.json = json;
  }

  /**
   * Parses a policy document, checking actions against the {@linkplain ActionCatalog#bundled()
   * bundled catalog}.
   *
   * @param json the document
   * @return the policy
   * @throws PolicyParseException if the document is not a valid policy
   * @throws io.cloudir.model.LimitExceededException if it is larger than {@link #MAX_BYTES}
   */
  public static Policy parse(String json) {
    return parse(json, ActionCatalog.bundled());
  }

  /**
   * Parses a policy document.
   *
   * @param json the document
   * @param catalog the catalog to check actions against, or {@code null} for no check
   * @return the policy
   * @throws PolicyParseException if the document is not a valid policy
   * @throws io.cloudir.model.LimitExceededException if it is larger than {@link #MAX_BYTES}
   */
  public static Policy parse(String json, @Nullable ActionCatalog catalog) {
    Objects.requireNonNull(json, "json");
    return PolicyReader.read(json, catalog);
  }

  /**
   * Parses a policy held in a JSON value (such as one element of a larger document).
   *
   * @param value the policy object
   * @param catalog the catalog to check actions against, or {@code null} for no check
   * @return the policy
   * @throws PolicyParseException if the value is not a valid policy
   */
  public static Policy parse(JsonValue value, @Nullable ActionCatalog catalog) {
    return PolicyReader.read(value, catalog);
  }

  /** The language version ({@link PolicyVersion#V2008_10_17} when {@code Version} is absent). */
  public PolicyVersion version() {
    return version;
  }

  /** Whether the document has a {@code Version} element. */
  public boolean versionGiven() {
    return versionGiven;
  }

  /** The {@code Id}, or {@code null}. */
  public @Nullable String id() {
    return id;
  }

  /** The statements in document order. */
  public List<Statement> statements() {
    return statements;
  }

  /** Warnings (unknown actions…), in document order. */
  public List<PolicyWarning> warnings() {
    return warnings;
  }

  /** The document as given. */
  public String json() {
    return json;
  }

  /** The document as given. */
  @Override
  public String toString() {
    return json;
  }
}
