package io.cloudir.parsers;

import io.cloudir.model.LogRecord;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Run in a child JVM by {@link BoundedMemoryTest}: reads a generated CloudTrail delivery envelope
 * of about {@code args[0]} MiB (made on the fly, never held whole) and prints {@code parsed
 * rejected generated}.
 */
public final class BoundedMemoryMain {
  private BoundedMemoryMain() {}

  /** Generates {"Records":[e0,e1,...]} until the target size is passed. */
  static final class Generator extends InputStream {
    private final long target;
    private long produced;
    private long events;
    private byte[] chunk = "{\"Records\":[".getBytes(StandardCharsets.UTF_8);
    private int pos;
    private boolean closed;

    Generator(long target) {
      this.target = target;
    }

    long events() {
      return events;
    }

    private boolean nextChunk() {
      if (closed) {
        return false;
      }
      if (produced >= target) {
        chunk = "]}\n".getBytes(StandardCharsets.UTF_8);
        closed = true;
      } else {
        String e = (events > 0 ? "," : "") + TestSupport.event((int) (events % 1_000_000));
        chunk = e.getBytes(StandardCharsets.UTF_8);
        events++;
      }
      pos = 0;
      return true;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      int n = 0;
      while (n < len) {
        if (pos >= chunk.length && !nextChunk()) {
          return n == 0 ? -1 : n;
        }
        int k = Math.min(len - n, chunk.length - pos);
        System.arraycopy(chunk, pos, b, off + n, k);
        pos += k;
        n += k;
        produced += k;
      }
      return n;
    }
  }

  /** Entry point of the child JVM. */
  public static void main(String[] args) {
    long mib = Long.parseLong(args[0]);
    Generator g = new Generator(mib << 20);
    long parsed = 0;
    try (RecordStream s = LogReader.create().open(List.of(LogSource.of("gen", () -> g)))) {
      for (LogRecord r : s) {
        if (r.provenance().offset() < 0) {
          throw new IllegalStateException();
        }
        parsed++;
      }
      System.out.println(parsed + " " + s.stats().rejected() + " " + g.events());
    }
  }
}
