package io.cloudir.cli.internal;

import io.cloudir.aws.AwsSourceException;
import io.cloudir.aws.S3Uri;
import io.cloudir.model.LogRecord;
import io.cloudir.model.SourceType;
import io.cloudir.ocsf.EcsWriter;
import io.cloudir.ocsf.OcsfWriter;
import io.cloudir.parsers.LogReader;
import io.cloudir.parsers.LogSource;
import io.cloudir.parsers.ReadStats;
import io.cloudir.parsers.RecordStream;
import io.cloudir.parsers.Rejection;
import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cloudir parse [--type T] [--format json|ocsf|ecs] [--rejects FILE] PATH...}: every record
 * as one JSON line on standard output, in input order (as delivered, or as an OCSF 1.1 event, or
 * as an ECS document); rejections on standard error as they happen (and as JSON lines
 * in {@code --rejects}); the summary line {@code parsed=N rejected=M warnings=W skipped=S} last on
 * standard error.
 *
 * <p>Not thread-safe (picocli fills its fields; one call per instance).
 */
@Command(
    name = "parse",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Reads AWS logs and writes one JSON object per record per line, in input order.",
      "Formats are detected from content; gzip is read transparently; directories are read"
          + " recursively in sorted path order; '-' reads standard input.",
      "Standard error ends with: parsed=N rejected=M warnings=W skipped=S"
    },
    footer = {"", "Exit codes: 0 nothing rejected, 2 something rejected or an s3:// object not read"
        + " whole (the rest was written),"
        + " 1 usage or I/O error."})
final class ParseCommand implements Callable<Integer> {
  /** The values of {@code --type}, in the order of the contract. */
  static final List<String> TYPES = List.of(
      "auto", "cloudtrail", "vpcflow", "waf", "route53-resolver", "route53-public", "s3-access",
      "alb");

  private static final int TICK_MASK = 255;

  private final Io io;

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      defaultValue = "auto",
      description = "auto (default), cloudtrail, vpcflow, waf, route53-resolver, route53-public,"
          + " s3-access or alb.")
  String type = "auto";

  /** The values of {@code --format}. */
  static final List<String> FORMATS = List.of("json", "ocsf", "ecs");

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "json",
      description = "json (default: each record as delivered), ocsf (OCSF 1.1 events) or ecs"
          + " (Elastic Common Schema 8 documents).")
  String format = "json";

  @Option(
      names = "--rejects",
      paramLabel = "FILE",
      description = "Also write each rejection as a JSON line {source, offset, line, reason,"
          + " snippet} to FILE.")
  @Nullable Path rejects;

  @Parameters(
      paramLabel = "PATH",
      arity = "1..*",
      description = "Files, directories (recursive), s3://bucket/prefix or '-' for standard input.")
  List<String> paths = new ArrayList<>();

  @Mixin S3Options s3 = new S3Options();

  ParseCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    PrintStream err = io.err();
    if (!TYPES.contains(type)) {
      return usage("unknown --type " + type + " (expected one of " + String.join(", ", TYPES) + ")");
    }
    if (!FORMATS.contains(format)) {
      return usage("unknown --format " + format + " (expected one of "
          + String.join(", ", FORMATS) + ")");
    }
    LogReader.Builder builder = LogReader.builder();
    try {
      builder.type(type.equals("auto") ? null : SourceType.of(type)).build(); // validates the type
    } catch (IllegalArgumentException e) {
      return usage("--type " + type + " is not supported yet");
    }
    try (S3Inputs remote = new S3Inputs(s3, err)) {
      return read(builder, remote);
    }
  }

  private Integer read(LogReader.Builder builder, S3Inputs remote) {
    PrintStream err = io.err();
    List<LogSource> sources = new ArrayList<>();
    for (String p : paths) {
      if (S3Uri.isS3(p)) {
        try {
          sources.addAll(remote.sources(p));
        } catch (IllegalArgumentException | AwsSourceException e) {
          return usage(String.valueOf(e.getMessage()));
        }
        continue;
      }
      if (p.equals("-")) {
        sources.add(stdin(io.in()));
        continue;
      }
      if (!exists(p)) {
        return usage("no such file or directory: " + p);
      }
      try {
        sources.addAll(LogSource.expand(List.of(p)));
      } catch (UncheckedIOException e) {
        return usage(describe(e.getCause()));
      } catch (IllegalArgumentException e) {
        return usage(String.valueOf(e.getMessage()));
      }
    }

    Progress progress = new Progress(err, io.progress(), sources.size(), System::nanoTime);
    RejectSink sink;
    try {
      sink = new RejectSink(err, progress, rejects);
    } catch (IOException e) {
      return usage("cannot write " + rejects + ": " + describe(e));
    }
    LogReader reader = builder.onRejection(sink).build();
    JsonLineWriter writer = new JsonLineWriter(io.out(), progress::clear);
    boolean failed = false;
    ReadStats stats = ReadStats.EMPTY;
    try (RecordStream records = reader.open(sources)) {
      sink.stream = records;
      try {
        long n = 0;
        for (LogRecord r : records) {
          switch (format) {
            case "ocsf" -> writer.writeText(OcsfWriter.create().write(r));
            case "ecs" -> writer.writeText(EcsWriter.create().write(r));
            default -> writer.write(r);
          }
          if ((++n & TICK_MASK) == 0) {
            if (writer.failed()) {
              records.cancel();
            }
            progress.tick(records.stats());
          }
        }
      } catch (UncheckedIOException e) {
        progress.clear();
        long opened = records.stats().files();
        String where = opened > 0 && opened <= sources.size()
            ? sources.get((int) opened - 1).name() + ": " : "";
        err.println("cloudir: " + where + describe(e.getCause()));
        failed = true;
      }
      stats = records.stats();
    }
    writer.flush();
    if (writer.failed()) {
      progress.clear();
      err.println("cloudir: standard output was closed: stopped reading");
      failed = true;
    }
    IOException rejectsError = sink.close();
    if (rejectsError != null) {
      err.println("cloudir: cannot write " + rejects + ": " + describe(rejectsError));
      failed = true;
    }
    progress.clear();
    err.println(stats.summary() + (remote.failures() > 0 ? " failed=" + remote.failures() : ""));
    err.flush();
    if (failed) {
      return Cli.ERROR;
    }
    return stats.rejected() > 0 || remote.failures() > 0 ? Cli.REJECTED : Cli.OK;
  }

  private int usage(String message) {
    io.err().println("cloudir: " + message);
    io.err().flush();
    return Cli.ERROR;
  }

  private static boolean exists(String p) {
    try {
      return Files.exists(Path.of(p));
    } catch (InvalidPathException e) {
      return false;
    }
  }

  private static LogSource stdin(InputStream in) {
    return LogSource.of("-", () -> new FilterInputStream(in) {
      @Override
      public void close() {
        // standard input stays open
      }
    });
  }

  /** A short description of an I/O failure. */
  static String describe(@Nullable Throwable e) {
    if (e == null) {
      return "I/O error";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory: " + e.getMessage();
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied: " + e.getMessage();
    }
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }

  /** One rejection as a line of standard error. */
  static String format(Rejection r) {
    StringBuilder sb = new StringBuilder(96).append("cloudir: ").append(r.source())
        .append(":offset ").append(r.offset());
    if (r.line() >= 0) {
      sb.append(":line ").append(r.line());
    }
    return sb.append(": ").append(r.reason()).toString();
  }

  /** Prints each rejection to standard error and, if asked, to the rejects file. */
  private static final class RejectSink implements java.util.function.Consumer<Rejection> {
    private final PrintStream err;
    private final Progress progress;
    private final @Nullable BufferedWriter file;
    private @Nullable IOException error;
    @Nullable RecordStream stream;

    RejectSink(PrintStream err, Progress progress, @Nullable Path path) throws IOException {
      this.err = err;
      this.progress = progress;
      this.file = path == null ? null : Files.newBufferedWriter(path, StandardCharsets.UTF_8);
    }

    @Override
    public void accept(Rejection r) {
      progress.clear();
      err.println(format(r));
      BufferedWriter f = file;
      if (f != null && error == null) {
        try {
          f.write(r.toJson());
          f.write('\n');
        } catch (IOException e) {
          error = e;
          RecordStream s = stream;
          if (s != null) {
            s.cancel();
          }
        }
      }
    }

    /** Closes the file; the first error met while writing it, if any. */
    @Nullable IOException close() {
      BufferedWriter f = file;
      if (f != null) {
        try {
          f.close();
        } catch (IOException e) {
          if (error == null) {
            error = e;
          }
        }
      }
      return error;
    }
  }
}
