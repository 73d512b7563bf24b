package io.cloudir.model.arn;

import org.jspecify.annotations.Nullable;

/**
 * Canonical String constants for the low-cardinality parts of ARNs (partitions, common services,
 * Region codes, common resource types), so that {@link Arn#partition()}, {@link Arn#service()},
 * {@link Arn#region()} and {@link Arn#resourceType()} return a shared constant instead of a new
 * String when the value is one of them. A name not in the table is simply cut out of the ARN.
 *
 * <p>One open-addressing table keyed by {@link String#hashCode()}; {@link Arn#parse} computes the
 * same hash while it validates a segment, so a lookup costs one probe and a comparison of the
 * characters, without allocating. Immutable after class initialisation; thread-safe.
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

  private static final int MASK = 1023;
  private static final String[] TABLE = new String[MASK + 1];

  static {
    for (String name : NAMES) {
      int i = spread(name.hashCode());
      while (TABLE[i] != null && !TABLE[i].equals(name)) {
        i = (i + 1) & MASK;
      }
      TABLE[i] = name;
    }
  }

  private static int spread(int h) {
    return (h ^ (h >>> 10) ^ (h >>> 20)) & MASK;
  }

  /**
   * The hash of {@code s[from, to)}: the same value as {@code s.substring(from, to).hashCode()}
   * ({@code h = 31 * h + c}), so that a scanner can compute it while it validates the characters
   * and the table can be built from {@link String#hashCode()}.
   */
  static int hash(String s, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + s.charAt(i);
    }
    return h;
  }

  /** {@code s[from, to)}: the canonical constant if it is one, otherwise a new substring. */
  static String of(String s, int from, int to) {
    String c = canonical(s, from, to);
    return c != null ? c : s.substring(from, to);
  }

  /**
   * The canonical constant equal to {@code s[from, to)}, or null when it is not in the table. The
   * constants are String literals, hence interned: callers may compare the result with {@code ==}
   * against literals.
   */
  static @Nullable String canonical(String s, int from, int to) {
    return canonical(s, from, to, hash(s, from, to));
  }

  /**
   * {@link #canonical(String, int, int)} with the {@link #hash} of {@code s[from, to)} already
   * known. No allocation: a probe compares the cached hash of the constant, its length, then its
   * characters.
   */
  static @Nullable String canonical(String s, int from, int to, int hash) {
    int len = to - from;
    if (len <= 0) {
      return len == 0 ? "" : null;
    }
    int i = spread(hash);
    for (String t = TABLE[i]; t != null; t = TABLE[i = (i + 1) & MASK]) {
      if (t.hashCode() == hash && t.length() == len && sameChars(s, from, t, len)) {
        return t;
      }
    }
    return null;
  }

  private static boolean sameChars(String s, int from, String t, int len) {
    for (int k = 0; k < len; k++) {
      if (s.charAt(from + k) != t.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}
