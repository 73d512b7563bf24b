package io.cloudir.model.arn;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An Amazon Resource Name: {@code arn:partition:service:region:account-id:resource}.
 *
 * <p><b>Syntax</b> (checked by {@link #parse} in one pass over the characters, no regex):
 *
 * <ul>
 *   <li>the prefix is exactly {@code arn:} (lower case);
 *   <li>partition matches {@code aws(-[a-z]+)*}: the known partitions ({@link #KNOWN_PARTITIONS})
 *       and any future one of that shape;
 *   <li>service is one or more of {@code [a-z0-9-]};
 *   <li>region is empty (S3 buckets, IAM, Route 53, CloudFront…) or a Region code: two or more
 *       lower-case letters, then dash-separated parts of lower-case letters and digits, the last
 *       part all digits ({@code us-east-1}, {@code us-gov-west-1}, {@code us-isob-east-1}, {@code
 *       eusc-de-east-1});
 *   <li>account is empty, exactly 12 digits, or the literal {@code aws} (AWS managed policies);
 *   <li>resource is everything after the fifth colon: non-empty, may contain {@code :} and {@code
 *       /}, and contains no ASCII control character.
 * </ul>
 *
 * <p><b>Resource split.</b> The resource is split into {@link #resourceType()}, {@link
 * #resourceId()} and {@link #qualifier()} the way the service lays it out; services not known to
 * the table use the generic rule (the first {@code /} or {@code :} splits type from id, no
 * qualifier; no separator, or a separator in first position, means no type). Known layouts:
 *
 * <ul>
 *   <li>IAM {@code role/service-role/x}: type {@code role}, id {@code x}, {@link #path()} {@code
 *       /service-role/} (also users, groups, policies, instance profiles, server certificates and
 *       MFA devices; {@code role/x} has path {@code /});
 *   <li>STS {@code assumed-role/Role/session}: type {@code assumed-role}, id {@code Role},
 *       qualifier {@code session};
 *   <li>S3 with empty region and account {@code bucket/key/with/slashes}: no type, id = the whole
 *       resource, {@link #bucket()} and {@link #key()}; S3 ARNs with a region or account
 *       ({@code accesspoint/name[/object/key]}) use {@code type/id/qualifier};
 *   <li>Lambda {@code function:name:alias}, CloudWatch Logs {@code log-group:name:*} and {@code
 *       log-group:name:log-stream:x}, Step Functions, ECS {@code task-definition/family:3},
 *       CloudFormation {@code stackset/name:uuid}: {@code type<sep>id:qualifier};
 *   <li>DynamoDB {@code table/t/stream/x}, Kinesis, CloudFormation {@code stack/name/uuid}:
 *       {@code type<sep>id/qualifier};
 *   <li>SQS: the whole resource is the id; SNS {@code topic[:subscription]}: id and qualifier;
 *   <li>API Gateway {@code /restapis/a/stages/b}: type {@code restapis}, id {@code a}, qualifier
 *       {@code stages/b}; execute-api {@code api-id/stage/GET/path}: id and qualifier;
 *   <li>EC2, KMS, Secrets Manager, RDS, ECS and the rest: the generic rule.
 * </ul>
 *
 * <p><b>Values.</b> {@link #toString()} returns exactly the parsed string; {@code equals}, {@code
 * hashCode} and {@code compareTo} compare that string (so comparison is case-sensitive, as IAM
 * compares resources). Parts are computed from stored indices on each call; partition, service,
 * Region and resource type return shared constants for common values instead of new Strings.
 *
 * <p>Immutable and thread-safe.
 */
public final class Arn implements Comparable<Arn> {

  /**
   * The partitions known at the time of writing: {@code aws}, {@code aws-cn}, {@code aws-us-gov},
   * {@code aws-iso}, {@code aws-iso-b}, {@code aws-iso-e}, {@code aws-iso-f}, {@code aws-eusc}.
   * Other partitions of the shape {@code aws(-[a-z]+)*} are accepted too; see {@link
   * #hasKnownPartition()}.
   */
  public static final Set<String> KNOWN_PARTITIONS =
      Set.of(
          "aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f",
          "aws-eusc");

  private final String text;
  // indices of the 2nd to 5th colons (the 1st is at 3)
  private final int c1;
  private final int c2;
  private final int c3;
  private final int c4;
  private final int[] split;

  private Arn(String text, int c1, int c2, int c3, int c4, int[] split) {
    this.text = text;
    this.c1 = c1;
    this.c2 = c2;
    this.c3 = c3;
    this.c4 = c4;
    this.split = split;
  }

  /**
   * Parses an ARN.
   *
   * @param text the ARN
   * @return the ARN, whose {@link #toString()} is {@code text}
   * @throws ArnParseException if {@code text} is not a valid ARN; its {@link
   *     ArnParseException#position()} is the index of the first offending character
   */
  public static Arn parse(String text) {
    Arn arn = parse0(text, true);
    if (arn == null) {
      throw new AssertionError("unreachable: parse0 throws when asked to");
    }
    return arn;
  }

  /**
   * Parses an ARN, or returns empty if {@code text} is not one. Never throws (a {@code null}
   * argument gives empty too) and never builds an exception.
   *
   * @param text the candidate ARN
   * @return the ARN, or empty
   */
  public static Optional<Arn> tryParse(@Nullable String text) {
    return text == null ? Optional.empty() : Optional.ofNullable(parse0(text, false));
  }

  /**
   * Whether {@code text} is a valid ARN (same rules as {@link #parse}).
   *
   * @param text the candidate ARN
   * @return true if {@link #parse} would accept it
   */
  public static boolean isValid(@Nullable String text) {
    if (text == null) {
      return false;
    }
    return FastSyntax.valid(text);
  }

  private static @Nullable Arn parse0(String text, boolean throwing) {
    Objects.requireNonNull(text, "text");
    int n = text.length();
    // Fast path: find the colons with String.indexOf and check each segment with a tight loop.
    // It accepts exactly the language of ArnSyntax (ArnFastPathTest checks the two agree); on
    // rejection the automaton below runs again to say where and why.
    int f1 = text.startsWith("arn:") ? text.indexOf(':', 4) : -1;
    int f2 = f1 < 0 ? -1 : text.indexOf(':', f1 + 1);
    int f3 = f2 < 0 ? -1 : text.indexOf(':', f2 + 1);
    int f4 = f3 < 0 ? -1 : text.indexOf(':', f3 + 1);
    if (f4 >= 0
        && FastSyntax.partition(text, 4, f1)
        && FastSyntax.service(text, f1 + 1, f2)
        && FastSyntax.region(text, f2 + 1, f3)
        && FastSyntax.account(text, f3 + 1, f4)
        && FastSyntax.resource(text, f4 + 1, n)) {
      return build(text, f1, f2, f3, f4, n);
    }
    if (!throwing) {
      return null;
    }
    int state = ArnSyntax.START;
    int c1 = -1;
    int c2 = -1;
    int c3 = -1;
    int c4 = -1;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      int next = ArnSyntax.step(state, c);
      if (next == ArnSyntax.DEAD) {
        if (throwing) {
          throw error(text, state, i);
        }
        return null;
      }
      if (c == ':' && state < ArnSyntax.RS0) {
        switch (next) {
          case ArnSyntax.SV0:
            c1 = i;
            break;
          case ArnSyntax.RG0:
            c2 = i;
            break;
          case ArnSyntax.AC0:
            c3 = i;
            break;
          case ArnSyntax.RS0:
            c4 = i;
            break;
          default:
            break;
        }
      }
      state = next;
    }
    if (!ArnSyntax.accepting(state)) {
      if (throwing) {
        throw error(text, state, n);
      }
      return null;
    }
    return build(text, c1, c2, c3, c4, n);
  }

  private static Arn build(String text, int c1, int c2, int c3, int c4, int n) {
    int[] split = new int[ResourceLayout.SPLIT_SIZE];
    boolean global = c3 == c2 + 1 && c4 == c3 + 1;
    ResourceLayout.split(text, c1 + 1, c2, global, c4 + 1, n, split);
    return new Arn(text, c1, c2, c3, c4, split);
  }

  private static ArnParseException error(String text, int state, int at) {
    ArnSegment segment = ArnSyntax.segmentOf(state);
    String found =
        at >= text.length()
            ? "the input ends"
            : "found " + describe(text.charAt(at));
    return new ArnParseException(
        segment, at, ArnSyntax.expectation(state) + "; " + found + " at index " + at);
  }

  private static String describe(char c) {
    if (c >= 0x20 && c < 0x7f) {
      return "'" + c + "'";
    }
    return String.format(java.util.Locale.ROOT, "U+%04X", (int) c);
  }

  /** The partition, such as {@code aws}, {@code aws-cn} or {@code aws-us-gov}. */
  public String partition() {
    return ArnNames.of(text, 4, c1);
  }

  /** Whether the partition is one of {@link #KNOWN_PARTITIONS}. */
  public boolean hasKnownPartition() {
    return KNOWN_PARTITIONS.contains(partition());
  }

  /** The service namespace, such as {@code s3}, {@code iam} or {@code execute-api}. */
  public String service() {
    return ArnNames.of(text, c1 + 1, c2);
  }

  /** The Region code, or the empty string for ARNs without one (IAM, S3 buckets…). */
  public String region() {
    return ArnNames.of(text, c2 + 1, c3);
  }

  /** The account id (12 digits), {@code aws}, or the empty string for ARNs without one. */
  public String account() {
    return text.substring(c3 + 1, c4);
  }

  /** The resource: everything after the fifth colon, never empty. */
  public String resource() {
    return text.substring(c4 + 1);
  }

  private @Nullable String part(int at) {
    int from = split[at];
    return from < 0 ? null : text.substring(from, split[at + 1]);
  }

  /**
   * The resource type ({@code role}, {@code instance}, {@code function}, {@code log-group}…), or
   * {@code null} when the service's ARNs have none (S3 buckets and objects, SQS, SNS) or the
   * resource has no separator.
   */
  public @Nullable String resourceType() {
    int from = split[ResourceLayout.TYPE_START];
    return from < 0 ? null : ArnNames.of(text, from, split[ResourceLayout.TYPE_END]);
  }

  /**
   * The resource id: the name or id after the type (for IAM, the name after the path), or the
   * whole resource when there is no type. Never {@code null}; empty for a resource such as {@code
   * role/}.
   */
  public String resourceId() {
    String id = part(ResourceLayout.ID_START);
    return id == null ? "" : id;
  }

  /**
   * The qualifier after the id, or {@code null}: a Lambda alias or version, an STS session name,
   * {@code *} or {@code log-stream:x} after a log group, {@code stream/…} or {@code index/…} after a
   * DynamoDB table, an SNS subscription id, an ECS task definition revision.
   */
  public @Nullable String qualifier() {
    return part(ResourceLayout.QUAL_START);
  }

  /**
   * The IAM path, starting and ending with {@code /} ({@code /} when the ARN has none), for IAM
   * users, roles, groups, policies, instance profiles, server certificates and MFA devices; {@code
   * null} otherwise.
   */
  public @Nullable String path() {
    return part(ResourceLayout.PATH_START);
  }

  private boolean isS3Bucket() {
    return c2 == c1 + 3
        && text.startsWith("s3", c1 + 1)
        && c3 == c2 + 1
        && c4 == c3 + 1;
  }

  /** For an S3 bucket or object ARN ({@code arn:aws:s3:::bucket[/key]}), the bucket; else {@code null}. */
  public @Nullable String bucket() {
    if (!isS3Bucket()) {
      return null;
    }
    int slash = text.indexOf('/', c4 + 1);
    return slash < 0 ? resource() : text.substring(c4 + 1, slash);
  }

  /**
   * For an S3 object ARN ({@code arn:aws:s3:::bucket/key}), the key (everything after the first
   * slash, possibly empty, may contain {@code /} and {@code :}); {@code null} for a bucket ARN or a
   * non-S3 ARN.
   */
  public @Nullable String key() {
    if (!isS3Bucket()) {
      return null;
    }
    int slash = text.indexOf('/', c4 + 1);
    return slash < 0 ? null : text.substring(slash + 1);
  }

  /** Value equality on the ARN string (case-sensitive). */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Arn && ((Arn) o).text.equals(text);
  }

  /** The hash code of the ARN string. */
  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /** Orders by the ARN string ({@link String#compareTo}). */
  @Override
  public int compareTo(Arn other) {
    return text.compareTo(other.text);
  }

  /** Exactly the string this ARN was parsed from. */
  @Override
  public String toString() {
    return text;
  }
}
