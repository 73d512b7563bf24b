package io.cloudir.cli.internal;

import io.cloudir.aws.AwsSourceException;
import io.cloudir.aws.FetchedObject;
import io.cloudir.aws.ObjectFailure;
import io.cloudir.aws.S3LogObject;
import io.cloudir.aws.S3LogSource;
import io.cloudir.parsers.LogSource;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code s3://} paths as sources for a reader with parallelism 1: listed by the {@link
 * S3Options}, downloaded ahead with bounded memory; an object that cannot be read whole is printed
 * to standard error ({@code cloudir: s3://bucket/key: reason}) and counted, never skipped
 * silently.
 *
 * <p>Not thread-safe (one command).
 */
final class S3Inputs implements AutoCloseable {
  private final S3Options options;
  private final PrintStream err;
  private @Nullable S3LogSource source;
  private final List<S3LogSource.Sources> open = new ArrayList<>();
  private int failures;

  S3Inputs(S3Options options, PrintStream err) {
    this.options = options;
    this.err = err;
  }

  /**
   * The sources of one {@code s3://} path, in key order.
   *
   * @throws IllegalArgumentException for bad options
   * @throws AwsSourceException when listing fails
   */
  List<LogSource> sources(String uri) {
    S3LogSource s = source;
    if (s == null) {
      s = S3LogSource.create(options.aws.config(null));
      source = s;
    }
    List<S3LogObject> objects = s.list(options.query(uri));
    S3LogSource.Sources src = s.sources(objects, this::fetched);
    open.add(src);
    return src.list();
  }

  private void fetched(FetchedObject o) {
    ObjectFailure f = o.failure();
    if (f != null) {
      failures++;
      err.println("cloudir: " + f.object().uri() + ": " + f.reason());
    }
  }

  /** Objects that could not be read whole. */
  int failures() {
    return failures;
  }

  @Override
  public void close() {
    for (S3LogSource.Sources s : open) {
      s.close();
    }
    S3LogSource s = source;
    if (s != null) {
      s.close();
    }
  }
}
