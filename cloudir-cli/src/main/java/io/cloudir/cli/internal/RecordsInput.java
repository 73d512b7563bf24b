package io.cloudir.cli.internal;

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

  /** Reads; on a usage or I/O error sets {@link #error} (records read so far are kept). */
  static RecordsInput read(Io io, List<String> paths) {
    return read(io, paths, false);
  }

  /** Reads, with a progress bar on standard error when {@code progress} and the Io allow it. */
  static RecordsInput read(Io io, List<String> paths, boolean progress) {
    RecordsInput in = new RecordsInput();
    PrintStream err = io.err();
    List<LogSource> sources = new ArrayList<>();
    for (String p : paths) {
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
        return in;
      }
      try {
        sources.addAll(LogSource.expand(List.of(p)));
      } catch (UncheckedIOException e) {
        in.error = ParseCommand.describe(e.getCause());
        return in;
      } catch (IllegalArgumentException e) {
        in.error = String.valueOf(e.getMessage());
        return in;
      }
    }
    Progress bar = new Progress(err, progress && io.progress(), sources.size(), System::nanoTime);
    LogReader reader = LogReader.builder()
        .onRejection(r -> {
          bar.clear();
          err.println(ParseCommand.format(r));
        })
        .parallelism(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())))
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
    return in;
  }

  private static boolean exists(String p) {
    try {
      return Files.exists(Path.of(p));
    } catch (InvalidPathException e) {
      return false;
    }
  }
}
