package io.cloudir.benchmarks;

import io.cloudir.iam.eval.Decision;
import io.cloudir.iam.eval.Evaluator;
import io.cloudir.iam.eval.Request;
import io.cloudir.iam.policy.Policy;
import io.cloudir.iam.snapshot.Snapshot;
import io.cloudir.iam.snapshot.WhoCanEntry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * IAM evaluations per second on the allocation-free decision path (policies and requests compiled
 * in setup): (a) a 2-statement identity policy with one SCP; (b) a role session with 10 managed
 * policies, a permissions boundary and a bucket policy with conditions; plus (b) on the explain
 * path; (c) {@code whoCan} over a generated snapshot of 500 principals (250 users in 10 groups,
 * 250 roles with trust policies and managed policies; the assume-role graph is built in setup, as a
 * long-lived snapshot caches it). Run with {@code -prof gc} to see the allocation per operation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class IamEvaluationBenchmark {
  private static final String A = "111122223333";

  @SuppressWarnings("NullAway.Init") private Evaluator small;
  @SuppressWarnings("NullAway.Init") private Request smallRequest;
  @SuppressWarnings("NullAway.Init") private Evaluator role;
  @SuppressWarnings("NullAway.Init") private Request roleRequest;
  @SuppressWarnings("NullAway.Init") Snapshot snapshot;

  /** The number of users (and of roles) in the generated snapshot of (c). */
  static final int HALF = 250;
  /** The action of the who-can question of (c). */
  static final String WHO_ACTION = "s3:GetObject";
  /** The resource of the who-can question of (c). */
  static final String WHO_RESOURCE = "arn:aws:s3:::corp-data/reports/2026/q1.csv";

  /**
   * A deterministic snapshot: {@link #HALF} users spread over 10 groups (each group with a managed
   * policy on one service, some on the corp-data bucket), {@link #HALF} roles trusting the account
   * (with MFA), a named user, or a service, each with one of the managed policies, some with
   * a boundary; users in the "ops" groups may assume roles.
   */
  static Snapshot snapshot500() {
    String acct = A;
    String[] services = {"ec2", "s3", "dynamodb", "lambda", "sqs", "sns", "logs", "kms", "iam", "sts"};
    StringBuilder sb = new StringBuilder("{\"UserDetailList\":[");
    for (int i = 0; i < HALF; i++) {
      sb.append(i > 0 ? "," : "").append("{\"UserName\":\"user").append(i)
          .append("\",\"Arn\":\"arn:aws:iam::").append(acct).append(":user/user").append(i)
          .append("\",\"GroupList\":[\"group").append(i % 10).append("\"]")
          .append(",\"Tags\":[{\"Key\":\"team\",\"Value\":\"t").append(i % 7).append("\"}]");
      if (i % 25 == 0) {
        sb.append(",\"UserPolicyList\":[{\"PolicyName\":\"inline\",\"PolicyDocument\":")
            .append(doc("{'Effect':'Allow','Action':['s3:GetObject','s3:ListBucket'],'Resource':'arn:aws:s3:::corp-data/reports/*',"
                + "'Condition':{'StringEquals':{'aws:PrincipalTag/team':'t0'}}}")).append("}]");
      }
      sb.append('}');
    }
    sb.append("],\"GroupDetailList\":[");
    for (int g = 0; g < 10; g++) {
      sb.append(g > 0 ? "," : "").append("{\"GroupName\":\"group").append(g)
          .append("\",\"Arn\":\"arn:aws:iam::").append(acct).append(":group/group").append(g)
          .append("\",\"AttachedManagedPolicies\":[{\"PolicyName\":\"svc").append(g)
          .append("\",\"PolicyArn\":\"arn:aws:iam::").append(acct).append(":policy/svc").append(g)
          .append("\"}]");
      if (g % 3 == 0) {
        sb.append(",\"GroupPolicyList\":[{\"PolicyName\":\"assume\",\"PolicyDocument\":")
            .append(doc("{'Effect':'Allow','Action':'sts:AssumeRole','Resource':'arn:aws:iam::" + acct + ":role/app-*'}"))
            .append("}]");
      }
      sb.append('}');
    }
    sb.append("],\"RoleDetailList\":[");
    for (int r = 0; r < HALF; r++) {
      String trust = switch (r % 4) {
        case 0 -> "{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + acct + ":root'},'Action':'sts:AssumeRole',"
            + "'Condition':{'Bool':{'aws:MultiFactorAuthPresent':'true'}}}";
        case 1 -> "{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + acct + ":user/user" + (r % HALF) + "'},'Action':'sts:AssumeRole'}";
        case 2 -> "{'Effect':'Allow','Principal':{'Service':'lambda.amazonaws.com'},'Action':'sts:AssumeRole'}";
        default -> "{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + acct + ":role/app-" + ((r + 1) % HALF) + "'},'Action':'sts:AssumeRole'}";
      };
      sb.append(r > 0 ? "," : "").append("{\"RoleName\":\"app-").append(r)
          .append("\",\"Arn\":\"arn:aws:iam::").append(acct).append(":role/app-").append(r)
          .append("\",\"AssumeRolePolicyDocument\":").append(doc(trust))
          .append(",\"AttachedManagedPolicies\":[{\"PolicyName\":\"svc").append(r % 10)
          .append("\",\"PolicyArn\":\"arn:aws:iam::").append(acct).append(":policy/svc").append(r % 10)
          .append("\"}]");
      if (r % 5 == 0) {
        sb.append(",\"PermissionsBoundary\":{\"PermissionsBoundaryType\":\"Policy\",")
            .append("\"PermissionsBoundaryArn\":\"arn:aws:iam::").append(acct).append(":policy/boundary\"}");
      }
      sb.append('}');
    }
    sb.append("],\"Policies\":[");
    for (int g = 0; g < 10; g++) {
      String svc = services[g];
      String body = "{'Effect':'Allow','Action':['" + svc + ":Get*','" + svc + ":List*','" + svc
          + ":Describe*'],'Resource':'" + (svc.equals("s3") ? "arn:aws:s3:::corp-data/*" : "*") + "'},"
          + "{'Effect':'Deny','Action':'" + svc + ":Delete*','Resource':'*'}";
      sb.append(g > 0 ? "," : "").append(managed("svc" + g, acct, body));
    }
    sb.append(',').append(managed("boundary", acct,
        "{'Effect':'Allow','NotAction':['iam:*','organizations:*'],'Resource':'*'}"));
    sb.append("]}");
    String bucket = "{\"ResourcePolicies\":[{\"Arn\":\"arn:aws:s3:::corp-data\",\"Account\":\"" + acct
        + "\",\"Policy\":" + doc("{'Effect':'Deny','Principal':'*','Action':'s3:*','Resource':'arn:aws:s3:::corp-data/*',"
            + "'Condition':{'Bool':{'aws:SecureTransport':'false'}}}") + "}]}";
    return Snapshot.builder()
        .add("generated-account.json", sb.toString().getBytes(StandardCharsets.UTF_8))
        .add("generated-resource-policies.json", bucket.getBytes(StandardCharsets.UTF_8))
        .build();
  }

  private static String doc(String statements) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements.replace('\'', '"') + "]}";
  }

  private static String managed(String name, String acct, String statements) {
    return "{\"PolicyName\":\"" + name + "\",\"Arn\":\"arn:aws:iam::" + acct + ":policy/" + name
        + "\",\"DefaultVersionId\":\"v1\",\"PolicyVersionList\":[{\"VersionId\":\"v1\","
        + "\"IsDefaultVersion\":true,\"Document\":" + doc(statements) + "}]}";
  }

  private static Policy p(String statements) {
    return Policy.parse(
        "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements.replace('\'', '"') + "]}", null);
  }

  @Setup
  public void setup() {
    small = Evaluator.builder()
        .identityPolicy("id", p("{'Effect':'Allow','Action':['s3:GetObject','s3:ListBucket'],"
            + "'Resource':['arn:aws:s3:::corp-data','arn:aws:s3:::corp-data/*']},"
            + "{'Effect':'Deny','Action':'s3:DeleteObject','Resource':'*'}"))
        .scpLevel(List.of(p("{'Effect':'Allow','Action':'*','Resource':'*'}")))
        .build();
    smallRequest = Request.builder().principal("arn:aws:iam::" + A + ":user/alice")
        .action("s3:GetObject").resource("arn:aws:s3:::corp-data/reports/2026/q1.csv").build();

    String[] services = {"ec2", "s3", "dynamodb", "lambda", "sqs", "sns", "logs", "cloudwatch",
        "kms", "iam"};
    Evaluator.Builder b = Evaluator.builder();
    for (int i = 0; i < 10; i++) {
      String svc = services[i];
      b.identityPolicy("managed" + i, p(
          "{'Sid':'Read" + i + "','Effect':'Allow','Action':['" + svc + ":Get*','" + svc + ":List*','"
              + svc + ":Describe*'],'Resource':'*'},"
              + "{'Sid':'Write" + i + "','Effect':'Allow','Action':['" + svc + ":Put*','" + svc
              + ":Create*'],'Resource':'arn:aws:" + svc + ":*:" + A + ":team-${aws:PrincipalTag/team}-*',"
              + "'Condition':{'StringEquals':{'aws:RequestedRegion':['eu-west-1','us-east-1']}}},"
              + "{'Sid':'DenyOutside" + i + "','Effect':'Deny','Action':'" + svc + ":*','Resource':'*',"
              + "'Condition':{'NotIpAddress':{'aws:SourceIp':['10.0.0.0/8','192.168.0.0/16','2001:db8::/32']},"
              + "'Bool':{'aws:ViaAWSService':'false'}}}"));
    }
    role = b
        .permissionBoundary("boundary", p("{'Effect':'Allow','NotAction':['iam:*','organizations:*'],'Resource':'*'},"
            + "{'Effect':'Deny','Action':'s3:DeleteBucket','Resource':'*'}"))
        .resourcePolicy(p("{'Sid':'TLS','Effect':'Deny','Principal':'*','Action':'s3:*','Resource':"
            + "['arn:aws:s3:::corp-data','arn:aws:s3:::corp-data/*'],'Condition':{'Bool':{'aws:SecureTransport':'false'}}},"
            + "{'Sid':'Org','Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + A + ":role/Analyst'},"
            + "'Action':['s3:GetObject','s3:PutObject'],'Resource':'arn:aws:s3:::corp-data/*',"
            + "'Condition':{'StringEquals':{'aws:PrincipalOrgID':'o-abc123'},'StringLike':{'s3:prefix':['reports/*','']}}}"))
        .scpLevel(List.of(p("{'Effect':'Allow','Action':'*','Resource':'*'}")))
        .scpLevel(List.of(p("{'Effect':'Allow','Action':'*','Resource':'*'}"),
            p("{'Effect':'Deny','NotAction':['iam:*','sts:*','support:*'],'Resource':'*',"
                + "'Condition':{'StringNotEquals':{'aws:RequestedRegion':['eu-west-1','us-east-1']}}}")))
        .build();
    roleRequest = Request.builder().principal("arn:aws:sts::" + A + ":assumed-role/Analyst/alice")
        .action("s3:GetObject").resource("arn:aws:s3:::corp-data/reports/2026/q1.csv")
        .context("aws:SourceIp", "10.1.2.3").context("aws:SecureTransport", "true")
        .context("aws:RequestedRegion", "eu-west-1").context("aws:PrincipalOrgID", "o-abc123")
        .context("aws:PrincipalTag/team", "red").context("aws:ViaAWSService", "false").build();
    if (small.decide(smallRequest) != Decision.ALLOWED || role.decide(roleRequest) != Decision.ALLOWED) {
      throw new IllegalStateException("benchmark cases must be allowed");
    }
    snapshot = snapshot500();
    if (snapshot.whoCan(WHO_ACTION, WHO_RESOURCE).isEmpty()) {
      throw new IllegalStateException("the who-can question must have answers");
    }
  }

  /** (a) 2-statement identity policy + one SCP. */
  @Benchmark
  public Decision smallDecide() {
    return small.decide(smallRequest);
  }

  /** (b) 10 managed policies + boundary + bucket policy with conditions + 2 SCP levels. */
  @Benchmark
  public Decision roleDecide() {
    return role.decide(roleRequest);
  }

  /** (b) on the explain path. */
  @Benchmark
  public Object roleExplain() {
    return role.explain(roleRequest);
  }

  /** (c) who can read an object, over 500 principals and their role chains. */
  @Benchmark
  public List<WhoCanEntry> whoCan500() {
    return snapshot.whoCan(WHO_ACTION, WHO_RESOURCE);
  }
}
