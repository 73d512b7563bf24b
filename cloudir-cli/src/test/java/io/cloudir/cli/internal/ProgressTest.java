package io.cloudir.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.parsers.ReadStats;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {
  private static final long MS = 1_000_000L;

  private static ReadStats stats(long files, long parsed, long bytes) {
    return new ReadStats(files, parsed, parsed, 0, 0, 0, bytes);
  }

  @Test
  void shownOnlyOnATerminalOutsideCi() {
    assertTrue(Terminal.progressWanted(true, null, "xterm-256color"));
    assertTrue(Terminal.progressWanted(true, "", null));
    assertTrue(Terminal.progressWanted(true, "false", "xterm"));
    assertTrue(Terminal.progressWanted(true, "0", "xterm"));
    assertFalse(Terminal.progressWanted(false, null, "xterm"));
    assertFalse(Terminal.progressWanted(true, "true", "xterm"));
    assertFalse(Terminal.progressWanted(true, "1", "xterm"));
    assertFalse(Terminal.progressWanted(true, null, "dumb"));
  }

  @Test
  void terminalDevicesAreRecognised() {
    assertTrue(Terminal.isTerminalDevice("/dev/pts/3"));
    assertTrue(Terminal.isTerminalDevice("/dev/tty1"));
    assertFalse(Terminal.isTerminalDevice("pipe:[123456]"));
    assertFalse(Terminal.isTerminalDevice("/tmp/err.log"));
    assertFalse(Terminal.isTerminalDevice("/dev/null"));
  }

  @Test
  void redrawnAtMostEvery200MsAndClearedWithoutTrace() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    AtomicLong now = new AtomicLong(1_000 * MS);
    Progress p = new Progress(err, true, 7, now::get);

    p.tick(stats(1, 10, 1 << 20));
    String first = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(first.startsWith("\r"), first);
    assertTrue(first.contains("files 1/7"), first);
    assertTrue(first.contains("1.0 MB"), first);

    now.addAndGet(199 * MS);
    p.tick(stats(2, 20, 2 << 20));
    assertEquals(first, bytes.toString(StandardCharsets.UTF_8), "no redraw within 200 ms");

    now.addAndGet(MS);
    p.tick(stats(3, 30, 3 << 20));
    String second = bytes.toString(StandardCharsets.UTF_8).substring(first.length());
    assertTrue(second.contains("files 3/7"), second);
    assertTrue(second.contains("150 records/s"), second);

    int before = bytes.size();
    p.clear();
    String cleared = bytes.toString(StandardCharsets.UTF_8).substring(before);
    assertTrue(cleared.matches("\r +\r"), cleared);
    assertEquals(second.length() - 1, cleared.length() - 2, "blanks cover the drawn bar");

    before = bytes.size();
    p.clear();
    assertEquals(before, bytes.size(), "clearing twice prints nothing more");
  }

  @Test
  void disabledBarPrintsNothing() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    AtomicLong now = new AtomicLong();
    Progress p = new Progress(err, false, 3, now::get);
    for (int i = 0; i < 10; i++) {
      now.addAndGet(500 * MS);
      p.tick(stats(1, i, i));
    }
    p.clear();
    assertEquals(0, bytes.size());
  }
}
