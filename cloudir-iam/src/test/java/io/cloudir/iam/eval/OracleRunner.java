package io.cloudir.iam.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the AGPL oracle ({@code ../shared/oracle}, {@code @cloud-copilot/iam-simulate}) as a separate
 * Node process. The oracle directory is either given ({@code -Dcloudir.oracle=DIR}, already
 * installed with {@code npm ci}) or copied to {@code target/oracle} and installed there. Nothing of
 * the oracle is copied into the repository.
 */
final class OracleRunner {
  private OracleRunner() {}

  static boolean nodePresent() {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The installed oracle directory; aborts the test (assumption) only when node is absent. */
  static Path oracleDir() throws IOException, InterruptedException {
    Assumptions.assumeTrue(nodePresent(),
        "node is not installed: the differential test against ../shared/oracle cannot run");
    String given = System.getProperty("cloudir.oracle");
    if (given != null && !given.isBlank()) {
      Path dir = Paths.get(given);
      if (Files.isDirectory(dir.resolve("node_modules"))) {
        return dir;
      }
      throw new IllegalStateException("-Dcloudir.oracle=" + given + " has no node_modules (run npm ci there)");
    }
    String shared = System.getProperty("cloudir.shared", "../shared");
    Path src = Paths.get(shared, "oracle");
    if (!Files.isRegularFile(src.resolve("eval.js"))) {
      src = Paths.get("..", "..", "shared", "oracle");
    }
    Path dst = Paths.get("target", "oracle").toAbsolutePath();
    if (Files.isDirectory(dst.resolve("node_modules"))) {
      return dst;
    }
    Files.createDirectories(dst);
    try (Stream<Path> files = Files.list(src)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(f)) {
          Path t = dst.resolve(f.getFileName().toString());
          Files.copy(f, t, StandardCopyOption.REPLACE_EXISTING);
          t.toFile().setWritable(true);
        }
      }
    }
    Process p = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
        .directory(dst.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), "npm ci in " + dst + " failed:\n" + out);
    return dst;
  }

  /**
   * Runs the cases (a JSON array) and returns one output line per case. Standard error goes to a
   * file and standard output is drained by a dedicated thread while the cases are written, so the
   * pipes cannot deadlock (whatever the size of the common fork-join pool).
   */
  static List<String> run(Path dir, String casesJson) throws IOException, InterruptedException {
    Path errFile = Files.createTempFile("oracle", ".err");
    Process p = new ProcessBuilder("node", "eval.js").directory(dir.toFile())
        .redirectError(errFile.toFile()).start();
    byte[][] out = new byte[1][];
    Thread reader = new Thread(() -> out[0] = readAll(p.getInputStream()), "oracle-stdout");
    reader.start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(casesJson.getBytes(StandardCharsets.UTF_8));
    }
    reader.join();
    p.waitFor();
    String text = new String(out[0], StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>();
    for (String l : text.split("\n")) {
      if (l.startsWith("{")) {
        lines.add(l);
      }
    }
    if (lines.isEmpty()) {
      throw new IllegalStateException("oracle printed nothing; stderr:\n" + Files.readString(errFile));
    }
    Files.deleteIfExists(errFile);
    return lines;
  }

  private static byte[] readAll(InputStream in) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
