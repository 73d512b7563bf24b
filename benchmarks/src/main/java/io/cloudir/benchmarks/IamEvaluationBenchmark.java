package io.cloudir.benchmarks;

import io.cloudir.iam.eval.Decision;
import io.cloudir.iam.eval.Evaluator;
import io.cloudir.iam.eval.Request;
import io.cloudir.iam.policy.Policy;
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
 * path. Run with {@code -prof gc} to see the allocation per operation.
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
}
