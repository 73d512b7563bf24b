package io.cloudir.cli.internal;

import io.cloudir.aws.AwsSourceException;
import io.cloudir.aws.FetchedObject;
import io.cloudir.aws.ObjectFailure;
import io.cloudir.aws.S3LogObject;
import io.cloudir.aws.S3LogQuery;
import io.cloudir.aws.S3LogSource;
import io.cloudir.parsers.AwsLogKey;
import io.cloudir.parsers.LogSource;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
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
  private final AwsOptions aws;
  private final Function<String, S3LogQuery> queries;
  private final boolean skipDigests;
  private final PrintStream err;
  private @Nullable S3LogSource source;
  private final List<S3LogSource.Sources> open = new ArrayList<>();
  private int failures;
  private long objects;
  private long digestsSkipped;
  private boolean used;

  S3Inputs(S3Options options, PrintStream err) {
    this(options.aws(), options::query, false, err);
  }

  /**
   * Inputs listed with these AWS options and queries.
   *
   * @param skipDigests leave CloudTrail digest files out (they hold no records), unread
   */
  S3Inputs(AwsOptions aws, Function<String, S3LogQuery> queries, boolean skipDigests,
      PrintStream err) {
    this.aws = aws;
    this.queries = queries;
    this.skipDigests = skipDigests;
    this.err = err;
  }

  /**
   * The sources of one {@code s3://} path, in key order.
   *
   * @throws IllegalArgumentException for bad options
   * @throws AwsSourceException when listing fails
   */
  List<LogSource> sources(String uri) {
    S3LogQuery q = queries.apply(uri);
    S3LogSource s = source;
    if (s == null) {
      s = S3LogSource.create(aws.config(null));
      source = s;
    }
    used = true;
    List<S3LogObject> objects = new ArrayList<>();
    for (S3LogObject o : s.list(q)) {
      if (skipDigests && o.layout().map(AwsLogKey::isDigest).orElse(false)) {
        digestsSkipped++;
      } else {
        objects.add(o);
      }
    }
    this.objects += objects.size();
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

  /**
   * The {@code key=value} pairs of the run summary for the {@code s3://} paths ({@code objects}
   * listed and read, {@code digestsSkipped} left out, {@code failed} objects), or "" when there were
   * none.
   */
  String summary() {
    if (!used) {
      return "";
    }
    return " objects=" + objects + (skipDigests ? " digestsSkipped=" + digestsSkipped : "") + " failed="
        + failures;
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
