package io.cloudir.cli.internal;

import io.cloudir.aws.AwsSourceException;
import io.cloudir.aws.DownloadSummary;
import io.cloudir.aws.ObjectFailure;
import io.cloudir.aws.S3LogSource;
import io.cloudir.aws.S3Uri;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * {@code cloudir fetch s3://bucket/prefix... --out DIR}: downloads evidence into the on-disk
 * layout the offline commands read ({@code DIR/KEY}, digest files with {@code
 * KEY.metadata.json} beside them), resuming a previous run.
 *
 * <p>Not thread-safe (picocli fills its fields; one call per instance).
 */
@Command(
    name = "fetch",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Downloads AWS logs from S3 into DIR, keeping their keys as paths (DIR/AWSLogs/...).",
      "CloudTrail digest files get KEY.metadata.json beside them (their signature metadata), so"
          + " the folder verifies offline. Files already present with the listed size are kept.",
      "Standard error ends with: listed=N downloaded=D present=P failed=F"
    },
    footer = {"", "Exit codes: 0 everything is on disk, 2 some objects could not be downloaded"
        + " (listed on standard error), 1 usage, listing or I/O error."})
final class FetchCommand implements Callable<Integer> {
  private final Io io;

  @Parameters(paramLabel = "S3_URI", arity = "1..*", description = "s3://bucket[/prefix] addresses.")
  List<String> uris = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "The directory to write.")
  @Nullable Path out;

  @Option(names = "--manifest", paramLabel = "FILE",
      description = "Also write one JSON line per file: {source, file, versionId, etag, size, downloaded}.")
  @Nullable Path manifest;

  @Mixin S3Options s3 = new S3Options();

  FetchCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    PrintStream err = io.err();
    Path dir = out;
    if (dir == null) {
      return AwsOptions.fail(io, "--out is required");
    }
    int listed = 0;
    int downloaded = 0;
    int present = 0;
    List<ObjectFailure> failures = new ArrayList<>();
    List<DownloadSummary.DownloadedFile> files = new ArrayList<>();
    try (S3LogSource src = S3LogSource.create(s3.aws().config(null))) {
      for (String u : uris) {
        if (!S3Uri.isS3(u)) {
          return AwsOptions.fail(io, "not an s3:// address: " + u);
        }
        DownloadSummary s = src.download(s3.query(u), dir);
        listed += s.listed();
        downloaded += s.downloaded();
        present += s.files().size() - s.downloaded();
        failures.addAll(s.failures());
        files.addAll(s.files());
      }
    } catch (IllegalArgumentException | AwsSourceException e) {
      return AwsOptions.fail(io, String.valueOf(e.getMessage()));
    }
    for (ObjectFailure f : failures) {
      err.println("cloudir: " + f.object().uri() + ": " + f.reason());
    }
    Path m = manifest;
    if (m != null) {
      try (BufferedWriter w = Files.newBufferedWriter(m, StandardCharsets.UTF_8)) {
        for (DownloadSummary.DownloadedFile f : files) {
          w.write(f.toJson());
          w.write('\n');
        }
      } catch (IOException e) {
        return AwsOptions.fail(io, "cannot write " + m + ": " + ParseCommand.describe(e));
      }
    }
    err.println("listed=" + listed + " downloaded=" + downloaded + " present=" + present
        + " failed=" + failures.size());
    err.flush();
    return failures.isEmpty() ? Cli.OK : Cli.REJECTED;
  }

}
