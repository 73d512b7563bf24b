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
 * hashCode} and {@code compareTo} compare that string and nothing else (so comparison is
 * case-sensitive, as IAM compares resources, and costs what the String's does).
 *
 * <p><b>Cost.</b> {@link #parse} makes one pass over the characters that checks the syntax,
 * records where the five segments are and builds exact lookup keys of the service and the Region
 * (then of the resource type); the resource split is worked out as character indices into final
 * fields. No String is made at parse time: partition, service, Region and resource type are shared
 * constants for common values (looked up without allocating); {@link #account()}, {@link
 * #resourceId()} and uncommon names are cut out of the ARN on first use and kept; {@link
 * #resource()}, {@link #qualifier()}, {@link #path()}, {@link #bucket()} and {@link #key()} are cut
 * out on each call.
 *
 * <p><b>Thread safety.</b> Immutable by observation and safe to share between threads without
 * synchronization: the string and every index are {@code final}; the parts kept after first use
 * are stored in plain fields without locking (the "racy single-check" idiom). Two threads may both
 * compute a part; each gets an equal String (possibly not the same instance, so compare parts with
 * {@code equals}), and since a part depends only on the final fields and a String is safe to
 * publish through a data race, no thread can observe a missing or different value.
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
  // the resource split, as indices into text (computed at parse time, see the constructor)
  private final int typeFrom; // -1: no type
  private final int typeTo;
  private final int idFrom;
  private final int idTo;
  private final int qualifierFrom; // -1: no qualifier (else it runs to the end)
  private final boolean hasPath; // IAM path = text[typeTo, idFrom)

  // Parts cut out on first use (racy single-check: see the class comment). The constructor stores
  // the canonical constants it already found; null means "not known yet" and is recomputed from the
  // final fields above, so a reader that sees null, or another thread's equal String, is correct.
  private @Nullable String service;
  private @Nullable String region;
  private @Nullable String type;
  private @Nullable String account;
  private @Nullable String id;

  /** What {@link #scan} returns when asked only to validate. */
  private static final Arn VALID = new Arn("arn:aws:s3:::v", 7, 10, 11, 12, "s3", "");

  /**
   * An ARN whose syntax has been checked, whose colons are at 3, {@code c1} to {@code c4}, and whose
   * service and Region are the canonical constants {@code svc} and {@code rgn} (null when they are
   * not constants). Splits the resource.
   */
  @SuppressWarnings("ReferenceEquality") // canonical names are compared by identity
  private Arn(
      String text, int c1, int c2, int c3, int c4, @Nullable String svc, @Nullable String rgn) {
    this.text = text;
    this.c1 = c1;
    this.c2 = c2;
    this.c3 = c3;
    this.c4 = c4;
    this.service = svc;
    this.region = rgn;
    int n = text.length();
    int r = c4 + 1;
    int layout = ResourceLayout.ofService(svc);
    if (layout == ResourceLayout.GENERIC && svc == "s3" && c4 == c2 + 2) {
      layout = ResourceLayout.S3_BUCKET; // empty region and account
    }
    int tFrom = -1;
    int tTo = -1;
    int iFrom = r;
    int iTo = n;
    int qFrom = -1;
    boolean path = false;
    String t = null;
    char qualifierSeparator = 0;
    if (layout == ResourceLayout.ID_ONLY || layout == ResourceLayout.S3_BUCKET) {
      // the whole resource is the id
    } else if (layout == ResourceLayout.ID_COLON_QUALIFIER) {
      qualifierSeparator = ':';
    } else if (layout == ResourceLayout.ID_SLASH_QUALIFIER) {
      qualifierSeparator = '/';
    } else if (layout == ResourceLayout.LEADING_SLASH && n - r > 1 && text.charAt(r) == '/') {
      tFrom = r + 1;
      int slash = text.indexOf('/', tFrom);
      if (slash < 0) {
        tTo = n;
        iFrom = n;
      } else {
        tTo = slash;
        iFrom = slash + 1;
        qualifierSeparator = '/';
      }
      t = ArnNames.canonical(text, tFrom, tTo);
    } else {
      // type<sep>id...: the type runs to the first '/' or ':' (keyed on the way for the lookup)
      long k0 = 0;
      long k1 = 0;
      int wide = 0;
      int sep = r;
      for (; sep < n; sep++) {
        char c = text.charAt(sep);
        if (c == '/' || c == ':') {
          break;
        }
        wide |= c;
        k0 = ArnNames.push0(k0, k1);
        k1 = ArnNames.push1(k1, c);
      }
      if (sep > r && sep < n) { // else no separator, or one in first position: no type
        tFrom = r;
        tTo = sep;
        iFrom = sep + 1;
        t = wide > 0xff ? null : ArnNames.canonical(text, r, sep, k0, k1);
        if (layout == ResourceLayout.GENERIC || layout == ResourceLayout.IAM_PATH) {
          int byType = ResourceLayout.ofType(svc, t); // a type-specific override wins
          if (byType >= 0) {
            layout = byType;
          }
        }
        if (layout == ResourceLayout.TYPE_ID_COLON_QUALIFIER) {
          qualifierSeparator = ':';
        } else if (layout == ResourceLayout.TYPE_ID_SLASH_QUALIFIER) {
          qualifierSeparator = '/';
        } else if (layout == ResourceLayout.IAM_PATH
            && text.charAt(sep) == '/'
            && ResourceLayout.isIamPathType(t)) {
          iFrom = text.lastIndexOf('/') + 1; // at least sep + 1: text[sep] is '/'
          path = true;
        }
      }
    }
    if (qualifierSeparator != 0) {
      int q = text.indexOf(qualifierSeparator, iFrom);
      if (q >= 0) {
        iTo = q;
        qFrom = q + 1;
      }
    }
    this.typeFrom = tFrom;
    this.typeTo = tTo;
    this.idFrom = iFrom;
    this.idTo = iTo;
    this.qualifierFrom = qFrom;
    this.hasPath = path;
    this.type = t;
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
   * Whether {@code text} is a valid ARN (same rules as {@link #parse}). Allocates nothing.
   *
   * @param text the candidate ARN
   * @return true if {@link #parse} would accept it
   */
  public static boolean isValid(@Nullable String text) {
    return text != null && scan(text, false) != null;
  }

  private static boolean lower(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * The single pass over the characters: checks the syntax of {@link ArnSyntax} (which accepts
   * exactly the same language; {@code ArnFastPathTest} compares the two), records the colons and
   * builds the {@link ArnNames} keys of the service and the Region. Returns the ARN (or {@link #VALID}
   * when {@code build} is false), or null when {@code s} is not an ARN.
   */
  private static @Nullable Arn scan(String s, boolean build) {
    int n = s.length();
    if (n < 13 || !s.startsWith("arn:aws")) { // the shortest ARN is arn:aws:s:::r
      return null;
    }
    // partition: aws(-[a-z]+)*
    int i = 7;
    char c = s.charAt(i);
    while (c != ':') {
      if (c != '-' || ++i >= n || !lower(s.charAt(i))) {
        return null;
      }
      do {
        if (++i >= n) {
          return null;
        }
        c = s.charAt(i);
      } while (lower(c));
    }
    int c1 = i;
    // service: [a-z0-9-]+
    long k0 = 0;
    long k1 = 0;
    while (true) {
      if (++i >= n) {
        return null;
      }
      c = s.charAt(i);
      if (lower(c) || digit(c) || c == '-') {
        k0 = ArnNames.push0(k0, k1);
        k1 = ArnNames.push1(k1, c);
      } else if (c == ':' && i > c1 + 1) {
        break;
      } else {
        return null;
      }
    }
    int c2 = i;
    long serviceKey0 = k0;
    long serviceKey1 = k1;
    k0 = 0;
    k1 = 0;
    // region: empty, or [a-z]{2,}(-[a-z0-9]+)*-[0-9]+
    if (++i >= n) {
      return null;
    }
    c = s.charAt(i);
    if (c != ':') {
      while (lower(c)) {
        k0 = ArnNames.push0(k0, k1);
        k1 = ArnNames.push1(k1, c);
        if (++i >= n) {
          return null;
        }
        c = s.charAt(i);
      }
      if (i - c2 < 3) {
        return null; // fewer than two letters
      }
      boolean lastAllDigits;
      do {
        if (c != '-') {
          return null;
        }
        int part = i + 1;
        lastAllDigits = true;
        while (true) {
          k0 = ArnNames.push0(k0, k1);
          k1 = ArnNames.push1(k1, c);
          if (++i >= n) {
            return null;
          }
          c = s.charAt(i);
          if (lower(c)) {
            lastAllDigits = false;
          } else if (!digit(c)) {
            break;
          }
        }
        if (i == part) {
          return null; // empty part
        }
      } while (c != ':');
      if (!lastAllDigits) {
        return null;
      }
    }
    int c3 = i;
    // account: empty, 12 digits or aws
    if (++i >= n) {
      return null;
    }
    c = s.charAt(i);
    if (c == 'a') {
      if (!s.startsWith("aws:", i)) {
        return null;
      }
      i += 3;
    } else if (c != ':') {
      if (i + 12 >= n) {
        return null;
      }
      // branch-free: (d - '0') | ('9' - d) is negative exactly when d is not a digit
      int notDigit = 0;
      for (int end = i + 12; i < end; i++) {
        char d = s.charAt(i);
        notDigit |= (d - '0') | ('9' - d);
      }
      if (notDigit < 0 || s.charAt(i) != ':') {
        return null;
      }
    }
    int c4 = i;
    // resource: non-empty, no ASCII control character: (c - 0x20) is negative for one below 0x20
    // (one subtraction and one OR per character, no branch), and DEL (0x7f) is searched for with
    // String.indexOf (vectorized by the JIT).
    if (c4 + 1 >= n) {
      return null;
    }
    int below = 0;
    for (i = c4 + 1; i < n; i++) {
      below |= s.charAt(i) - 0x20;
    }
    if (below < 0 || s.indexOf(0x7f, c4 + 1) >= 0) {
      return null;
    }
    if (!build) {
      return VALID;
    }
    return new Arn(
        s,
        c1,
        c2,
        c3,
        c4,
        ArnNames.canonical(s, c1 + 1, c2, serviceKey0, serviceKey1),
        c3 == c2 + 1 ? "" : ArnNames.canonical(s, c2 + 1, c3, k0, k1));
  }

  private static @Nullable Arn parse0(String text, boolean throwing) {
    Objects.requireNonNull(text, "text");
    Arn fast = scan(text, true);
    if (fast != null || !throwing) {
      return fast;
    }
    // Rejected: run the automaton to say where and why.
    int n = text.length();
    int state = ArnSyntax.START;
    int c1 = -1;
    int c2 = -1;
    int c3 = -1;
    int c4 = -1;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      int next = ArnSyntax.step(state, c);
      if (next == ArnSyntax.DEAD) {
        throw error(text, state, i);
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
      throw error(text, state, n);
    }
    // Unreachable while scan() and ArnSyntax agree (tested); built from the automaton's colons.
    return new Arn(
        text,
        c1,
        c2,
        c3,
        c4,
        ArnNames.canonical(text, c1 + 1, c2),
        ArnNames.canonical(text, c2 + 1, c3));
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
    return c1 == 7 ? "aws" : ArnNames.of(text, 4, c1);
  }

  /** Whether the partition is one of {@link #KNOWN_PARTITIONS}. */
  public boolean hasKnownPartition() {
    return KNOWN_PARTITIONS.contains(partition());
  }

  /** The service namespace, such as {@code s3}, {@code iam} or {@code execute-api}. */
  public String service() {
    String s = service;
    if (s == null) {
      s = ArnNames.of(text, c1 + 1, c2);
      service = s;
    }
    return s;
  }

  /** The Region code, or the empty string for ARNs without one (IAM, S3 buckets…). */
  public String region() {
    String s = region;
    if (s == null) {
      s = ArnNames.of(text, c2 + 1, c3);
      region = s;
    }
    return s;
  }

  /** The account id (12 digits), {@code aws}, or the empty string for ARNs without one. */
  public String account() {
    String s = account;
    if (s == null) {
      int len = c4 - c3 - 1;
      s = len == 0 ? "" : len == 3 ? "aws" : text.substring(c3 + 1, c4);
      account = s;
    }
    return s;
  }

  /** The resource: everything after the fifth colon, never empty. */
  public String resource() {
    return idFrom == c4 + 1 && idTo == text.length() ? resourceId() : text.substring(c4 + 1);
  }

  /**
   * The resource type ({@code role}, {@code instance}, {@code function}, {@code log-group}…), or
   * {@code null} when the service's ARNs have none (S3 buckets and objects, SQS, SNS) or the
   * resource has no separator.
   */
  public @Nullable String resourceType() {
    if (typeFrom < 0) {
      return null;
    }
    String s = type;
    if (s == null) {
      s = ArnNames.of(text, typeFrom, typeTo);
      type = s;
    }
    return s;
  }

  /**
   * The resource id: the name or id after the type (for IAM, the name after the path), or the
   * whole resource when there is no type. Never {@code null}; empty for a resource such as {@code
   * role/}.
   */
  public String resourceId() {
    String s = id;
    if (s == null) {
      s = text.substring(idFrom, idTo);
      id = s;
    }
    return s;
  }

  /**
   * The qualifier after the id, or {@code null}: a Lambda alias or version, an STS session name,
   * {@code *} or {@code log-stream:x} after a log group, {@code stream/…} or {@code index/…} after a
   * DynamoDB table, an SNS subscription id, an ECS task definition revision.
   */
  public @Nullable String qualifier() {
    return qualifierFrom < 0 ? null : text.substring(qualifierFrom);
  }

  /**
   * The IAM path, starting and ending with {@code /} ({@code /} when the ARN has none), for IAM
   * users, roles, groups, policies, instance profiles, server certificates and MFA devices; {@code
   * null} otherwise.
   */
  public @Nullable String path() {
    return hasPath ? text.substring(typeTo, idFrom) : null;
  }

  private boolean isS3Bucket() {
    return c2 == c1 + 3 && text.startsWith("s3", c1 + 1) && c4 == c2 + 2;
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
