package io.cloudir.parsers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A large generated Records stream read in a child JVM limited to 256 MiB of heap: the envelope is
 * streamed, so the count is exact and the child does not run out of memory. 200 MiB in the normal
 * build; 1 GiB with the corpus profile.
 */
class BoundedMemoryTest {

  static String run(long mib) throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse(
        Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> cp = new ArrayList<>();
    for (String prop : List.of("jdk.module.path", "java.class.path")) {
      String v = System.getProperty(prop);
      if (v != null && !v.isEmpty()) {
        cp.add(v);
      }
    }
    // the test classes (patched into the module when tests run on the module path)
    cp.add(Path.of(BoundedMemoryMain.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString());
    List<String> cmd = List.of(java, "-Xmx256m", "-cp", String.join(File.pathSeparator, cp),
        BoundedMemoryMain.class.getName(), Long.toString(mib));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int rc = p.waitFor();
    assertEquals(0, rc, out);
    return out.trim();
  }

  static void check(long mib) throws IOException, InterruptedException {
    String[] f = run(mib).split("\\s+");
    long parsed = Long.parseLong(f[f.length - 3]);
    long rejected = Long.parseLong(f[f.length - 2]);
    long generated = Long.parseLong(f[f.length - 1]);
    assertEquals(generated, parsed);
    assertEquals(0, rejected);
    // each generated event is a few hundred bytes: the count shows the whole stream was read
    assertTrue(generated > (mib << 20) / 1000, "generated " + generated);
  }

  @Test
  void twoHundredMebibytesIn256MebibytesOfHeap() throws Exception {
    check(200);
  }

  @Test
  @Tag("corpus")
  void oneGibibyteIn256MebibytesOfHeap() throws Exception {
    check(1024);
  }
}
