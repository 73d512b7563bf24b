package io.cloudir.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic inputs for {@link ArnBenchmark}: a realistic mix of ARNs as they appear in
 * CloudTrail and in IAM policies, typical policy resource patterns, and pairs of patterns for
 * coverage checks.
 *
 * <p>Stateless; thread-safe.
 */
public final class ArnData {
  /** The default number of ARNs. */
  public static final int DEFAULT_COUNT = 1000;
  /** The default seed. */
  public static final long DEFAULT_SEED = 20240311L;

  private static final String[][] PARTITIONS = {
    // partition, regions... (weights: aws appears most often, see below)
    {"aws", "us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2",
        "ap-northeast-1", "sa-east-1"},
    {"aws-cn", "cn-north-1", "cn-northwest-1"},
    {"aws-us-gov", "us-gov-west-1", "us-gov-east-1"},
    {"aws-iso", "us-iso-east-1"},
    {"aws-iso-b", "us-isob-east-1"},
  };
  private static final String[] PATHS = {
    "", "", "", "service-role/", "aws-service-role/ecs.amazonaws.com/", "aws-reserved/sso.amazonaws.com/",
    "teams/platform/", "division_abc/subdivision_xyz/"
  };
  private static final String[] NAMES = {
    "Admin", "ReadOnly", "deploy-bot", "alice", "bob.smith", "ci+pipeline", "AWSServiceRoleForECS",
    "AWSReservedSSO_AdministratorAccess_0123456789abcdef", "lambda-exec-role", "eks-node-group"
  };
  private static final String[] SESSIONS = {
    "alice@example.com", "i-0123456789abcdef0", "botocore-session-1712345678", "GitHubActions",
    "1712345678901234567", "aws-go-sdk-1712345678"
  };
  private static final String[] WORDS = {
    "logs", "prod", "data", "2024", "03", "11", "backup", "invoices", "tmp", "app", "web", "db"
  };

  private ArnData() {}

  /**
   * {@code count} ARNs drawn with {@code seed}: IAM roles/users/policies with paths, STS sessions
   * and federated users, S3 buckets and objects, Lambda functions (plain, alias, version), log
   * groups and streams, EC2 instances/security groups/volumes/images, KMS keys and aliases, DynamoDB
   * tables/indexes/streams, SNS topics and subscriptions, SQS queues, Secrets Manager secrets; 85%
   * in the {@code aws} partition, the rest spread over {@code aws-cn}, {@code aws-us-gov}, {@code
   * aws-iso} and {@code aws-iso-b}.
   */
  public static String[] arns(long seed, int count) {
    SplittableRandom r = new SplittableRandom(seed);
    String[] out = new String[count];
    for (int i = 0; i < count; i++) {
      String[] p = r.nextInt(100) < 85 ? PARTITIONS[0] : PARTITIONS[1 + r.nextInt(PARTITIONS.length - 1)];
      String part = p[0];
      String region = p[1 + r.nextInt(p.length - 1)];
      String acct = account(r);
      out[i] = switch (r.nextInt(20)) {
        case 0, 1 -> "arn:" + part + ":iam::" + acct + ":role/" + pick(r, PATHS) + pick(r, NAMES);
        case 2 -> "arn:" + part + ":iam::" + acct + ":user/" + pick(r, PATHS) + pick(r, NAMES);
        case 3 -> r.nextBoolean()
            ? "arn:" + part + ":iam::aws:policy/" + pick(r, PATHS) + "AmazonS3ReadOnlyAccess"
            : "arn:" + part + ":iam::" + acct + ":policy/" + pick(r, NAMES) + "-policy";
        case 4, 5, 6 -> "arn:" + part + ":sts::" + acct + ":assumed-role/" + pick(r, NAMES) + "/"
            + pick(r, SESSIONS);
        case 7 -> "arn:" + part + ":sts::" + acct + ":federated-user/" + pick(r, NAMES);
        case 8 -> "arn:" + part + ":s3:::" + bucket(r);
        case 9, 10 -> "arn:" + part + ":s3:::" + bucket(r) + "/" + key(r);
        case 11 -> "arn:" + part + ":lambda:" + region + ":" + acct + ":function:" + pick(r, NAMES)
            + switch (r.nextInt(3)) {
              case 0 -> "";
              case 1 -> ":PROD";
              default -> ":" + (1 + r.nextInt(40));
            };
        case 12 -> "arn:" + part + ":logs:" + region + ":" + acct + ":log-group:/aws/lambda/"
            + pick(r, NAMES) + (r.nextBoolean() ? ":*"
                : ":log-stream:2024/03/11/[$LATEST]" + hex(r, 32));
        case 13 -> "arn:" + part + ":ec2:" + region + ":" + acct + ":"
            + switch (r.nextInt(4)) {
              case 0 -> "instance/i-" + hex(r, 17);
              case 1 -> "security-group/sg-" + hex(r, 17);
              case 2 -> "volume/vol-" + hex(r, 17);
              default -> "image/ami-" + hex(r, 17);
            };
        case 14 -> "arn:" + part + ":kms:" + region + ":" + acct + ":"
            + (r.nextInt(4) == 0 ? "alias/" + pick(r, WORDS) : "key/" + uuid(r));
        case 15 -> "arn:" + part + ":dynamodb:" + region + ":" + acct + ":table/"
            + pick(r, NAMES) + switch (r.nextInt(3)) {
              case 0 -> "";
              case 1 -> "/index/By" + pick(r, WORDS);
              default -> "/stream/2024-03-11T09:00:00.123";
            };
        case 16 -> "arn:" + part + ":sns:" + region + ":" + acct + ":" + pick(r, WORDS) + "-alerts"
            + (r.nextBoolean() ? "" : ":" + uuid(r));
        case 17 -> "arn:" + part + ":sqs:" + region + ":" + acct + ":" + pick(r, WORDS) + "-jobs"
            + (r.nextBoolean() ? "" : ".fifo");
        case 18 -> "arn:" + part + ":secretsmanager:" + region + ":" + acct + ":secret:"
            + pick(r, WORDS) + "/" + pick(r, WORDS) + "-" + hex(r, 6);
        default -> "arn:" + part + ":iam::" + acct + ":role/" + pick(r, PATHS) + pick(r, NAMES);
      };
    }
    return out;
  }

  /** Typical policy resource patterns (every one has the five colons of a full ARN or is {@code *}). */
  public static String[] patterns() {
    return new String[] {
      "*",
      "arn:aws:s3:::*",
      "arn:aws:s3:::data-*/*",
      "arn:aws:s3:::backup-prod-*/*",
      "arn:*:s3:::*/logs/*",
      "arn:aws:iam::*:role/*",
      "arn:aws:iam::*:role/service-role/*",
      "arn:aws:iam::*:role/Admin",
      "arn:aws:iam::*:user/alice",
      "arn:aws:iam::*:policy/*",
      "arn:aws:sts::*:assumed-role/AWSReservedSSO_*/*",
      "arn:aws:sts::*:assumed-role/*/i-*",
      "arn:aws:lambda:*:*:function:*",
      "arn:aws:lambda:*:*:function:deploy-bot:*",
      "arn:aws:logs:*:*:log-group:/aws/lambda/*:*",
      "arn:aws:logs:*:*:*",
      "arn:aws:ec2:*:*:instance/*",
      "arn:aws:ec2:us-east-1:*:security-group/sg-*",
      "arn:aws:kms:*:*:key/*",
      "arn:aws:kms:*:*:alias/*",
      "arn:aws:dynamodb:*:*:table/*/index/*",
      "arn:aws:dynamodb:*:*:table/Admin",
      "arn:aws:sns:*:*:*-alerts",
      "arn:aws:sqs:*:*:*.fifo",
      "arn:aws:secretsmanager:*:*:secret:prod/*",
      "arn:aws-cn:*:*:*:*",
      "arn:aws-us-gov:iam::*:role/*",
      "arn:aws:*:us-east-?:*:*",
      "arn:*:*:*:1?4*:*",
      "arn:aws:s3:::*data*/*2024*",
    };
  }

  /** Pairs {wider, narrower} (and some that do not cover) of typical policy patterns. */
  public static String[][] coverPairs() {
    return new String[][] {
      {"*", "arn:aws:s3:::b/*"},
      {"arn:aws:s3:::*", "arn:aws:s3:::b/*"},
      {"arn:aws:s3:::b/*", "arn:aws:s3:::b/logs/*"},
      {"arn:aws:s3:::b/logs/*", "arn:aws:s3:::b/*"},
      {"arn:aws:s3:::*/logs/*", "arn:aws:s3:::b/logs/2024/*"},
      {"arn:aws:iam::*:role/*", "arn:aws:iam::123456789012:role/service-role/*"},
      {"arn:aws:iam::123456789012:role/*", "arn:aws:iam::*:role/x"},
      {"arn:aws:iam::*:role/service-role/*", "arn:aws:iam::*:role/*"},
      {"arn:aws:sts::*:assumed-role/*/*", "arn:aws:sts::123456789012:assumed-role/Admin/*"},
      {"arn:aws:lambda:*:*:function:*", "arn:aws:lambda:us-east-1:123456789012:function:f:*"},
      {"arn:aws:lambda:*:*:function:f", "arn:aws:lambda:*:*:function:f:*"},
      {"arn:aws:logs:*:*:log-group:*", "arn:aws:logs:us-east-1:*:log-group:/aws/lambda/f:*"},
      {"arn:aws:logs:*:*:log-group:/aws/*:*", "arn:aws:logs:*:*:log-group:/aws/lambda/*:*"},
      {"arn:aws:ec2:*:*:*", "arn:aws:ec2:us-east-1:123456789012:instance/*"},
      {"arn:aws:ec2:*:*:instance/*", "arn:aws:ec2:*:*:volume/*"},
      {"arn:aws:kms:*:123456789012:key/*", "arn:aws:kms:us-east-1:123456789012:key/1234*"},
      {"arn:aws:dynamodb:*:*:table/t", "arn:aws:dynamodb:*:*:table/t/index/*"},
      {"arn:aws:dynamodb:*:*:table/t*", "arn:aws:dynamodb:*:*:table/t/index/*"},
      {"arn:aws:s3:::*-prod-?/*", "arn:aws:s3:::app-prod-1/*"},
      {"arn:*:s3:::*", "arn:aws-cn:s3:::b/*"},
    };
  }

  private static String pick(SplittableRandom r, String[] a) {
    return a[r.nextInt(a.length)];
  }

  private static String account(SplittableRandom r) {
    return Long.toString(100_000_000_000L + r.nextLong(900_000_000_000L));
  }

  private static String bucket(SplittableRandom r) {
    return pick(r, WORDS) + "-" + pick(r, WORDS) + "-" + r.nextInt(1000);
  }

  private static String key(SplittableRandom r) {
    List<String> parts = new ArrayList<>();
    int depth = 1 + r.nextInt(5);
    for (int i = 0; i < depth; i++) {
      parts.add(pick(r, WORDS));
    }
    return String.join("/", parts) + "/" + hex(r, 8) + (r.nextBoolean() ? ".json.gz" : ".parquet");
  }

  private static String hex(SplittableRandom r, int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append("0123456789abcdef".charAt(r.nextInt(16)));
    }
    return sb.toString();
  }

  private static String uuid(SplittableRandom r) {
    return hex(r, 8) + "-" + hex(r, 4) + "-" + hex(r, 4) + "-" + hex(r, 4) + "-" + hex(r, 12);
  }
}
