package io.cloudir.benchmarks;

import io.cloudir.model.arn.Arn;
import io.cloudir.model.arn.ArnPattern;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import software.amazon.awssdk.arns.ArnResource;

/**
 * ARN parsing, pattern matching and pattern coverage on {@link ArnData}'s inputs.
 *
 * <ul>
 *   <li>{@code parse_*}: parse each of {@link #count} ARNs and read service, region, account,
 *       resource type and resource id (each consumed by the blackhole): cloudir {@link
 *       Arn#parse} against AWS SDK v2 {@code software.amazon.awssdk.arns.Arn.fromString} with its
 *       {@code ArnResource}. One operation is one ARN ({@code @OperationsPerInvocation}).
 *   <li>{@code match_*}: every ARN against every one of the {@link ArnData#patterns()}: cloudir
 *       {@link ArnPattern#matches(String)} against {@code java.util.regex} patterns translated
 *       with the same segment rules ({@link #toRegex}). One operation is one (pattern, ARN) test.
 *   <li>{@code covers_cloudir}: {@link ArnPattern#covers} on {@link ArnData#coverPairs()}, both
 *       ways. One operation is one coverage question.
 * </ul>
 *
 * <p>{@code SameAnswerTest}-style checks live in {@code ArnSameAnswerTest}.
 *
 * <p><b>Reading the parse ratio.</b> JMH runs every fork of {@code parse_awsSdk} before every fork
 * of {@code parse_cloudir}, so with {@code -f N} "fork i" of the two sides ran minutes apart. On a
 * shared machine that compares two different loads: the per-fork ratio then moves by a third while
 * each fork compiles the same code (same inlining decisions, same 264 bytes allocated per ARN, same
 * deoptimisations in warm-up) and the score swings inside one fork. {@code benchmarks/arn-pairs.sh}
 * runs the two sides as one-fork pairs back to back, alternating which goes first, and prints each
 * pair's ratio and the median.
 *
 * <p>Thread-safety: JMH state, one instance per trial; the benchmark methods only read it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class ArnBenchmark {
  /** The number of ARNs; the {@code @OperationsPerInvocation} values assume the default. */
  static final int COUNT = ArnData.DEFAULT_COUNT;

  /** Seed of the ARN mix. */
  @Param({"20240311"})
  public long seed = ArnData.DEFAULT_SEED;

  String[] arns = new String[0];
  ArnPattern[] patterns = new ArnPattern[0];
  Pattern[] regexes = new Pattern[0];
  ArnPattern[] wider = new ArnPattern[0];
  ArnPattern[] narrower = new ArnPattern[0];

  /** Creates the state; JMH calls {@link #setup()} before measuring. */
  public ArnBenchmark() {}

  /** Builds the inputs. */
  @Setup(Level.Trial)
  public void setup() {
    arns = ArnData.arns(seed, COUNT);
    String[] p = ArnData.patterns();
    patterns = new ArnPattern[p.length];
    regexes = new Pattern[p.length];
    for (int i = 0; i < p.length; i++) {
      patterns[i] = ArnPattern.parseWithoutVariables(p[i]);
      regexes[i] = toRegex(p[i]);
    }
    String[][] pairs = ArnData.coverPairs();
    wider = new ArnPattern[pairs.length];
    narrower = new ArnPattern[pairs.length];
    for (int i = 0; i < pairs.length; i++) {
      wider[i] = ArnPattern.parse(pairs[i][0]);
      narrower[i] = ArnPattern.parse(pairs[i][1]);
    }
  }

  /** Pattern matches per invocation of the match benchmarks. */
  static final int MATCHES = COUNT * 30;

  /** Coverage questions per invocation of {@link #covers_cloudir}. */
  static final int COVERS = 40;

  /** cloudir: parse and read service, region, account, resource type, resource id. */
  @Benchmark
  @OperationsPerInvocation(COUNT)
  public void parse_cloudir(Blackhole bh) {
    for (String s : arns) {
      Arn a = Arn.parse(s);
      bh.consume(a.service());
      bh.consume(a.region());
      bh.consume(a.account());
      bh.consume(a.resourceType());
      bh.consume(a.resourceId());
    }
  }

  /**
   * AWS SDK v2: the same parts through {@code Arn.fromString} and its {@code ArnResource}. Equivalent
   * work: {@code fromString} splits the resource into its {@code ArnResource} while parsing (the
   * {@code resource()} accessor returns that field), as {@link Arn#parse} splits type and id at parse
   * time; both sides then hand five values to the blackhole (the SDK's region and account as the
   * {@code Optional}s its API returns).
   */
  @Benchmark
  @OperationsPerInvocation(COUNT)
  public void parse_awsSdk(Blackhole bh) {
    for (String s : arns) {
      software.amazon.awssdk.arns.Arn a = software.amazon.awssdk.arns.Arn.fromString(s);
      bh.consume(a.service());
      bh.consume(a.region());
      bh.consume(a.accountId());
      ArnResource r = a.resource();
      bh.consume(r.resourceType());
      bh.consume(r.resource());
    }
  }

  /** cloudir: validation only ({@link Arn#isValid}, no object). */
  @Benchmark
  @OperationsPerInvocation(COUNT)
  public int validate_cloudir() {
    int n = 0;
    for (String s : arns) {
      if (Arn.isValid(s)) {
        n++;
      }
    }
    return n;
  }

  /** AWS SDK v2: {@code Arn.tryFromString(s).isPresent()}. */
  @Benchmark
  @OperationsPerInvocation(COUNT)
  public int validate_awsSdk() {
    int n = 0;
    for (String s : arns) {
      if (software.amazon.awssdk.arns.Arn.tryFromString(s).isPresent()) {
        n++;
      }
    }
    return n;
  }

  /** cloudir: every pattern against every ARN; returns the number of matches. */
  @Benchmark
  @OperationsPerInvocation(MATCHES)
  public int match_cloudir() {
    int n = 0;
    for (ArnPattern p : patterns) {
      for (String s : arns) {
        if (p.matches(s)) {
          n++;
        }
      }
    }
    return n;
  }

  /** {@code java.util.regex}: the same patterns translated by {@link #toRegex}. */
  @Benchmark
  @OperationsPerInvocation(MATCHES)
  public int match_jdkRegex() {
    int n = 0;
    for (Pattern p : regexes) {
      for (String s : arns) {
        if (p.matcher(s).matches()) {
          n++;
        }
      }
    }
    return n;
  }

  /** cloudir: each pair's coverage both ways; returns how many hold. */
  @Benchmark
  @OperationsPerInvocation(COVERS)
  public int covers_cloudir() {
    int n = 0;
    for (int i = 0; i < wider.length; i++) {
      if (wider[i].covers(narrower[i])) {
        n++;
      }
      if (narrower[i].covers(wider[i])) {
        n++;
      }
    }
    return n;
  }

  /**
   * The regular expression with the meaning of an {@link ArnPattern} without variables: with
   * {@code k} colons and {@code s = min(k, 5)}, in the first {@code s} colon-separated segments
   * {@code *} is {@code [^:]*} and {@code ?} is {@code [^:]}; in the rest {@code .*} and {@code .}
   * (DOTALL).
   */
  static Pattern toRegex(String pattern) {
    StringBuilder re = new StringBuilder();
    int colons = 0;
    int total = 0;
    for (int i = 0; i < pattern.length(); i++) {
      if (pattern.charAt(i) == ':') {
        total++;
      }
    }
    int segments = Math.min(total, 5);
    StringBuilder lit = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      boolean inHeader = colons < segments;
      if (c == '*' || c == '?') {
        if (lit.length() > 0) {
          re.append(Pattern.quote(lit.toString()));
          lit.setLength(0);
        }
        re.append(inHeader ? (c == '*' ? "[^:]*" : "[^:]") : (c == '*' ? ".*" : "."));
      } else {
        if (c == ':') {
          colons++;
        }
        lit.append(c);
      }
    }
    if (lit.length() > 0) {
      re.append(Pattern.quote(lit.toString()));
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL);
  }
}
