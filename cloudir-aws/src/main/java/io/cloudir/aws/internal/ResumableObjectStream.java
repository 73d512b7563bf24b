package io.cloudir.aws.internal;

import io.cloudir.aws.S3LogObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * The bytes of one S3 object, resumed with a range request at the byte where a read broke, pinned
 * to the version (or ETag) first read. Retries are bounded in all; when they run out, or the
 * object is gone or changed, reads throw {@link ObjectBrokenException}. Not thread-safe.
 */
public final class ResumableObjectStream extends InputStream {
  private final S3Client s3;
  private final S3LogObject object;
  private final Backoff backoff;
  private @Nullable ResponseInputStream<GetObjectResponse> current;
  private long position;
  private long total = -1;
  private int attempts;
  private boolean started;
  private @Nullable String versionId;
  private @Nullable String etag;
  private Map<String, String> metadata = Map.of();
  private @Nullable ObjectBrokenException broken;
  private boolean closed;

  private boolean opened;
  private final java.util.function.Consumer<ObjectBrokenException> onBreak;

  /**
   * A stream that makes its first request on {@link #start()} or the first read, pinned to a
   * version or, when there is none, to an ETag (either may be null).
   */
  public ResumableObjectStream(S3Client s3, S3LogObject object, Backoff backoff,
      @Nullable String versionId, @Nullable String etag,
      java.util.function.Consumer<ObjectBrokenException> onBreak) {
    this.s3 = s3;
    this.object = object;
    this.backoff = backoff;
    this.versionId = versionId;
    this.etag = etag;
    this.onBreak = onBreak;
  }

  /**
   * Makes the first request (with retries), so that the version, ETag, metadata and length are
   * known.
   *
   * @throws ObjectBrokenException if the object cannot be read at all
   */
  public void start() throws ObjectBrokenException {
    if (!started) {
      started = true;
      openWithRetries();
    }
  }

  /** The version read, or null. */
  public @Nullable String versionId() {
    return versionId;
  }

  /** The ETag read (no quotes), or null. */
  public @Nullable String etag() {
    return etag;
  }

  /** The user metadata. */
  public Map<String, String> metadata() {
    return metadata;
  }

  /** The object's length from the first response, or -1. */
  public long length() {
    return total;
  }

  /** Bytes delivered so far. */
  public long position() {
    return position;
  }

  /** Requests made so far. */
  public int attempts() {
    return attempts;
  }

  /** The failure, once the stream has broken. */
  public @Nullable ObjectBrokenException failure() {
    return broken;
  }

  private void openWithRetries() throws ObjectBrokenException {
    while (true) {
      attempts++;
      String failure;
      try {
        open();
        return;
      } catch (SdkServiceException e) {
        int status = e.statusCode();
        String code = e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException a
                && a.awsErrorDetails() != null && a.awsErrorDetails().errorCode() != null
            ? a.awsErrorDetails().errorCode() : "HTTP " + status;
        if (status == 404) {
          throw fail("object no longer exists (" + code + ")" + after());
        }
        if (status == 412) {
          throw fail("object changed while being read (" + code + ", ETag was " + etag + ")" + after());
        }
        if (status == 416 && total >= 0 && position >= total) {
          return; // nothing left to read
        }
        if (status < 500 && status != 429 && !e.isThrottlingException()) {
          throw fail("cannot read (" + code + "): " + e.getMessage());
        }
        failure = code + ": " + e.getMessage();
      } catch (SdkException | UncheckedIOException e) {
        failure = String.valueOf(e.getMessage());
      }
      retryOrFail(failure);
    }
  }

  private String after() {
    return position > 0 ? " after " + position + " bytes" : "";
  }

  private void retryOrFail(String failure) throws ObjectBrokenException {
    if (attempts >= backoff.maxAttempts()) {
      throw fail("gave up after " + attempts + " attempts: " + failure + after());
    }
    if (!backoff.pause(attempts)) {
      throw fail("interrupted" + after());
    }
  }

  private ObjectBrokenException fail(String reason) {
    ObjectBrokenException e = new ObjectBrokenException(object.uri(), reason);
    broken = e;
    onBreak.accept(e);
    return e;
  }

  private void open() {
    GetObjectRequest.Builder r = GetObjectRequest.builder().bucket(object.bucket()).key(object.key());
    String v = versionId;
    String tag = etag;
    if (v != null) {
      r.versionId(v);
    } else if (tag != null) {
      r.ifMatch("\"" + tag + "\"");
    }
    if (position > 0) {
      r.range("bytes=" + position + "-");
    }
    ResponseInputStream<GetObjectResponse> in = s3.getObject(r.build());
    GetObjectResponse resp = in.response();
    if (!opened) {
      opened = true;
      versionId = resp.versionId();
      etag = Lister.unquote(resp.eTag());
      metadata = resp.metadata() == null ? Map.of() : Map.copyOf(resp.metadata());
      Long len = resp.contentLength();
      total = len == null ? -1 : len;
    }
    current = in;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    ObjectBrokenException br = broken;
    if (br != null) {
      throw br;
    }
    if (closed) {
      throw new IOException("closed");
    }
    start();
    while (true) {
      ResponseInputStream<GetObjectResponse> in = current;
      if (in == null) {
        if (total >= 0 && position >= total) {
          return -1;
        }
        openWithRetries();
        continue;
      }
      String failure;
      try {
        int n = in.read(b, off, len);
        if (n > 0) {
          position += n;
          return n;
        }
        if (n < 0) {
          closeCurrent();
          if (total < 0 || position >= total) {
            return -1;
          }
          failure = "connection closed after " + position + " of " + total + " bytes";
        } else {
          continue;
        }
      } catch (IOException | SdkException | UncheckedIOException e) {
        closeCurrent();
        failure = String.valueOf(e.getMessage());
      }
      retryOrFail(failure);
      openWithRetries();
    }
  }

  private void closeCurrent() {
    ResponseInputStream<GetObjectResponse> in = current;
    current = null;
    if (in != null) {
      try {
        in.abort();
        in.close();
      } catch (IOException | RuntimeException ignored) {
        // the connection is discarded either way
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    closeCurrent();
  }
}
