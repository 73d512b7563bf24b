package io.cloudir.model.arn;

import java.nio.charset.StandardCharsets;
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
 * <p><b>Cost.</b> {@link #parse} takes the characters as one byte each (a bulk copy for a Latin-1
 * string; the view is dropped after parsing) and checks the syntax eight bytes at a time where
 * it can: colons are found word by word (the service's and, when it is short, the Region's from
 * one word's exact colon mask); the service and the Region are looked up among the canonical names
 * by an exact key read in one or two loads (none for a service or a resource type of up to eight
 * characters, keyed from the word already read), and a name found there is valid without a
 * per-character check (others are checked character by character); the account is two
 * eight-digit tests; the resource is tested for control characters a word at a time. The resource
 * split is worked out as character indices into final fields; resource types and the services'
 * layouts are looked up by the same keys. No String is made at parse time: partition, service,
 * Region and resource type are shared constants for common values; {@link #account()}, {@link
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
  // the resource split, as indices into text (computed at parse time, see scan)
  private final int typeFrom; // -1: no type
  private final int typeTo;
  private final int idFrom;
  private final int idTo; // the qualifier, if any, runs from idTo + 1 to the end
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
  private static final Arn VALID =
      new Arn("arn:aws:s3:::v", 7, 10, 11, 12, "s3", "", -1, -1, null, 13, 14, false);

  /** An ARN with its colons, the constants found for service and Region, and its resource split. */
  private Arn(
      String text,
      int c1,
      int c2,
      int c3,
      int c4,
      @Nullable String service,
      @Nullable String region,
      int typeFrom,
      int typeTo,
      @Nullable String type,
      int idFrom,
      int idTo,
      boolean hasPath) {
    this.text = text;
    this.c1 = c1;
    this.c2 = c2;
    this.c3 = c3;
    this.c4 = c4;
    this.service = service;
    this.region = region;
    this.typeFrom = typeFrom;
    this.typeTo = typeTo;
    this.type = type;
    this.idFrom = idFrom;
    this.idTo = idTo;
    this.hasPath = hasPath;
  }

  /**
   * What separates the qualifier from the id in a resource with a type laid out as {@code layout}
   * ({@code leading}: {@code /type/id...}): {@link ArnBytes#COLONS}, {@link ArnBytes#SLASHES}, or
   * 0 for no qualifier.
   */
  private static long qualifierSeparator(int layout, boolean leading) {
    if (layout == ResourceLayout.TYPE_ID_COLON_QUALIFIER) {
      return ArnBytes.COLONS;
    }
    return layout == ResourceLayout.TYPE_ID_SLASH_QUALIFIER || leading ? ArnBytes.SLASHES : 0;
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
   * Whether {@code text} is a valid ARN (same rules as {@link #parse}). Builds no {@code Arn};
   * allocates only the short-lived byte view of the characters that {@link #parse} uses too.
   *
   * @param text the candidate ARN
   * @return true if {@link #parse} would accept it
   */
  public static boolean isValid(@Nullable String text) {
    return text != null && scan(text, false) != null;
  }

  private static boolean lower(int c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean digit(int c) {
    return c >= '0' && c <= '9';
  }

  /** The seven bytes {@code arn:aws} as {@link ArnBytes#le} reads them, and the mask of seven bytes. */
  private static final long ARN_AWS = ArnBytes.le("arn:aws\0".getBytes(StandardCharsets.US_ASCII), 0);

  private static final long ARN_AWS_MASK = 0x00FFFFFFFFFFFFFFL;

  /** Whether a byte may appear in a service name: {@code [a-z0-9-]}. */
  private static final boolean[] SERVICE_CHAR = new boolean[256];

  static {
    for (int c = 0; c < 256; c++) {
      SERVICE_CHAR[c] = lower(c) || digit(c) || c == '-';
    }
  }

  /**
   * The single pass over the characters: checks the syntax of {@link ArnSyntax} (which accepts
   * exactly the same language; {@code ArnFastPathTest} compares the two) on the {@link ArnBytes}
   * view of {@code s}, records the colons and reads the {@link ArnNames} keys of the service and the
   * Region. Returns the ARN (or {@link #VALID} when {@code build} is false), or null when {@code s}
   * is not an ARN.
   *
   * <p>The ARN is built here too: the resource is split as the service lays it out ({@link
   * ResourceLayout}) into character indices, in this method rather than in a helper, so that the
   * JIT compiles the whole parse as one unit (a helper of this size is compiled on its own first and
   * then called rather than inlined, which measurably slowed {@link #parse}).
   */
  private static @Nullable Arn scan(String s, boolean build) {
    int n = s.length();
    if (n < 13) { // the shortest ARN is arn:aws:s:::r
      return null;
    }
    byte[] b = ArnBytes.of(s);
    if ((ArnBytes.le(b, 0) & ARN_AWS_MASK) != ARN_AWS) {
      return null;
    }
    int c1 = b[7] == ':' ? 7 : partitionEnd(b, n);
    if (c1 < 0 || c1 + 1 >= n) {
      return null; // no partition, or nothing after it (the word below starts before n)
    }
    // service: [a-z0-9-]+ up to the next colon; a known service needs no per-character check
    // the colon after it, and often the one after the Region too, from the colons of one word
    int s0 = c1 + 1;
    long word = ArnBytes.word(b, s0, n);
    long colons = ArnBytes.colons(word);
    int c2 = colons != 0
        ? s0 + (Long.numberOfTrailingZeros(colons) >>> 3)
        : ArnBytes.indexOf(b, s0 + 8, n, ArnBytes.COLONS);
    if (c2 <= s0) {
      return null; // no colon, or an empty service
    }
    colons &= colons - 1; // the colons after c2 among the same eight bytes
    // a service of up to eight characters is keyed from the same word
    int service = c2 - s0 <= 8
        ? ArnNames.find(s, s0, c2, 0, ArnBytes.key1(word, c2 - s0))
        : ArnNames.find(s, b, s0, c2);
    if (!ArnNames.validAs(service, ArnNames.SERVICE) && !isService(b, s0, c2)) {
      return null;
    }
    // region: empty, or a Region code up to the next colon; the same for a known one
    int r0 = c2 + 1;
    int c3 = colons != 0
        ? s0 + (Long.numberOfTrailingZeros(colons) >>> 3)
        : ArnBytes.indexOf(b, Math.max(r0, s0 + 8), n, ArnBytes.COLONS);
    if (c3 < 0) {
      return null;
    }
    int region = -1;
    if (c3 > r0) {
      region = ArnNames.find(s, b, r0, c3);
      if (!ArnNames.validAs(region, ArnNames.REGION) && !isRegion(b, r0, c3)) {
        return null;
      }
    }
    int c4 = accountEnd(b, c3 + 1, n);
    // resource: non-empty, no ASCII control character (eight bytes at a time)
    if (c4 < 0 || c4 + 1 >= n || !ArnBytes.noControl(b, c4 + 1, n)) {
      return null;
    }
    if (!build) {
      return VALID;
    }
    String svc = ArnNames.name(service);
    String rgn = c3 == r0 ? "" : ArnNames.name(region);
    int layout = ResourceLayout.ofService(service);
    if (layout == ResourceLayout.GENERIC && service == ResourceLayout.S3 && c4 == c2 + 2) {
      layout = ResourceLayout.S3_BUCKET; // empty region and account
    }
    // the split as indices: by default no type and the whole resource as the id; one
    // construction site below (one per layout, as before, measured about 3% slower)
    int r = c4 + 1;
    int typeFrom = -1;
    int typeTo = -1;
    String typeName = null;
    int idFrom = r;
    int idTo = n;
    boolean path = false;
    if (layout == ResourceLayout.ID_ONLY || layout == ResourceLayout.S3_BUCKET) {
      // the whole resource is the id: the defaults
    } else if (layout == ResourceLayout.ID_COLON_QUALIFIER
        || layout == ResourceLayout.ID_SLASH_QUALIFIER) {
      long separator =
          layout == ResourceLayout.ID_COLON_QUALIFIER ? ArnBytes.COLONS : ArnBytes.SLASHES;
      int q = ArnBytes.indexOf(b, r, n, separator);
      idTo = q < 0 ? n : q;
    } else {
      // the layouts with a type: type<sep>id..., where the type runs to the first '/' or ':'
      // (none, or one in first position: no type), or /type/id... (API Gateway), where it runs
      // from the leading '/' to the next one, or to the end
      boolean leading = layout == ResourceLayout.LEADING_SLASH && n - r > 1 && b[r] == '/';
      int from = leading ? r + 1 : r;
      long first = ArnBytes.word(b, r, n);
      int sep =
          leading ? ArnBytes.indexOf(b, from, n, ArnBytes.SLASHES) : ArnBytes.separator(b, r, n);
      if (sep < 0) {
        sep = n;
      }
      if (leading || (sep != r && sep != n)) {
        // a type of up to eight characters at r is keyed from the first word of the resource
        int typeSlot = !leading && sep - r <= 8
            ? ArnNames.find(s, r, sep, 0, ArnBytes.key1(first, sep - r))
            : ArnNames.find(s, b, from, sep);
        typeFrom = from;
        typeTo = sep;
        typeName = ArnNames.name(typeSlot);
        idFrom = Math.min(sep + 1, n);
        layout = ResourceLayout.withType(layout, service, typeSlot);
        long qualifier = qualifierSeparator(layout, leading);
        if (qualifier == 0
            && layout == ResourceLayout.IAM_PATH
            && b[sep] == '/'
            && ResourceLayout.isIamPathType(typeSlot)) {
          idFrom = ArnBytes.lastIndexOf(b, sep, n, ArnBytes.SLASHES) + 1; // b[sep] is '/'
          path = true;
        }
        int q = qualifier == 0 ? -1 : ArnBytes.indexOf(b, idFrom, n, qualifier);
        idTo = q < 0 ? n : q;
      }
    }
    return new Arn(s, c1, c2, c3, c4, svc, rgn, typeFrom, typeTo, typeName, idFrom, idTo, path);
  }

  /**
   * The index of the colon after a partition other than {@code aws}, {@code aws(-[a-z]+)+}, that
   * starts at 4 ({@code b[7]} is not a colon), or -1.
   */
  private static int partitionEnd(byte[] b, int n) {
    int i = 7;
    int c = b[i];
    while (c != ':') {
      if (c != '-' || ++i >= n || !lower(b[i])) {
        return -1;
      }
      do {
        if (++i >= n) {
          return -1;
        }
        c = b[i];
      } while (lower(c));
    }
    return i;
  }

  /** Whether {@code b[from, to)} is all of {@code [a-z0-9-]}. */
  private static boolean isService(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!SERVICE_CHAR[b[i] & 0xff]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The index of the colon after an account that starts at {@code i} (empty, 12 digits or {@code
   * aws}), or -1.
   */
  private static int accountEnd(byte[] b, int i, int n) {
    if (i >= n) {
      return -1;
    }
    int c = b[i];
    if (c == ':') {
      return i;
    }
    if (c == 'a') {
      return i + 3 < n && b[i + 1] == 'w' && b[i + 2] == 's' && b[i + 3] == ':' ? i + 3 : -1;
    }
    // two overlapping eight-byte words, then the colon
    return i + 12 < n && ArnBytes.digits8(b, i) && ArnBytes.digits8(b, i + 4) && b[i + 12] == ':'
        ? i + 12
        : -1;
  }

  /**
   * Whether {@code b[from, to)} (non-empty, no colon) is a Region code: {@code
   * [a-z]{2,}(-[a-z0-9]+)*-[0-9]+}.
   */
  private static boolean isRegion(byte[] b, int from, int to) {
    int i = from;
    while (i < to && lower(b[i])) {
      i++;
    }
    if (i - from < 2 || i == to) {
      return false; // fewer than two letters, or no dash-part
    }
    boolean lastAllDigits = false;
    while (i < to) {
      if (b[i] != '-') {
        return false;
      }
      int part = ++i;
      lastAllDigits = true;
      while (i < to && b[i] != '-') {
        int c = b[i++];
        if (lower(c)) {
          lastAllDigits = false;
        } else if (!digit(c)) {
          return false;
        }
      }
      if (i == part) {
        return false; // an empty part
      }
    }
    return lastAllDigits;
  }

  private static @Nullable Arn parse0(String text, boolean throwing) {
    Objects.requireNonNull(text, "text");
    Arn fast = scan(text, true);
    return fast != null || !throwing ? fast : rejected(text);
  }

  /**
   * Runs the automaton over an input {@link #scan} rejected to say where and why (throws). The
   * automaton accepts nothing {@link #scan} rejects ({@code ArnFastPathTest}); should it ever, that
   * is a bug reported as an {@link AssertionError} rather than an ARN built another way.
   */
  private static Arn rejected(String text) {
    int n = text.length();
    int state = ArnSyntax.START;
    for (int i = 0; i < n; i++) {
      int next = ArnSyntax.step(state, text.charAt(i));
      if (next == ArnSyntax.DEAD) {
        throw error(text, state, i);
      }
      state = next;
    }
    if (!ArnSyntax.accepting(state)) {
      throw error(text, state, n);
    }
    throw new AssertionError("the ARN automaton accepts what the scanner rejected: " + text);
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
    return idTo == text.length() ? null : text.substring(idTo + 1);
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
