package io.cloudir.cli.internal;

import io.cloudir.iam.catalog.ActionCatalog;
import io.cloudir.iam.catalog.ResourceTypeInfo;
import io.cloudir.model.arn.Arn;
import io.cloudir.model.internal.json.JsonStrings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The eight parts {@code cloudir arn parse} prints for an ARN, and the rule that splits the
 * resource into type, id and qualifier.
 *
 * <h2>The split</h2>
 *
 * <p>When the action catalog knows a resource type for the ARN ({@link
 * ActionCatalog#resourceTypeOf(String)}), {@code resourceType} is that type's name as the catalog
 * spells it ({@code object}, {@code role}, {@code function alias}) and the resource is read
 * against the resource part of the type's ARN template (the text after the template's fifth
 * colon, such as <code>${BucketName}/${ObjectName}</code>):
 *
 * <ol>
 *   <li>each template variable takes a non-empty run of characters; it may contain {@code /}; it
 *       may contain {@code :} only if it ends the template (the catalog's matching rule); among the
 *       ways to match, each variable in turn takes the <em>shortest</em> value that still lets the
 *       rest match (so in {@code b/k/x} the bucket is {@code b} and the object {@code k/x});
 *   <li>{@code resourceId} is the value of the first variable of the resource part; if that
 *       variable ends the template and its value contains {@code :}, only the text before the
 *       first {@code :} is the id ({@code log-group:g:*} gives id {@code g});
 *   <li>{@code qualifier} is the rest of the resource after the id and the one separator
 *       character that follows it ({@code /} or {@code :}), or {@code null} when nothing follows
 *       the id. So an S3 object gives bucket then key ({@code b}, {@code k/x}), a Lambda alias
 *       function then alias, an STS session role then session name, a DynamoDB stream table then
 *       {@code stream/label}, a log stream group then {@code log-stream:name}; IAM templates name
 *       their variable {@code RoleNameWithPath}, so an IAM role's id keeps its path ({@code
 *       service-role/x});
 *   <li>a template whose resource part has no variable (the account root, {@code iam::…:root})
 *       gives {@code resourceId} and {@code qualifier} {@code null}.
 * </ol>
 *
 * <p>When the catalog has no type for the ARN (an unknown service, or a resource no template
 * matches), the parts are the model's ({@link Arn#resourceType()}, {@link Arn#resourceId()},
 * {@link Arn#qualifier()}): the first {@code /} or {@code :} splits type from id for services
 * without a layout of their own.
 *
 * <p>Empty strings (an empty region or account, an empty id) are printed as {@code null}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param partition the partition
 * @param service the service namespace
 * @param region the Region, or null when empty
 * @param account the account, or null when empty
 * @param resource the resource (never empty)
 * @param resourceType the resource type, or null
 * @param resourceId the resource id, or null
 * @param qualifier the qualifier, or null
 */
record ArnParts(
    String partition,
    String service,
    @Nullable String region,
    @Nullable String account,
    String resource,
    @Nullable String resourceType,
    @Nullable String resourceId,
    @Nullable String qualifier) {

  /** The parts of an ARN, its type looked up in the catalog (loaded on first use). */
  static ArnParts of(Arn arn, Supplier<ActionCatalog> catalog) {
    String resource = arn.resource();
    Optional<ResourceTypeInfo> type = catalog.get().resourceTypeOf(arn.toString());
    if (type.isPresent()) {
      String[] idQualifier = split(resourcePart(type.get().arnTemplate()), resource);
      if (idQualifier != null) {
        return new ArnParts(
            arn.partition(), arn.service(), emptyToNull(arn.region()), emptyToNull(arn.account()),
            resource, type.get().name(), idQualifier[0], idQualifier[1]);
      }
    }
    return new ArnParts(
        arn.partition(), arn.service(), emptyToNull(arn.region()), emptyToNull(arn.account()),
        resource, arn.resourceType(), emptyToNull(arn.resourceId()), arn.qualifier());
  }

  /** The JSON object, keys in the contract's order, on one line (no line end). */
  String toJson() {
    StringBuilder sb = new StringBuilder(160 + 2 * resource.length()).append('{');
    field(sb, "partition", partition).append(',');
    field(sb, "service", service).append(',');
    field(sb, "region", region).append(',');
    field(sb, "account", account).append(',');
    field(sb, "resource", resource).append(',');
    field(sb, "resourceType", resourceType).append(',');
    field(sb, "resourceId", resourceId).append(',');
    field(sb, "qualifier", qualifier);
    return sb.append('}').toString();
  }

  private static StringBuilder field(StringBuilder sb, String key, @Nullable String value) {
    sb.append('"').append(key).append("\":");
    return value == null ? sb.append("null") : JsonStrings.quote(sb, value);
  }

  private static @Nullable String emptyToNull(@Nullable String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  /** The template text after its fifth colon, or null when it has fewer. */
  static @Nullable String resourcePart(String template) {
    int at = -1;
    for (int k = 0; k < 5; k++) {
      at = template.indexOf(':', at + 1);
      if (at < 0) {
        return null;
      }
    }
    return template.substring(at + 1);
  }

  /**
   * Splits {@code resource} by the template's resource part (rules in the class comment).
   *
   * @return {id, qualifier} (either may be null), or null when the resource does not match
   */
  static @Nullable String @Nullable [] split(@Nullable String templateResource, String resource) {
    if (templateResource == null) {
      return null;
    }
    Template t = Template.compile(templateResource);
    if (t == null) {
      return null;
    }
    int[] starts = t.capture(resource);
    if (starts == null) {
      return null;
    }
    if (t.variables() == 0) {
      return new String[] {null, null};
    }
    int idStart = starts[0];
    int idEnd = starts[1];
    if (t.variables() == 1 && t.endsWithVariable()) {
      int colon = resource.indexOf(':', idStart);
      if (colon >= 0 && colon < idEnd) {
        idEnd = colon;
      }
    }
    String id = resource.substring(idStart, idEnd);
    // nothing after the id, or only a separator: no qualifier
    String qualifier = idEnd + 1 < resource.length() ? resource.substring(idEnd + 1) : null;
    return new String[] {id, qualifier};
  }

  /**
   * The resource part of a template: literals around variables. Variables are non-empty; only the
   * one ending the template may contain {@code :}.
   */
  static final class Template {
    /** literals[i] comes before variable i; the last one ends the template. */
    private final String[] literals;

    private Template(String[] literals) {
      this.literals = literals;
    }

    static @Nullable Template compile(String text) {
      List<String> lits = new ArrayList<>();
      StringBuilder lit = new StringBuilder();
      int i = 0;
      while (i < text.length()) {
        if (text.startsWith("${", i)) {
          int end = text.indexOf('}', i + 2);
          if (end < 0) {
            return null;
          }
          lits.add(lit.toString());
          lit.setLength(0);
          i = end + 1;
        } else {
          lit.append(text.charAt(i++));
        }
      }
      lits.add(lit.toString());
      return new Template(lits.toArray(new String[0]));
    }

    int variables() {
      return literals.length - 1;
    }

    boolean endsWithVariable() {
      return variables() > 0 && literals[literals.length - 1].isEmpty();
    }

    private boolean colonAllowed(int v) {
      return v == variables() - 1 && endsWithVariable();
    }

    /**
     * Matches the whole string, each variable as short as the rest allows.
     *
     * @return for each variable v, its start at [2v] and end at [2v+1] (a one-element array {0}
     *     when there is no variable), or null when the string does not match
     */
    int @Nullable [] capture(String s) {
      int n = s.length();
      int vars = variables();
      if (vars == 0) {
        return s.equals(literals[0]) ? new int[] {0} : null;
      }
      // tail[v][p]: variable v, and everything after it, can match s[p, n)
      boolean[][] tail = new boolean[vars + 1][];
      tail[vars] = new boolean[n + 1];
      tail[vars][n] = true; // after the last literal: only the end of the string
      for (int v = vars - 1; v >= 0; v--) {
        boolean[] row = new boolean[n + 1];
        String after = literals[v + 1];
        // row[p]: some q > p ends variable v (no forbidden ':' in [p, q)), the literal after v
        // is at q, and the tail matches from the literal's end
        for (int p = n - 1; p >= 0; p--) {
          for (int q = p + 1; q <= n; q++) {
            if (!colonAllowed(v) && s.charAt(q - 1) == ':') {
              break;
            }
            if (q + after.length() <= n && s.startsWith(after, q) && tail[v + 1][q + after.length()]) {
              row[p] = true;
              break;
            }
          }
        }
        tail[v] = row;
      }
      if (!s.startsWith(literals[0]) || !tail[0][literals[0].length()]) {
        return null;
      }
      int[] out = new int[2 * vars];
      int p = literals[0].length();
      for (int v = 0; v < vars; v++) {
        String after = literals[v + 1];
        int end = -1;
        for (int q = p + 1; q <= n; q++) {
          if (!colonAllowed(v) && s.charAt(q - 1) == ':') {
            break;
          }
          if (q + after.length() <= n && s.startsWith(after, q) && tail[v + 1][q + after.length()]) {
            end = q;
            break;
          }
        }
        if (end < 0) {
          return null; // cannot happen: tail[v][p] was true
        }
        out[2 * v] = p;
        out[2 * v + 1] = end;
        p = end + after.length();
      }
      return out;
    }
  }
}
