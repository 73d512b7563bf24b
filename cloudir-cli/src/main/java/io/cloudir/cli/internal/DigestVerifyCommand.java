package io.cloudir.cli.internal;

import io.cloudir.aws.AwsSourceException;
import io.cloudir.aws.DownloadSummary;
import io.cloudir.aws.ObjectFailure;
import io.cloudir.aws.S3LogSource;
import io.cloudir.aws.S3Uri;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import io.cloudir.model.CloudirException;
import io.cloudir.parsers.digest.ChainStatus;
import io.cloudir.parsers.digest.DigestVerifier;
import io.cloudir.parsers.digest.LogFileStatus;
import io.cloudir.parsers.digest.PublicKeys;
import io.cloudir.parsers.digest.VerificationReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cloudir digest verify [--public-keys FILE]... PATH...}: verifies the CloudTrail digests
 * and log files under PATH with the given public keys and prints the JSON report (one line) on
 * standard output, a human summary on standard error.
 *
 * <p>Not thread-safe (picocli fills its fields; one call per instance).
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Verifies CloudTrail log file integrity offline: each digest's SHA256withRSA signature"
          + " (from the <digest file>.metadata.json beside it, the S3 object metadata), each"
          + " listed log file's SHA-256 over its decompressed content, and the previous-digest"
          + " chain hour by hour per trail and region. A chain that restarts after log file"
          + " validation was turned off and on is a restart, not a break.",
      "",
      "PATH: files and directories (walked recursively) in the S3 key layout"
          + " .../AWSLogs/[o-org/]account/CloudTrail[-Digest]/region/yyyy/mm/dd/file, or"
          + " s3://bucket/prefix: the objects are downloaded first (with their signature"
          + " metadata) into --download-to DIR, or a temporary folder removed afterwards.",
      "",
      "Standard output: one JSON object {verified, summary, digests[], logFiles[],"
          + " ignoredFiles}. Standard error: a summary, then digests=N logFiles=M problems=P."
    },
    footer = {"", "Exit codes: 0 everything verifies, 2 something is missing, altered, unlisted"
        + " or unverifiable (or no digest was found), 1 usage or I/O error."})
final class DigestVerifyCommand implements Callable<Integer> {
  private final Io io;

  @Option(
      names = "--public-keys",
      paramLabel = "FILE",
      description = "The JSON of 'aws cloudtrail list-public-keys' (one per region; repeatable).")
  List<String> publicKeys = new ArrayList<>();

  @Parameters(arity = "1..*", paramLabel = "PATH",
      description = "Evidence files or folders, or s3://bucket/prefix addresses.")
  List<String> paths = new ArrayList<>();

  @Option(names = "--download-to", paramLabel = "DIR",
      description = "s3:// paths: keep the downloaded evidence in DIR (default: a temporary"
          + " folder, deleted after the run).")
  @Nullable Path downloadTo;

  @Mixin S3Options s3 = new S3Options();

  DigestVerifyCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    PrintStream err = io.err();
    PublicKeys keys = PublicKeys.empty();
    List<Path> in = new ArrayList<>();
    try {
      for (String f : publicKeys) {
        keys = keys.merge(PublicKeys.load(Path.of(f)));
      }
      for (String p : paths) {
        if (!S3Uri.isS3(p)) {
          in.add(Path.of(p));
        }
      }
    } catch (IOException e) {
      return fail("cannot read public keys: " + e);
    } catch (CloudirException e) {
      return fail("invalid public keys file: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      return fail(String.valueOf(e.getMessage()));
    }
    List<String> remote = new ArrayList<>();
    for (String p : paths) {
      if (S3Uri.isS3(p)) {
        remote.add(p);
      }
    }
    Path temp = null;
    int failed = 0;
    if (!remote.isEmpty()) {
      Path dir = downloadTo;
      try {
        if (dir == null) {
          dir = temp = Files.createTempDirectory("cloudir-digest-");
        }
        try (S3LogSource src = S3LogSource.create(s3.aws().config(null))) {
          for (String u : remote) {
            DownloadSummary d = src.download(s3.query(u), dir);
            for (ObjectFailure f : d.failures()) {
              err.println("cloudir: " + f.object().uri() + ": " + f.reason());
              failed++;
            }
          }
        }
        in.add(dir);
      } catch (IOException e) {
        return fail("cannot create a folder for the download: " + e);
      } catch (IllegalArgumentException | AwsSourceException e) {
        deleteQuietly(temp);
        return fail(String.valueOf(e.getMessage()));
      }
    }
    VerificationReport r;
    try {
      r = DigestVerifier.builder().publicKeys(keys).build().verify(in);
    } catch (IOException e) {
      return fail("cannot read the evidence: " + e);
    } finally {
      deleteQuietly(temp);
    }
    byte[] json = (r.toJson() + "\n").getBytes(StandardCharsets.UTF_8);
    io.out().write(json, 0, json.length);
    io.out().flush();
    long problems = r.digests().stream().filter(d -> !d.ok()).count()
        + r.logFiles().stream().filter(l -> l.status() != LogFileStatus.VALID).count();
    err.print(r.summary());
    err.println("digests=" + r.digests().size() + " logFiles=" + r.logFiles().size()
        + " problems=" + problems + " restarts=" + r.count(ChainStatus.RESTART)
        + " breaks=" + r.count(ChainStatus.BROKEN) + (remote.isEmpty() ? "" : " failed=" + failed));
    err.flush();
    return r.verified() && failed == 0 ? Cli.OK : Cli.REJECTED;
  }

  /** Removes a temporary download folder (best effort: what cannot be removed is left). */
  private static void deleteQuietly(@Nullable Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> w = Files.walk(dir)) {
      w.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temporary folder left behind is harmless
    }
  }

  private int fail(String message) {
    io.err().println("cloudir digest verify: " + message);
    io.err().flush();
    return Cli.ERROR;
  }
}
