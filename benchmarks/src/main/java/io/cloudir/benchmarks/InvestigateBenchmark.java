package io.cloudir.benchmarks;

import io.cloudir.investigate.Attribution;
import io.cloudir.investigate.Attributor;
import io.cloudir.investigate.Deduplicator;
import io.cloudir.investigate.Timeline;
import io.cloudir.model.LogRecord;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.parsers.LogReader;
import io.cloudir.parsers.LogSource;
import io.cloudir.parsers.RecordStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Identity attribution and timelines over a generated CloudTrail dataset with realistic role
 * chaining, against parsing the same bytes alone (single thread, one operation = the whole
 * dataset, so events/s = ops/s × {@link #events}).
 *
 * <ul>
 *   <li>{@code parse}: read every event (JSON lines) and touch its eventID.
 *   <li>{@code parseAttribute}: the same plus streaming attribution ({@link
 *       Attributor#observeAndAttribute}) and a windowed {@link Deduplicator} — the cost the
 *       target (≤ 20 % over parsing) is about.
 *   <li>{@code parseAttributeOnly} and {@code parseDedup}: the two parts of {@code
 *       parseAttribute} alone, to show where its cost goes.
 *   <li>{@code parseTimeline}: the same bytes into {@link Timeline#of} (keeps every record, sorts,
 *       attributes): the in-memory path of {@code cloudir timeline}.
 * </ul>
 *
 * <p>The dataset ({@link #generate}): 200 IAM users with long-term keys; about one event in 40
 * is an {@code AssumeRole} minting a new session, made by the user (60 %) or by one of that user's
 * live sessions (chains of depth 1–4); about 3 % of sessions have no minting event in the data
 * (partial attributions); calls use a random live session of a random user; events are in time
 * order, one every 10 ms.
 *
 * <p>Thread-safety: JMH state, one instance per trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
public class InvestigateBenchmark {
  /** Number of events in the dataset. */
  @Param({"1000000"})
  public int events = 1_000_000;

  byte[] data = new byte[0];

  @Setup(Level.Trial)
  public void setup() {
    data = generate(20240311L, events);
  }

  /** The deterministic dataset as JSON lines. */
  public static byte[] generate(long seed, int n) {
    SplittableRandom rnd = new SplittableRandom(seed);
    String acct = "111122223333";
    int users = 200;
    List<List<String[]>> live = new ArrayList<>(); // per user: sessions {key, role, session, depth}
    for (int u = 0; u < users; u++) {
      live.add(new ArrayList<>());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(n * 700);
    long t0 = Instant.parse("2026-03-14T00:00:00Z").toEpochMilli();
    long keyCounter = 0;
    String[] names = {"GetObject", "PutObject", "DescribeInstances", "ListBuckets", "Decrypt",
        "GetSecretValue", "DeleteFlowLogs", "CreateUser", "AttachRolePolicy", "RunInstances"};
    String[] sources = {"s3", "s3", "ec2", "s3", "kms", "secretsmanager", "ec2", "iam", "iam", "ec2"};
    StringBuilder sb = new StringBuilder(1024);
    for (int i = 0; i < n; i++) {
      int u = rnd.nextInt(users);
      String user = "user" + u;
      String akia = String.format("AKIA%016d", u);
      List<String[]> sessions = live.get(u);
      String time = Instant.ofEpochMilli(t0 + i * 10L).toString();
      sb.setLength(0);
      String identity;
      boolean mint = rnd.nextInt(40) == 0 || sessions.isEmpty();
      String[] caller = sessions.isEmpty() || rnd.nextInt(10) < 6 ? null
          : sessions.get(rnd.nextInt(sessions.size()));
      if (mint && caller != null && Integer.parseInt(caller[3]) >= 4) {
        caller = null;
      }
      String[] use = mint ? caller : sessions.get(rnd.nextInt(sessions.size()));
      if (use == null) {
        identity = "{\"type\":\"IAMUser\",\"principalId\":\"AIDA" + u + "\",\"arn\":\"arn:aws:iam::"
            + acct + ":user/" + user + "\",\"accountId\":\"" + acct + "\",\"accessKeyId\":\""
            + akia + "\",\"userName\":\"" + user + "\"}";
      } else {
        identity = "{\"type\":\"AssumedRole\",\"principalId\":\"AROAX:" + use[2] + "\",\"arn\":"
            + "\"arn:aws:sts::" + acct + ":assumed-role/" + use[1] + "/" + use[2] + "\","
            + "\"accountId\":\"" + acct + "\",\"accessKeyId\":\"" + use[0] + "\",\"sessionContext\":"
            + "{\"sessionIssuer\":{\"type\":\"Role\",\"principalId\":\"AROAX\",\"arn\":"
            + "\"arn:aws:iam::" + acct + ":role/" + use[1] + "\",\"accountId\":\"" + acct
            + "\",\"userName\":\"" + use[1] + "\"},\"attributes\":{\"creationDate\":\"" + time
            + "\",\"mfaAuthenticated\":\"false\"}}}";
      }
      sb.append("{\"eventVersion\":\"1.08\",\"userIdentity\":").append(identity)
          .append(",\"eventTime\":\"").append(time).append("\",");
      if (mint) {
        String key = String.format("ASIA%016d", ++keyCounter);
        String role = "role-" + rnd.nextInt(30);
        String session = "aws-go-sdk-" + (1710406800000L + i);
        sb.append("\"eventSource\":\"sts.amazonaws.com\",\"eventName\":\"AssumeRole\",")
            .append("\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"198.51.100.").append(u % 250)
            .append("\",\"userAgent\":\"aws-sdk-go/1.44\",\"requestParameters\":{\"roleArn\":")
            .append("\"arn:aws:iam::").append(acct).append(":role/").append(role)
            .append("\",\"roleSessionName\":\"").append(session).append("\",\"durationSeconds\":900},")
            .append("\"responseElements\":{\"credentials\":{\"accessKeyId\":\"").append(key)
            .append("\",\"sessionToken\":\"IQoJb3JpZ2luX2VjEH\",\"expiration\":\"Mar 14, 2026, 1:00:00 AM\"},")
            .append("\"assumedRoleUser\":{\"assumedRoleId\":\"AROAX:").append(session)
            .append("\",\"arn\":\"arn:aws:sts::").append(acct).append(":assumed-role/").append(role)
            .append('/').append(session).append("\"}},");
        int depth = caller == null ? 1 : Integer.parseInt(caller[3]) + 1;
        if (rnd.nextInt(33) == 0) {
          // a session whose mint is not in the data: the next calls reuse a key never minted here
          key = String.format("ASIAX%015d", keyCounter);
        }
        sessions.add(new String[] {key, role, session, Integer.toString(depth)});
        if (sessions.size() > 8) {
          sessions.remove(0);
        }
      } else {
        int k = rnd.nextInt(names.length);
        sb.append("\"eventSource\":\"").append(sources[k]).append(".amazonaws.com\",\"eventName\":\"")
            .append(names[k]).append("\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"198.51.100.")
            .append(u % 250).append("\",\"userAgent\":\"aws-cli/2.15\",\"requestParameters\":")
            .append("{\"bucketName\":\"b").append(rnd.nextInt(100)).append("\"},\"responseElements\":null,");
        if (rnd.nextInt(20) == 0) {
          sb.append("\"errorCode\":\"AccessDenied\",");
        }
      }
      sb.append("\"requestID\":\"r").append(i).append("\",\"eventID\":\"00000000-0000-4000-8000-")
          .append(String.format("%012d", i)).append("\",\"readOnly\":false,\"eventType\":\"AwsApiCall\",")
          .append("\"managementEvent\":true,\"recipientAccountId\":\"").append(acct)
          .append("\",\"eventCategory\":\"Management\"}\n");
      out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  private RecordStream open() {
    return LogReader.create().open(List.of(LogSource.of("generated.jsonl", data)));
  }

  @Benchmark
  public long parse() {
    long h = 0;
    try (RecordStream rs = open()) {
      for (LogRecord r : rs) {
        CloudTrailEvent e = (CloudTrailEvent) r;
        h += e.eventTimeMillis();
      }
    }
    return h;
  }

  @Benchmark
  public long parseAttribute() {
    long h = 0;
    Attributor at = new Attributor();
    Deduplicator dedup = Deduplicator.windowed(Duration.ofMinutes(5));
    try (RecordStream rs = open()) {
      for (LogRecord r : rs) {
        CloudTrailEvent e = (CloudTrailEvent) r;
        h += e.eventTimeMillis();
        if (dedup.accept(e)) {
          Attribution a = at.observeAndAttribute(e);
          h += a.via().size() + a.origin().id().length();
        }
      }
    }
    return h;
  }

  /** {@link #parseAttribute} without the deduplicator: what attribution alone adds. */
  @Benchmark
  public long parseAttributeOnly() {
    long h = 0;
    Attributor at = new Attributor();
    try (RecordStream rs = open()) {
      for (LogRecord r : rs) {
        CloudTrailEvent e = (CloudTrailEvent) r;
        h += e.eventTimeMillis();
        Attribution a = at.observeAndAttribute(e);
        h += a.via().size() + a.origin().id().length();
      }
    }
    return h;
  }

  /** {@link #parseAttribute} without attribution: what the windowed deduplicator alone adds. */
  @Benchmark
  public long parseDedup() {
    long h = 0;
    Deduplicator dedup = Deduplicator.windowed(Duration.ofMinutes(5));
    try (RecordStream rs = open()) {
      for (LogRecord r : rs) {
        CloudTrailEvent e = (CloudTrailEvent) r;
        h += e.eventTimeMillis();
        if (dedup.accept(e)) {
          h++;
        }
      }
    }
    return h;
  }

  @Benchmark
  public long parseTimeline() {
    List<LogRecord> all = new ArrayList<>(events);
    try (RecordStream rs = open()) {
      rs.forEach(all::add);
    }
    return Timeline.of(all).entries().size();
  }

  /**
   * Prints the attribution results and the memory per tracked session (heap growth after GC while
   * observing every event of a dataset, divided by the sessions tracked); an approximation.
   */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    byte[] d = generate(20240311L, n);
    List<CloudTrailEvent> mints = new ArrayList<>();
    try (RecordStream rs = LogReader.create().open(List.of(LogSource.of("g", d)))) {
      for (LogRecord r : rs) {
        CloudTrailEvent e = (CloudTrailEvent) r;
        if ("AssumeRole".equals(e.eventName())) {
          mints.add(e.detach());
        }
      }
    }
    Runtime rt = Runtime.getRuntime();
    System.gc();
    long before = rt.totalMemory() - rt.freeMemory();
    Attributor at = new Attributor().observeAll(mints);
    System.gc();
    long after = rt.totalMemory() - rt.freeMemory();
    System.out.printf("events=%d bytes=%d mints=%d tracked=%d bytesPerSession=%.0f%n", n, d.length,
        mints.size(), at.trackedSessions(), (after - before) / (double) at.trackedSessions());
  }
}
