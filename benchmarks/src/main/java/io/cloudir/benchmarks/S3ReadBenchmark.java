package io.cloudir.benchmarks;

import io.cloudir.aws.FetchOptions;
import io.cloudir.aws.FetchedObject;
import io.cloudir.aws.S3LogObject;
import io.cloudir.aws.S3LogQuery;
import io.cloudir.aws.S3LogSource;
import io.cloudir.aws.S3ReadSummary;
import io.cloudir.aws.S3Uri;
import io.cloudir.parsers.LogReader;
import io.cloudir.parsers.LogSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Reading a prefix of {@code objects} small gzip CloudTrail files from an in-process S3Proxy
 * (transient store, real HTTP on loopback): cloudir's S3 source (list, concurrent bounded fetch,
 * streaming gunzip) against the plain sequential SDK loop ({@code listObjectsV2} pages, then
 * {@code getObject} + {@code GZIPInputStream} per object). One operation is one object, so the
 * score is objects/s; MB/s is that times the mean object size (printed by the setup). Every
 * variant returns the decompressed bytes it read (the {@code parse} variant the records), and the
 * setup checks that the variants agree.
 *
 * <p>Thread-safety: JMH state, one instance per trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
public class S3ReadBenchmark {
  static final int OBJECTS = 1000;

  /** Records per object (about 600 bytes each before compression). */
  @Param({"20"})
  public int records = 20;

  /** cloudir's download threads. */
  @Param({"8"})
  public int concurrency = 8;

  @SuppressWarnings("NullAway.Init") // set by the trial setup
  S3Proxy proxy;
  @SuppressWarnings("NullAway.Init") // set by the trial setup
  S3Client s3;
  @SuppressWarnings("NullAway.Init") // set by the trial setup
  S3LogSource source;
  @SuppressWarnings("NullAway.Init") // set by the trial setup
  List<S3LogObject> objects;
  final String bucket = "bench";
  final String prefix = "AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/14/";
  long decompressed;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    proxy = S3Proxy.builder().blobStore(new TransientNio2BlobStore())
        .endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "bench", "bench-secret").build();
    proxy.start();
    s3 = S3Client.builder().endpointOverride(URI.create("http://127.0.0.1:" + proxy.getPort()))
        .forcePathStyle(true).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench-secret")))
        .httpClientBuilder(Apache5HttpClient.builder().maxConnections(concurrency + 2))
        .build();
    s3.createBucket(r -> r.bucket(bucket));
    long stored = 0;
    for (int i = 0; i < OBJECTS; i++) {
      byte[] body = gzip(CloudTrailData.generate(i, records * 600));
      stored += body.length;
      String key = prefix + String.format("111122223333_CloudTrail_us-east-1_20260314T%04dZ_%05d.json.gz", i % 2400, i);
      s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(body));
    }
    source = S3LogSource.of(s3, FetchOptions.defaults().withConcurrency(concurrency));
    objects = source.list(S3LogQuery.of(S3Uri.parse("s3://" + bucket + "/" + prefix)));
    long a = cloudirFetch();
    long b = sdkSequentialLoop();
    if (a != b || objects.size() != OBJECTS) {
      throw new IllegalStateException("variants disagree: " + a + " != " + b + " or " + objects.size());
    }
    decompressed = a;
    System.out.printf("%n%d objects, %.2f MB stored (gzip), %.2f MB decompressed%n",
        OBJECTS, stored / 1e6, a / 1e6);
  }

  static byte[] gzip(byte[] in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(in);
    }
    return out.toByteArray();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    s3.close();
    proxy.stop();
  }

  /** cloudir: list by prefix, concurrent bounded fetch, gunzip each object while streaming. */
  @Benchmark
  @OperationsPerInvocation(OBJECTS)
  public long cloudirFetch() throws IOException {
    List<S3LogObject> listed = source.list(S3LogQuery.of(S3Uri.parse("s3://" + bucket + "/" + prefix)));
    long n = 0;
    byte[] buf = new byte[1 << 16];
    try (S3LogSource.Fetch f = source.fetch(listed)) {
      while (f.hasNext()) {
        FetchedObject o = f.next();
        LogSource src = o.source();
        if (src == null) {
          throw new IllegalStateException(String.valueOf(o.failure()));
        }
        try (InputStream in = new GZIPInputStream(src.open(), 1 << 16)) {
          for (int r; (r = in.read(buf)) > 0; ) {
            n += r;
          }
        }
      }
    }
    return n;
  }

  /** cloudir end to end: list, fetch and parse every CloudTrail record. */
  @Benchmark
  @OperationsPerInvocation(OBJECTS)
  public long cloudirParse() {
    long[] n = {0};
    S3ReadSummary s = source.read(S3LogQuery.of(S3Uri.parse("s3://" + bucket + "/" + prefix)),
        LogReader.create(), (o, r) -> n[0]++);
    if (!s.failures().isEmpty()) {
      throw new IllegalStateException(s.failures().toString());
    }
    return n[0];
  }

  /** The peer: list pages, then getObject + GZIPInputStream, one object after the other. */
  @Benchmark
  @OperationsPerInvocation(OBJECTS)
  public long sdkSequentialLoop() throws IOException {
    long n = 0;
    byte[] buf = new byte[1 << 16];
    ListObjectsV2Request req = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build();
    for (ListObjectsV2Response page : s3.listObjectsV2Paginator(req)) {
      for (S3Object o : page.contents()) {
        try (ResponseInputStream<GetObjectResponse> raw = s3.getObject(r -> r.bucket(bucket).key(o.key()));
            InputStream in = new GZIPInputStream(raw, 1 << 16)) {
          for (int r; (r = in.read(buf)) > 0; ) {
            n += r;
          }
        } catch (UncheckedIOException e) {
          throw e.getCause();
        }
      }
    }
    return n;
  }
}
