package io.cloudir.aws.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/**
 * A real S3-compatible server (S3Proxy over a transient in-memory store) started in-process, and
 * SDK clients for it: one that checks signatures, one without authentication behind which a
 * {@link FaultProxy} can sit. Shared by the tests of cloudir-aws and (as the test-jar of
 * cloudir-aws) cloudir-cli. Not thread-safe for setup; the server itself serves concurrently.
 */
public final class S3Fixture implements AutoCloseable {
  /** The access key the signing endpoint accepts. */
  public static final String ACCESS = "local-access";
  /** The secret key the signing endpoint accepts. */
  public static final String SECRET = "local-secret";
  private static final AtomicInteger BUCKETS = new AtomicInteger();

  /** The in-memory store behind both endpoints. */
  public final BlobStore store = new TransientNio2BlobStore();
  private final S3Proxy signed;
  private final S3Proxy open;
  /** A client of the signing endpoint. */
  public final S3Client s3;

  /** Starts both endpoints. */
  public S3Fixture() {
    try {
      signed = S3Proxy.builder().blobStore(store).endpoint(URI.create("http://127.0.0.1:0"))
          .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS, SECRET).build();
      signed.start();
      open = S3Proxy.builder().blobStore(store).endpoint(URI.create("http://127.0.0.1:0"))
          .awsAuthentication(AuthenticationType.NONE, null, null).build();
      open.start();
    } catch (Exception e) {
      throw new IllegalStateException("S3Proxy did not start", e);
    }
    s3 = client(endpoint());
  }

  /** The endpoint that checks signatures. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + signed.getPort());
  }

  /** The endpoint without authentication (for a forwarding proxy). */
  public URI openEndpoint() {
    return URI.create("http://127.0.0.1:" + open.getPort());
  }

  /** An SDK client for an endpoint, without the SDK's own retries (cloudir's are under test). */
  public static S3Client client(URI endpoint) {
    return S3Client.builder()
        .endpointOverride(endpoint)
        .forcePathStyle(true)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS, SECRET)))
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  /** A new versioned bucket. */
  public String bucket() {
    String b = "bucket-" + BUCKETS.incrementAndGet();
    s3.createBucket(r -> r.bucket(b));
    s3.putBucketVersioning(r -> r.bucket(b).versioningConfiguration(
        v -> v.status(BucketVersioningStatus.ENABLED)));
    return b;
  }

  /** Puts an object without metadata. */
  public void put(String bucket, String key, byte[] body) {
    put(bucket, key, body, Map.of());
  }

  /** Puts an object with user metadata. */
  public void put(String bucket, String key, byte[] body, Map<String, String> metadata) {
    s3.putObject(r -> r.bucket(bucket).key(key).metadata(metadata), RequestBody.fromBytes(body));
  }

  /** The gzip of a UTF-8 text. */
  public static byte[] gzip(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A CloudTrail delivery file with {@code n} events on 2026-03-14; event ids are {@code tag-i}. */
  public static String trail(String tag, int n) {
    return trail(tag, n, "2026-03-14");
  }

  /**
   * A CloudTrail delivery file with {@code n} GetObject events at 09:0x on {@code day}
   * (YYYY-MM-DD); event ids are {@code tag-i}.
   */
  public static String trail(String tag, int n, String day) {
    StringBuilder sb = new StringBuilder("{\"Records\":[");
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append("{\"eventVersion\":\"1.10\",\"userIdentity\":{\"type\":\"IAMUser\",")
          .append("\"principalId\":\"AIDAEXAMPLE\",\"arn\":\"arn:aws:iam::111122223333:user/alice\",")
          .append("\"accountId\":\"111122223333\",\"userName\":\"alice\"},")
          .append("\"eventTime\":\"").append(day).append("T09:0").append(i % 10).append(":00Z\",")
          .append("\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"GetObject\",")
          .append("\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"203.0.113.7\",")
          .append("\"userAgent\":\"test\",\"requestParameters\":{\"bucketName\":\"b\",\"key\":\"")
          .append("k").append(i).append("\"},\"responseElements\":null,\"eventID\":\"")
          .append(tag).append('-').append(i)
          .append("\",\"eventType\":\"AwsApiCall\",\"recipientAccountId\":\"111122223333\"}");
    }
    return sb.append("]}").toString();
  }

  @Override
  public void close() throws Exception {
    s3.close();
    signed.stop();
    open.stop();
  }
}
