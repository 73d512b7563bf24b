package io.cloudir.aws.internal;

import io.cloudir.aws.FetchOptions;
import io.cloudir.aws.FetchedObject;
import io.cloudir.aws.ObjectFailure;
import io.cloudir.aws.S3LogObject;
import io.cloudir.parsers.LogSource;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Downloads objects ahead of the consumer on a bounded pool, returning them in list order. The
 * memory budget is taken and given back on the consumer's thread, in order, so a download never
 * waits for budget held by objects behind it. Not thread-safe: one consumer thread.
 */
public final class Fetcher implements Iterator<FetchedObject>, AutoCloseable {
  private final S3Client s3;
  private final List<S3LogObject> objects;
  private final FetchOptions options;
  private final Backoff backoff;
  private final ExecutorService pool;
  private final ArrayDeque<Future<FetchedObject>> window = new ArrayDeque<>();
  private final ArrayDeque<Long> reserved = new ArrayDeque<>();
  private int submitted;
  private int returned;
  private long buffered;
  private long peakBuffered;
  private long held;
  private int peakInFlight;

  private final java.util.function.Consumer<ObjectFailure> streamFailures;

  /**
   * A fetcher over objects (in that order). Failures of objects too large to buffer happen while
   * they are parsed; they go to {@code streamFailures} (on the parsing thread).
   */
  public Fetcher(S3Client s3, List<S3LogObject> objects, FetchOptions options,
      java.util.function.Consumer<ObjectFailure> streamFailures) {
    this.s3 = s3;
    this.streamFailures = streamFailures;
    this.objects = List.copyOf(objects);
    this.options = options;
    this.backoff = new Backoff(options.maxAttempts(), options.initialBackoff(), options.maxBackoff());
    AtomicInteger n = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(options.concurrency(), r -> {
      Thread t = new Thread(r, "cloudir-s3-fetch-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** The most bytes held at once by downloaded objects not yet released. */
  public long peakBufferedBytes() {
    return peakBuffered;
  }

  /** The most objects downloaded or downloading ahead of the consumer at once. */
  public int peakInFlightObjects() {
    return peakInFlight;
  }

  private void release() {
    buffered -= held;
    held = 0;
  }

  private void fill() {
    while (submitted < objects.size() && window.size() < options.maxInFlightObjects()) {
      S3LogObject o = objects.get(submitted);
      long need = o.size() > options.maxBufferedBytes() ? 0 : o.size();
      if (need > 0 && buffered + need > options.maxBufferedBytes() && !window.isEmpty()) {
        return; // wait until the consumer releases earlier objects
      }
      buffered += need;
      peakBuffered = Math.max(peakBuffered, buffered);
      reserved.add(need);
      window.add(pool.submit(() -> fetch(o)));
      submitted++;
      peakInFlight = Math.max(peakInFlight, window.size());
    }
  }

  @Override
  public boolean hasNext() {
    return returned < objects.size();
  }

  /**
   * The next object in list order; the previous one's buffer is released (do not read its source
   * after this call).
   */
  @Override
  public FetchedObject next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    release();
    fill();
    Future<FetchedObject> f = window.remove();
    Long r = reserved.remove();
    held = r == null ? 0 : r;
    S3LogObject o = objects.get(returned++);
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(o, "interrupted", 0, 0);
    } catch (ExecutionException | CancellationException e) {
      Throwable c = e.getCause() == null ? e : e.getCause();
      return failed(o, "unexpected error: " + c, 0, 0);
    }
  }

  private static FetchedObject failed(S3LogObject o, String reason, int attempts, long bytes) {
    return new FetchedObject(o, null, o.etag(), Map.of(), null,
        new ObjectFailure(o, reason, attempts, bytes));
  }

  private FetchedObject fetch(S3LogObject o) {
    ResumableObjectStream in = new ResumableObjectStream(s3, o, backoff, null, null, e -> {});
    try {
      in.start();
    } catch (ObjectBrokenException e) {
      in.close();
      return failed(o, e.reason(), in.attempts(), 0);
    }
    long len = in.length();
    if (o.size() > options.maxBufferedBytes() || len > options.maxBufferedBytes()) {
      // too large to hold: streamed when the consumer gets there, pinned to this version
      in.close();
      String v = in.versionId();
      String tag = in.etag();
      LogSource src = LogSource.of(o.uri(), () -> {
        ResumableObjectStream[] ref = new ResumableObjectStream[1];
        ref[0] = new ResumableObjectStream(s3, o, backoff, v, tag, e -> streamFailures.accept(
            new ObjectFailure(o, e.reason(), ref[0].attempts(), ref[0].position())));
        return ref[0];
      });
      return new FetchedObject(o, v, in.etag(), in.metadata(), src, null);
    }
    byte[] buf = new byte[(int) Math.max(0, len)];
    int n = 0;
    ObjectFailure failure = null;
    try {
      while (true) {
        if (n == buf.length) {
          if (len >= 0 && n >= len) {
            break;
          }
          buf = Arrays.copyOf(buf, Math.max(8192, buf.length * 2));
        }
        int r = in.read(buf, n, buf.length - n);
        if (r < 0) {
          break;
        }
        n += r;
      }
    } catch (ObjectBrokenException e) {
      failure = new ObjectFailure(o, e.reason(), in.attempts(), n);
    } catch (IOException e) {
      failure = new ObjectFailure(o, "read failed: " + e.getMessage(), in.attempts(), n);
    } finally {
      in.close();
    }
    byte[] bytes = n == buf.length ? buf : Arrays.copyOf(buf, n);
    LogSource src = failure != null && n == 0 ? null : LogSource.of(o.uri(), bytes);
    return new FetchedObject(o, in.versionId(), in.etag(), in.metadata(), src, failure);
  }

  @Override
  public void close() {
    for (Future<FetchedObject> f : window) {
      f.cancel(true);
    }
    window.clear();
    pool.shutdownNow();
  }
}
