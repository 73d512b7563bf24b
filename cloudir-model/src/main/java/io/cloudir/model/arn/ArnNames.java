package io.cloudir.model.arn;

import org.jspecify.annotations.Nullable;

/**
 * Canonical String constants for the low-cardinality parts of ARNs (partitions, common services,
 * Region codes, common resource types), so that {@link Arn#partition()}, {@link Arn#service()},
 * {@link Arn#region()} and {@link Arn#resourceType()} return a shared constant instead of a new
 * String when the value is one of them. A name not in the table is simply cut out of the ARN.
 *
 * <p>One open-addressing table keyed by an exact 128-bit key of the characters and the length (see
 * {@link #push0}); {@link Arn#parse} builds the keys of the service, the Region and the resource
 * type while it validates them, so a lookup is one probe and a few integer comparisons: no
 * allocation and no second pass over the characters. Immutable after class initialisation;
 * thread-safe.
 */
final class ArnNames {
  private ArnNames() {}

  private static final String[] NAMES = {
    // partitions
    "aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc",
    // services
    "s3", "iam", "sts", "ec2", "lambda", "logs", "kms", "dynamodb", "sns", "sqs", "secretsmanager",
    "cloudtrail", "rds", "ecs", "eks", "ecr", "elasticloadbalancing", "cloudformation", "states",
    "events", "apigateway", "execute-api", "ssm", "kinesis", "firehose", "glue", "athena",
    "route53", "cloudfront", "acm", "elasticache", "es", "sagemaker", "organizations", "config",
    "guardduty", "securityhub", "autoscaling", "cloudwatch", "codebuild", "codecommit",
    "codepipeline", "backup", "redshift", "elasticfilesystem", "batch", "bedrock", "sso",
    "identitystore", "access-analyzer", "wafv2", "network-firewall", "ram", "inspector2",
    "macie2", "cognito-idp", "appsync", "ses", "elasticmapreduce", "ds", "workspaces",
    // Regions
    "us-east-1", "us-east-2", "us-west-1", "us-west-2", "af-south-1", "ap-east-1", "ap-east-2",
    "ap-south-1", "ap-south-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
    "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5",
    "ap-southeast-7", "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2", "eu-west-1",
    "eu-west-2", "eu-west-3", "eu-south-1", "eu-south-2", "eu-north-1", "il-central-1",
    "me-south-1", "me-central-1", "mx-central-1", "sa-east-1", "cn-north-1", "cn-northwest-1",
    "us-gov-west-1", "us-gov-east-1", "us-iso-east-1", "us-iso-west-1", "us-isob-east-1",
    "eusc-de-east-1",
    // resource types
    "role", "user", "group", "policy", "instance-profile", "server-certificate", "mfa",
    "saml-provider", "oidc-provider", "assumed-role", "federated-user", "function", "layer",
    "event-source-mapping", "log-group", "instance", "security-group", "volume", "image",
    "snapshot", "vpc", "subnet", "network-interface", "key-pair", "launch-template", "key",
    "alias", "table", "secret", "trail", "stack", "stackset", "task-definition", "cluster",
    "service", "task", "container-instance", "repository", "db", "stateMachine", "execution",
    "rule", "event-bus", "parameter", "document", "restapis", "loadbalancer", "targetgroup",
    "listener", "distribution", "hostedzone", "certificate", "stream", "deliverystream",
    "detector", "hub", "analyzer", "accesspoint", "file-system", "backup-vault", "workgroup",
    "database", "catalog", "userpool", "identitypool", "resource-share", "account",
  };

  /**
   * The longest name whose key alone identifies it: a key holds the last 16 characters (8 bits
   * each); for a longer name a lookup also compares the characters before them.
   */
  static final int KEY_CHARS = 16;

  /** The slots are numbered by the top {@code SLOT_BITS} bits of a 64-bit hash (see {@link #slot}). */
  private static final int SLOT_BITS = 9;

  private static final int MASK = (1 << SLOT_BITS) - 1;

  /** The number of slots: a slot from {@link #find} is below it. */
  static final int SLOTS = MASK + 1;
  // per slot: the two key words, the length and the segments whose syntax the name satisfies
  // (SERVICE, REGION), in one array so that a probe and the validity test read one cache line
  private static final long[] KEYS = new long[4 * (MASK + 1)];
  private static final @Nullable String[] TABLE = new String[MASK + 1];

  /** A name that is a valid service segment. */
  static final int SERVICE = 1;

  /** A name that is a valid (non-empty) Region segment. */
  static final int REGION = 2;

  static {
    for (String name : NAMES) {
      long k0 = 0;
      long k1 = 0;
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        if (c == 0 || c > 0x7f) {
          throw new IllegalStateException("not a printable ASCII name: " + name);
        }
        k0 = push0(k0, k1);
        k1 = push1(k1, c);
      }
      int i = slot(k0, k1);
      while (TABLE[i] != null && !name.equals(TABLE[i])) {
        i = (i + 1) & MASK;
      }
      TABLE[i] = name;
      KEYS[4 * i] = k0;
      KEYS[4 * i + 1] = k1;
      KEYS[4 * i + 2] = name.length();
      KEYS[4 * i + 3] = (segment(name, ArnSyntax.SV0, ArnSyntax.RG0) ? SERVICE : 0)
          | (segment(name, ArnSyntax.RG0, ArnSyntax.AC0) ? REGION : 0);
    }
  }

  /**
   * Whether {@code name} followed by {@code :} takes the {@link ArnSyntax} automaton from the
   * start state of a segment to that of the next one, i.e. is a valid segment.
   */
  private static boolean segment(String name, int from, int to) {
    int state = from;
    for (int i = 0; i < name.length() && state != ArnSyntax.DEAD; i++) {
      state = ArnSyntax.step(state, name.charAt(i));
    }
    return state != ArnSyntax.DEAD && ArnSyntax.step(state, ':') == to;
  }

  /**
   * The key of a name is a 128-bit shift register of two words: each character (at most {@code
   * 0xff}) enters the low byte of the second word, whose top byte moves into the first. With the
   * length, the pair is exact for names of up to {@link #KEY_CHARS} characters, so a lookup
   * compares two longs and an int instead of the characters. The first word after one more
   * character:
   */
  static long push0(long k0, long k1) {
    return (k0 << 8) | (k1 >>> 56);
  }

  /** The second word of the key after one more character {@code c <= 0xff} (see {@link #push0}). */
  static long push1(long k1, char c) {
    return (k1 << 8) | c;
  }

  /**
   * The home slot of a key: the top bits of two independent products (which the CPU computes side
   * by side, a shorter chain than one product of a sum). The length is left out: names that share
   * their last 16 characters share a home slot and are told apart by the probe's exact checks.
   */
  private static int slot(long k0, long k1) {
    return (int) ((k1 * 0xC2B2AE3D27D4EB4FL + k0 * 0x9E3779B97F4A7C15L) >>> (64 - SLOT_BITS));
  }

  /**
   * The slot of the constant equal to {@code s[from, to)}, or -1, given {@code b}, the {@link
   * ArnBytes} view of {@code s}, from which the key is read ({@code from >= 8}).
   */
  static int find(String s, byte[] b, int from, int to) {
    return find(s, from, to, ArnBytes.key0(b, from, to), ArnBytes.key1(b, from, to));
  }

  /**
   * The slot of the constant equal to {@code s[from, to)}, whose key (see {@link #push0}) is {@code
   * (k0, k1)}, or -1. Every character of {@code s[from, to)} must be at most {@code 0xff}.
   */
  static int find(String s, int from, int to, long k0, long k1) {
    int len = to - from;
    for (int i = slot(k0, k1); ; i = (i + 1) & MASK) {
      long length = KEYS[4 * i + 2]; // 0 for an empty slot
      if (length == 0) {
        return -1;
      }
      if (KEYS[4 * i] == k0 && KEYS[4 * i + 1] == k1 && length == len) {
        String t = TABLE[i];
        // the key holds the last 16 characters; a longer name compares the ones before them
        for (int k = 0; k < len - KEY_CHARS; k++) {
          if (t == null || s.charAt(from + k) != t.charAt(k)) {
            return -1;
          }
        }
        return i;
      }
    }
  }

  /** The constant in slot {@code slot} (from {@link #find}), or null for -1. */
  static @Nullable String name(int slot) {
    return slot < 0 ? null : TABLE[slot];
  }

  /** Whether the constant in {@code slot} (-1 for none) is valid as {@code segment} ({@link #SERVICE}, {@link #REGION}). */
  static boolean validAs(int slot, int segment) {
    return slot >= 0 && (KEYS[4 * slot + 3] & segment) != 0;
  }

  /** {@code s[from, to)}: the canonical constant if it is one, otherwise a new substring. */
  static String of(String s, int from, int to) {
    String c = canonical(s, from, to);
    return c != null ? c : s.substring(from, to);
  }

  /**
   * The canonical constant equal to {@code s[from, to)} ({@code ""} when it is empty), or null
   * when it is not in the table.
   */
  static @Nullable String canonical(String s, int from, int to) {
    int len = to - from;
    if (len <= 0) {
      return len == 0 ? "" : null;
    }
    return name(find(s, from, to));
  }

  /** The slot of the constant equal to {@code s[from, to)}, or -1 (also for an empty range). */
  static int find(String s, int from, int to) {
    if (to <= from) {
      return -1;
    }
    long k0 = 0;
    long k1 = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c > 0xff) {
        return -1;
      }
      k0 = push0(k0, k1);
      k1 = push1(k1, c);
    }
    return find(s, from, to, k0, k1);
  }
}
