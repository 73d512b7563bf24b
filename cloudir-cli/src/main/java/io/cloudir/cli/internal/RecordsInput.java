package io.cloudir.cli.internal;

import io.cloudir.aws.AwsSourceException;
import io.cloudir.aws.S3Uri;
import io.cloudir.model.LogRecord;
import io.cloudir.parsers.LogReader;
import io.cloudir.parsers.LogSource;
import io.cloudir.parsers.ReadStats;
import io.cloudir.parsers.RecordStream;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads every record of the given paths into memory for the investigation commands (formats
 * detected, gzip, directories in sorted order, {@code -} for standard input, rejections printed
 * to standard error as {@code parse} prints them).
 *
 * <p>Not thread-safe (one use).
 */
final class RecordsInput {
  final List<LogRecord> records = new ArrayList<>();
  ReadStats stats = ReadStats.EMPTY;
  @Nullable String error;
  /** The {@link S3Inputs#summary()} of the {@code s3://} paths ("" when none was read). */
  String remoteSummary = "";
  /** The {@code s3://} objects that could not be read whole. */
  int remoteFailures;

  /** Reads; on a usage or I/O error sets {@link #error} (records read so far are kept). */
  static RecordsInput read(Io io, List<String> paths) {
    return read(io, paths, false);
  }

  /** Reads, with a progress bar on standard error when {@code progress} and the Io allow it. */
  static RecordsInput read(Io io, List<String> paths, boolean progress) {
    try (S3Inputs remote = new S3Inputs(new S3Options(), io.err())) {
      return read(io, paths, progress, remote);
    }
  }

  /**
   * Reads, listing under {@code s3://} paths only the day folders of [{@code from}, {@code to})
   * for the accounts and regions of {@code scope} (digest files left out); sets {@link
   * #remoteSummary} and {@link #remoteFailures}.
   */
  static RecordsInput read(Io io, List<String> paths, S3Scope scope, @Nullable Instant from,
      @Nullable Instant to) {
    try (S3Inputs remote = new S3Inputs(scope.aws, uri -> scope.query(uri, from, to), true,
        io.err())) {
      RecordsInput in = read(io, paths, false, remote);
      in.remoteSummary = remote.summary();
      in.remoteFailures = remote.failures();
      return in;
    }
  }

  /**
   * Reads, listing {@code s3://} paths with {@code remote} (which the caller closes, and asks for
   * the objects read and failed).
   */
  static RecordsInput read(Io io, List<String> paths, boolean progress, S3Inputs remote) {
    RecordsInput in = new RecordsInput();
    readAll(in, io, paths, remote, progress);
    return in;
  }

  private static void readAll(RecordsInput in, Io io, List<String> paths, S3Inputs remote,
      boolean progress) {
    PrintStream err = io.err();
    List<LogSource> sources = new ArrayList<>();
    boolean s3 = false;
    for (String p : paths) {
      if (S3Uri.isS3(p)) {
        // s3:// paths: what the remote's query lists (the commands filter records by time)
        try {
          sources.addAll(remote.sources(p));
          s3 = true;
        } catch (IllegalArgumentException | AwsSourceException e) {
          in.error = String.valueOf(e.getMessage());
          return;
        }
        continue;
      }
      if (p.equals("-")) {
        InputStream stdin = io.in();
        sources.add(LogSource.of("-", () -> new FilterInputStream(stdin) {
          @Override
          public void close() {
            // standard input stays open
          }
        }));
        continue;
      }
      if (!exists(p)) {
        in.error = "no such file or directory: " + p;
        return;
      }
      try {
        sources.addAll(LogSource.expand(List.of(p)));
      } catch (UncheckedIOException e) {
        in.error = ParseCommand.describe(e.getCause());
        return;
      } catch (IllegalArgumentException e) {
        in.error = String.valueOf(e.getMessage());
        return;
      }
    }
    Progress bar = new Progress(err, progress && io.progress(), sources.size(), System::nanoTime);
    LogReader reader = LogReader.builder()
        .onRejection(r -> {
          bar.clear();
          err.println(ParseCommand.format(r));
        })
        // s3:// sources are opened in order, one at a time (they download ahead on their own)
        .parallelism(s3 ? 1 : Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())))
        .build();
    try (RecordStream rs = reader.open(sources)) {
      try {
        for (LogRecord r : rs) {
          in.records.add(r);
          if ((in.records.size() & 4095) == 0) {
            bar.tick(rs.stats());
          }
        }
      } catch (UncheckedIOException e) {
        in.error = ParseCommand.describe(e.getCause());
      }
      in.stats = rs.stats();
    }
    bar.clear();
  }

  private static boolean exists(String p) {
    try {
      return Files.exists(Path.of(p));
    } catch (InvalidPathException e) {
      return false;
    }
  }
}
