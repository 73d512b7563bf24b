package io.cloudir.aws;

import io.cloudir.aws.internal.Clients;
import io.cloudir.aws.internal.Downloader;
import io.cloudir.aws.internal.Fetcher;
import io.cloudir.aws.internal.Lister;
import io.cloudir.model.LogRecord;
import io.cloudir.parsers.LogReader;
import io.cloudir.parsers.LogSource;
import io.cloudir.parsers.ReadStats;
import io.cloudir.parsers.RecordStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * AWS logs in S3: lists the objects a {@link S3LogQuery} selects (by date prefixes), reads them
 * concurrently with bounded memory and hands each one to {@code cloudir-parsers}, or downloads
 * them into the on-disk layout the offline tools read.
 *
 * <pre>{@code
 * try (S3LogSource s3 = S3LogSource.create(AwsConfig.profile("ir"))) {
 *   S3LogQuery q = S3LogQuery.builder(S3Uri.parse("s3://org-trail-bucket"))
 *       .accounts(List.of("111122223333")).regions(List.of("us-east-1"))
 *       .since(Instant.parse("2026-03-14T00:00:00Z")).until(Instant.parse("2026-03-15T00:00:00Z"))
 *       .build();
 *   S3ReadSummary summary = s3.read(q, LogReader.create(), (object, record) -> {
 *     // record.provenance().source() is s3://bucket/key; object.versionId(), object.etag()
 *   });
 *   summary.failures().forEach(System.err::println);  // never skipped silently
 * }
 * }</pre>
 *
 * <p>Failures of single objects (gone between listing and reading, changed while being read,
 * access denied, retries exhausted) do not stop a read: they are retried as {@link FetchOptions}
 * says, then reported as {@link ObjectFailure}s, and whatever was read of the object is still
 * parsed. A truncated or corrupt gzip object is the parsers' business: its records before the
 * break are kept and one rejection names the object ({@code s3://bucket/key}).
 *
 * <p>Thread-safe: one source may run several reads at once. {@link #close()} closes the S3 client
 * when this source built it.
 */
public final class S3LogSource implements AutoCloseable {
  private final S3Client s3;
  private final boolean owned;
  private final FetchOptions options;

  private S3LogSource(S3Client s3, boolean owned, FetchOptions options) {
    this.s3 = Objects.requireNonNull(s3);
    this.owned = owned;
    this.options = Objects.requireNonNull(options);
  }

  /** A source with its own S3 client built from a configuration, and default fetch options. */
  public static S3LogSource create(AwsConfig config) {
    return create(config, FetchOptions.defaults());
  }

  /** A source with its own S3 client built from a configuration. */
  public static S3LogSource create(AwsConfig config, FetchOptions options) {
    S3Client c = Clients.build(
        S3Client.builder()
            .forcePathStyle(config.pathStyle())
            .crossRegionAccessEnabled(config.endpoint() == null),
        config, Region.US_EAST_1, options.concurrency() + 2, "s3");
    return new S3LogSource(c, true, options);
  }

  /** A source over a caller's S3 client (not closed by {@link #close()}). */
  public static S3LogSource of(S3Client client, FetchOptions options) {
    return new S3LogSource(client, false, options);
  }

  /** The fetch options. */
  public FetchOptions options() {
    return options;
  }

  /**
   * The objects a query selects, sorted by key.
   *
   * @throws AwsSourceException if a listing fails (no such bucket, access denied…)
   */
  public List<S3LogObject> list(S3LogQuery query) {
    return Lister.list(s3, query);
  }

  /**
   * Fetches objects in the given order, downloading ahead as the options allow. Each object's
   * buffer is released by the next call to {@code next()}: use its source before asking for the
   * next one. Close the iterator when done (it stops the downloads).
   */
  public Fetch fetch(List<S3LogObject> objects) {
    return new Fetch(new Fetcher(s3, objects, options, f -> {}));
  }

  /**
   * Lists, fetches and parses: every record goes to {@code sink} with its object, in key order
   * then record order; rejections go to the reader's rejection handler.
   */
  public S3ReadSummary read(S3LogQuery query, LogReader reader, RecordSink sink) {
    return read(list(query), reader, sink);
  }

  /** Fetches and parses the given objects (see {@link #read(S3LogQuery, LogReader, RecordSink)}). */
  public S3ReadSummary read(List<S3LogObject> objects, LogReader reader, RecordSink sink) {
    List<ObjectFailure> failures = Collections.synchronizedList(new ArrayList<>());
    ReadStats stats = ReadStats.EMPTY;
    int complete = 0;
    long bytes = 0;
    try (Fetcher f = new Fetcher(s3, objects, options, failures::add)) {
      while (f.hasNext()) {
        FetchedObject o = f.next();
        ObjectFailure failure = o.failure();
        if (failure != null) {
          failures.add(failure);
        }
        LogSource src = o.source();
        if (src == null) {
          continue;
        }
        int before = failures.size();
        try (RecordStream records = reader.open(List.of(src))) {
          for (LogRecord r : records) {
            sink.accept(o, r);
          }
          stats = stats.plus(records.stats());
        }
        if (failure == null && failures.size() == before) {
          complete++;
        }
        bytes += o.object().size();
      }
    }
    return new S3ReadSummary(objects.size(), complete, bytes, stats, failures);
  }

  /**
   * The given objects as {@link LogSource}s for a caller's own {@code LogReader} (for example
   * mixed with local files): the objects are downloaded ahead as the options allow, and each
   * source, when opened, hands over its object's bytes. The sources must be opened in list order
   * and one at a time (a reader with parallelism 1 does so); opening one releases the buffer of
   * the one before. Each object, once fetched, goes to {@code onFetched} (on the opening thread)
   * before its bytes are read: an object that could not be read whole is reported there (its
   * {@link FetchedObject#failure()}), and its source yields what was read of it (possibly
   * nothing). Close the result when done (it stops the downloads).
   */
  public Sources sources(List<S3LogObject> objects, java.util.function.Consumer<FetchedObject> onFetched) {
    return new Sources(new Fetcher(s3, objects, options, f -> onFetched.accept(
        new FetchedObject(f.object(), null, null, java.util.Map.of(), null, f))), objects, onFetched);
  }

  /**
   * Lists and downloads into {@code dir}: each object becomes {@code dir/KEY}; each CloudTrail
   * digest file gets {@code dir/KEY.metadata.json} beside it, the {@code Metadata} map that
   * {@code aws s3api head-object} prints ({@code {"signature": …, "signature-algorithm": …}}), so
   * the folder verifies offline. Files already present with the listed size are kept, so a
   * rerun resumes an interrupted download.
   */
  public DownloadSummary download(S3LogQuery query, Path dir) {
    return Downloader.download(s3, list(query), dir, options);
  }

  /** Closes the S3 client if this source built it. */
  @Override
  public void close() {
    if (owned) {
      s3.close();
    }
  }

  /**
   * Objects as sources to be opened in order (see {@link #sources}). Not thread-safe: one reading
   * thread. Close it to stop the downloads.
   */
  public static final class Sources implements AutoCloseable {
    private final Fetcher fetcher;
    private final List<LogSource> list;
    private int opened;

    private Sources(Fetcher fetcher, List<S3LogObject> objects,
        java.util.function.Consumer<FetchedObject> onFetched) {
      this.fetcher = fetcher;
      List<LogSource> l = new ArrayList<>();
      for (int i = 0; i < objects.size(); i++) {
        int index = i;
        S3LogObject o = objects.get(i);
        l.add(LogSource.of(o.uri(), () -> open(index, onFetched)));
      }
      this.list = List.copyOf(l);
    }

    private synchronized java.io.InputStream open(int index,
        java.util.function.Consumer<FetchedObject> onFetched) throws java.io.IOException {
      if (index != opened) {
        throw new java.io.IOException("the sources of an S3 fetch are opened once each, in order"
            + " (asked for " + index + ", next is " + opened + ")");
      }
      opened++;
      FetchedObject f = fetcher.next();
      onFetched.accept(f);
      LogSource src = f.source();
      return src == null ? java.io.InputStream.nullInputStream() : src.open();
    }

    /** The sources, in list order. */
    public List<LogSource> list() {
      return list;
    }

    /** Stops the downloads. */
    @Override
    public void close() {
      fetcher.close();
    }
  }

  /**
   * Objects being fetched, in order. Not thread-safe: one consumer. Close it to stop the
   * downloads.
   */
  public static final class Fetch implements Iterator<FetchedObject>, AutoCloseable {
    private final Fetcher fetcher;

    private Fetch(Fetcher fetcher) {
      this.fetcher = fetcher;
    }

    @Override
    public boolean hasNext() {
      return fetcher.hasNext();
    }

    /** The next object; the previous one's buffer is released. */
    @Override
    public FetchedObject next() {
      return fetcher.next();
    }

    /** The most bytes held at once by objects downloaded ahead (never above the bound). */
    public long peakBufferedBytes() {
      return fetcher.peakBufferedBytes();
    }

    /** The most objects downloaded or downloading ahead at once. */
    public int peakInFlightObjects() {
      return fetcher.peakInFlightObjects();
    }

    /** Stops the downloads. */
    @Override
    public void close() {
      fetcher.close();
    }
  }
}
