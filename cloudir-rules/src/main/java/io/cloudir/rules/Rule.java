package io.cloudir.rules;

import io.cloudir.model.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A detection rule: metadata (id, templated title, description, severity, MITRE ATT&amp;CK
 * techniques, author, licence, references), the records it reads ({@link LogSource}), its
 * detection (named {@link Selection}s and a {@link Condition}) and its embedded {@link RuleTest}s.
 *
 * <p>Built with {@link #builder(String)}:
 *
 * <pre>{@code
 * Rule r = Rule.builder("cloudtrail-stopped")
 *     .title("CloudTrail {requestParameters.name} stopped by {actor.arn}")
 *     .severity(Severity.HIGH).mitre("T1562.008")
 *     .logSource(LogSource.cloudTrail().eventSource("cloudtrail.amazonaws.com"))
 *     .when(Field.of("eventName").equalsAny("StopLogging", "DeleteTrail"))
 *     .build();
 * }</pre>
 *
 * or loaded from YAML by {@link RuleLoader}; both give the same model. The title may hold {@code
 * {field.path}} placeholders, rendered from the event that made the finding (an absent field
 * renders as {@code -}). Field paths are checked when the rule is compiled into an {@link Engine}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Rule {
  /** The rule schema version this library writes and reads. */
  public static final int SCHEMA_VERSION = 1;

  private final String id;
  private final String title;
  private final String description;
  private final Severity severity;
  private final List<String> mitre;
  private final @Nullable String author;
  private final @Nullable String license;
  private final List<String> references;
  private final LogSource logSource;
  private final Map<String, Selection> selections;
  private final Condition condition;
  private final List<RuleTest> tests;
  private final int schemaVersion;
  private final @Nullable Location location;
  private final @Nullable Correlation correlation;
  private final @Nullable Suppression suppression;

  private Rule(Builder b) {
    this.id = b.id;
    this.title = b.title == null ? b.id : b.title;
    this.description = b.description;
    this.severity = b.severity;
    this.mitre = List.copyOf(b.mitre);
    this.author = b.author;
    this.license = b.license;
    this.references = List.copyOf(b.references);
    this.logSource = Objects.requireNonNull(b.logSource, "logSource");
    if (b.selections.isEmpty()) {
      throw new IllegalArgumentException("rule " + b.id + " has no selection");
    }
    this.selections = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.selections));
    Condition c = b.condition;
    if (c == null) {
      c = new Condition.Of(true, "them");
    }
    this.condition = c;
    this.tests = List.copyOf(b.tests);
    this.schemaVersion = b.schemaVersion;
    this.location = b.location;
    this.correlation = b.correlation;
    this.suppression = b.suppression;
    if (correlation != null && correlation.kind() == Correlation.Kind.SEQUENCE) {
      for (Correlation.Step st : correlation.steps()) {
        if (!selections.containsKey(st.selection())) {
          throw new IllegalArgumentException("sequence step names an unknown selection '"
              + st.selection() + "'");
        }
      }
    }
  }

  /** A builder for a rule with this id (letters, digits, {@code - _ .}). */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** A builder holding everything of this rule. */
  public Builder toBuilder() {
    Builder b = new Builder(id);
    b.title = title;
    b.description = description;
    b.severity = severity;
    b.mitre.addAll(mitre);
    b.author = author;
    b.license = license;
    b.references.addAll(references);
    b.logSource = logSource;
    b.selections.putAll(selections);
    b.condition = condition;
    b.tests.addAll(tests);
    b.schemaVersion = schemaVersion;
    b.location = location;
    b.correlation = correlation;
    b.suppression = suppression;
    return b;
  }

  /** The unique id. */
  public String id() {
    return id;
  }

  /** The title template (defaults to the id). */
  public String title() {
    return title;
  }

  /** A longer description (may be empty). */
  public String description() {
    return description;
  }

  /** The severity of the findings. */
  public Severity severity() {
    return severity;
  }

  /** MITRE ATT&amp;CK technique ids ({@code T1562.008}). */
  public List<String> mitre() {
    return mitre;
  }

  /** The author, or {@code null}. */
  public @Nullable String author() {
    return author;
  }

  /** The licence of the rule text (an SPDX id such as {@code DRL-1.1}), or {@code null}. */
  public @Nullable String license() {
    return license;
  }

  /** References and links (the first is the rule's link in findings). */
  public List<String> references() {
    return references;
  }

  /** The records the rule reads. */
  public LogSource logSource() {
    return logSource;
  }

  /** The selections by name, in written order. */
  public Map<String, Selection> selections() {
    return selections;
  }

  /** The condition (default {@code all of them}). */
  public Condition condition() {
    return condition;
  }

  /** The embedded tests. */
  public List<RuleTest> tests() {
    return tests;
  }

  /** The rule schema version the rule was written for. */
  public int schemaVersion() {
    return schemaVersion;
  }

  /** Where the rule was read (file and line of its first key), or {@code null}. */
  public @Nullable Location location() {
    return location;
  }

  /**
   * How the rule correlates the records its detection selects, or {@code null} for a rule that
   * fires on single records. For thresholds and new terms the condition selects the records; for
   * sequences each step names its selection and the condition is not used.
   */
  public @Nullable Correlation correlation() {
    return correlation;
  }

  /** The dedup / suppression window of the rule's findings, or {@code null}. */
  public @Nullable Suppression suppression() {
    return suppression;
  }

  /** {@code id (severity)}. */
  @Override
  public String toString() {
    return id + " (" + severity.text() + ")";
  }

  /**
   * Builds a {@link Rule}. Not thread-safe; {@link #build()} may be called more than once.
   */
  public static final class Builder {
    private final String id;
    private @Nullable String title;
    private String description = "";
    private Severity severity = Severity.MEDIUM;
    private final List<String> mitre = new ArrayList<>();
    private @Nullable String author;
    private @Nullable String license;
    private final List<String> references = new ArrayList<>();
    private @Nullable LogSource logSource;
    private final Map<String, Selection> selections = new LinkedHashMap<>();
    private @Nullable Condition condition;
    private final List<RuleTest> tests = new ArrayList<>();
    private int schemaVersion = SCHEMA_VERSION;
    private @Nullable Location location;
    private @Nullable Correlation correlation;
    private @Nullable Suppression suppression;
    private int anonymous;

    private Builder(String id) {
      if (!id.matches("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,199}")) {
        throw new IllegalArgumentException("invalid rule id '" + id
            + "' (letters, digits, '-', '_', '.'; at most 200 characters)");
      }
      this.id = id;
    }

    /** The title template with {@code {field.path}} placeholders. */
    public Builder title(String t) {
      this.title = Objects.requireNonNull(t);
      return this;
    }

    /** The description. */
    public Builder description(String d) {
      this.description = Objects.requireNonNull(d);
      return this;
    }

    /** The severity (default medium). */
    public Builder severity(Severity s) {
      this.severity = Objects.requireNonNull(s);
      return this;
    }

    /** Adds MITRE ATT&amp;CK technique ids ({@code T1078} or {@code T1562.008}). */
    public Builder mitre(String... techniques) {
      for (String t : techniques) {
        if (!t.matches("T\\d{4}(\\.\\d{3})?")) {
          throw new IllegalArgumentException("invalid ATT&CK technique id '" + t + "'");
        }
        mitre.add(t);
      }
      return this;
    }

    /** The author. */
    public Builder author(@Nullable String a) {
      this.author = a;
      return this;
    }

    /** The licence of the rule (SPDX id). */
    public Builder license(@Nullable String l) {
      this.license = l;
      return this;
    }

    /** Adds references / links. */
    public Builder references(String... refs) {
      references.addAll(List.of(refs));
      return this;
    }

    /** The records the rule reads. */
    public Builder logSource(LogSource s) {
      this.logSource = Objects.requireNonNull(s);
      return this;
    }

    /** Adds a selection; a later selection of the same name is an error. */
    public Builder select(Selection s) {
      if (selections.putIfAbsent(s.name(), s) != null) {
        throw new IllegalArgumentException("duplicate selection '" + s.name() + "'");
      }
      return this;
    }

    /** Adds a selection whose tests must all hold. */
    public Builder select(String name, FieldTest... tests) {
      return select(Selection.of(name, tests));
    }

    /**
     * Adds an anonymous selection ({@code when1}, {@code when2}…) whose tests must all hold. With
     * the default condition ({@code all of them}) the rule fires when every selection holds.
     */
    public Builder when(FieldTest... tests) {
      String n;
      do {
        n = "when" + (++anonymous);
      } while (selections.containsKey(n));
      return select(Selection.of(n, tests));
    }

    /** The condition (default {@code all of them}). */
    public Builder condition(Condition c) {
      this.condition = Objects.requireNonNull(c);
      return this;
    }

    /** The condition as text, parsed by {@link Condition#parse}. */
    public Builder condition(String text) {
      return condition(Condition.parse(text));
    }

    /** Adds embedded tests. */
    public Builder tests(RuleTest... t) {
      tests.addAll(List.of(t));
      return this;
    }

    /** The rule schema version (default {@link Rule#SCHEMA_VERSION}). */
    public Builder schemaVersion(int v) {
      if (v < 1 || v > SCHEMA_VERSION) {
        throw new IllegalArgumentException("unsupported rule schema version " + v
            + " (this library reads 1.." + SCHEMA_VERSION + ")");
      }
      this.schemaVersion = v;
      return this;
    }

    /** Correlates the selected records (see {@link Correlation}). */
    public Builder correlation(@Nullable Correlation c) {
      this.correlation = c;
      return this;
    }

    /** Suppresses repeated findings (see {@link Suppression}). */
    public Builder suppress(@Nullable Suppression s) {
      this.suppression = s;
      return this;
    }

    /** Where the rule was read. */
    public Builder location(@Nullable Location l) {
      this.location = l;
      return this;
    }

    /**
     * The rule.
     *
     * @throws IllegalArgumentException if no log source or no selection was given
     */
    public Rule build() {
      if (logSource == null) {
        throw new IllegalArgumentException("rule " + id + " has no log source");
      }
      return new Rule(this);
    }
  }
}
