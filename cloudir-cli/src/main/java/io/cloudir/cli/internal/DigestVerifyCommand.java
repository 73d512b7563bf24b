package io.cloudir.cli.internal;

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
          + " .../AWSLogs/[o-org/]account/CloudTrail[-Digest]/region/yyyy/mm/dd/file.",
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

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Evidence files or folders.")
  List<String> paths = new ArrayList<>();

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
        in.add(Path.of(p));
      }
    } catch (IOException e) {
      return fail("cannot read public keys: " + e);
    } catch (CloudirException e) {
      return fail("invalid public keys file: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      return fail(String.valueOf(e.getMessage()));
    }
    VerificationReport r;
    try {
      r = DigestVerifier.builder().publicKeys(keys).build().verify(in);
    } catch (IOException e) {
      return fail("cannot read the evidence: " + e);
    }
    byte[] json = (r.toJson() + "\n").getBytes(StandardCharsets.UTF_8);
    io.out().write(json, 0, json.length);
    io.out().flush();
    long problems = r.digests().stream().filter(d -> !d.ok()).count()
        + r.logFiles().stream().filter(l -> l.status() != LogFileStatus.VALID).count();
    err.print(r.summary());
    err.println("digests=" + r.digests().size() + " logFiles=" + r.logFiles().size()
        + " problems=" + problems + " restarts=" + r.count(ChainStatus.RESTART) + " breaks=" + r.count(ChainStatus.BROKEN));
    err.flush();
    return r.verified() ? Cli.OK : Cli.REJECTED;
  }

  private int fail(String message) {
    io.err().println("cloudir digest verify: " + message);
    io.err().flush();
    return Cli.ERROR;
  }
}
