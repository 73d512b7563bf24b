package io.cloudir.rules.sigma;

import io.cloudir.rules.Rule;
import io.cloudir.rules.RuleException;
import io.cloudir.rules.internal.RuleYaml;
import io.cloudir.rules.sigma.internal.SigmaReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Imports Sigma rules for AWS CloudTrail ({@code logsource: {product: aws, service: cloudtrail}})
 * into the cloudir rule model, ready for {@link io.cloudir.rules.Engine#compile}.
 *
 * <p>What is carried over: {@code title} (braces escaped, it is not a template), {@code id} (the
 * rule id; the file name when the rule has none), {@code description}, {@code author}, {@code
 * level} ({@code informational} becomes {@code info}), {@code tags} ({@code attack.tNNNN[.NNN]}
 * become MITRE technique ids), {@code references}, {@code license} (or {@link
 * Builder#defaultLicense}), and a link to the original rule, which becomes the first reference
 * and so the {@code link} of every finding ({@link Builder#linkBase} + the rule file's relative
 * path; without a base, a code search for the rule id in SigmaHQ's repository). {@code status},
 * {@code date}, {@code modified}, {@code falsepositives}, {@code fields}, {@code related} and
 * custom attributes are accepted and ignored.
 *
 * <p>Detection: selections as maps (AND) and lists of maps (OR); field names through {@link
 * Builder#field} (default: the CloudTrail JSON names, which are cloudir's field paths; Sigma's
 * generic {@code status: success|failure}, which CloudTrail does not have, becomes {@code
 * errorCode|exists: false|true}); modifiers
 * {@code contains startswith endswith all re (i m s) cidr exists gt gte lt lte cased fieldref},
 * value transformations {@code base64 base64offset utf16le utf16be utf16 wide windash}, and
 * {@code expand} with placeholders from {@link Builder#placeholder} (an unresolved placeholder is
 * an error). A {@code contains} test on a whole free-form object ({@code requestParameters},
 * {@code responseElements}, …) compares with the object's JSON text, so a value holding quotes
 * also matches when it sits JSON-escaped inside a string of the object (a policy document).
 * Conditions: {@code and or not}, parentheses, {@code 1 of}/{@code all of} patterns and {@code
 * them}; a list of conditions is their disjunction.
 *
 * <p>Not supported, each an error naming the file, line and feature: keyword (full-text)
 * selections, aggregations ({@code | count() ...}) and {@code timeframe}, Sigma correlation
 * rules, other products and services, unknown modifiers, and {@code null} inside a value list.
 *
 * <p>Immutable and thread-safe.
 */
public final class SigmaImporter {
  private final @Nullable String linkBase;
  private final @Nullable String defaultLicense;
  private final Map<String, List<String>> placeholders;
  private final Map<String, String> fields;

  private SigmaImporter(Builder b) {
    this.linkBase = b.linkBase;
    this.defaultLicense = b.defaultLicense;
    this.placeholders = Map.copyOf(b.placeholders);
    this.fields = Map.copyOf(b.fields);
  }

  /** An importer with the defaults (no link base, no default licence, no placeholders). */
  public static SigmaImporter create() {
    return builder().build();
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Whether a YAML text looks like Sigma rather than the cloudir rule format: its first
   * document has a {@code logsource} with {@code product} or {@code service} and no {@code
   * type}, and no cloudir-only key ({@code schemaVersion}, {@code severity}, {@code mitre}, {@code
   * tests}, {@code correlation}, {@code suppress}). Text that is not YAML is not Sigma.
   */
  public static boolean isSigma(String yaml) {
    return SigmaReader.looksLikeSigma(yaml);
  }

  /**
   * Imports the rules of a YAML text (one rule per document).
   *
   * @param path the rule file's path relative to the rule collection (used for locations and
   *     for the link: {@code linkBase + path})
   * @param yaml the text
   * @throws RuleException naming the file, line and feature of the first problem
   */
  public List<Rule> parse(String path, String yaml) {
    return new SigmaReader(path, linkBase == null ? null : linkBase + path, defaultLicense,
        placeholders, fields).read(yaml);
  }

  /**
   * Imports a Sigma file, or every {@code .yml}/{@code .yaml} file under a directory (sorted
   * path order; links use the path relative to the directory). Rule ids must be unique.
   *
   * @throws RuleException for the first problem (file and line) or a duplicate id
   * @throws UncheckedIOException when a file cannot be read
   */
  public List<Rule> load(Path path) {
    Path root = Files.isDirectory(path) ? path : path.getParent();
    return RuleYaml.loadFiles(path, RuleYaml.MAX_CHARS, (f, text) -> {
      String rel = (root == null ? f.getFileName() : root.relativize(f)).toString()
          .replace('\\', '/');
      return new SigmaReader(f.toString(), linkBase == null ? null : linkBase + rel,
          defaultLicense, placeholders, fields).read(text);
    });
  }

  /** Builds a {@link SigmaImporter}. Not thread-safe. */
  public static final class Builder {
    private @Nullable String linkBase;
    private @Nullable String defaultLicense;
    private final Map<String, List<String>> placeholders = new LinkedHashMap<>();
    private final Map<String, String> fields = new LinkedHashMap<>();

    private Builder() {}

    /**
     * The link of a rule is {@code base + relative path of its file}, for example {@code
     * https://github.com/SigmaHQ/sigma/blob/<commit>/rules/cloud/aws/cloudtrail/}.
     */
    public Builder linkBase(@Nullable String base) {
      this.linkBase = base;
      return this;
    }

    /** The licence of rules that do not name one (SigmaHQ's rules are {@code DRL-1.1}). */
    public Builder defaultLicense(@Nullable String spdx) {
      this.defaultLicense = spdx;
      return this;
    }

    /** Values of an {@code expand} placeholder ({@code %name%} in a rule). */
    public Builder placeholder(String name, List<String> values) {
      if (values.isEmpty()) {
        throw new IllegalArgumentException("placeholder " + name + " has no value");
      }
      placeholders.put(Objects.requireNonNull(name), List.copyOf(values));
      return this;
    }

    /** Maps a Sigma field name to a cloudir field path (default: the same name). */
    public Builder field(String sigmaName, String cloudirPath) {
      fields.put(Objects.requireNonNull(sigmaName), Objects.requireNonNull(cloudirPath));
      return this;
    }

    /** The importer. */
    public SigmaImporter build() {
      return new SigmaImporter(this);
    }
  }
}
