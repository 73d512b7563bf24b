package io.cloudir.parsers;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One input of a reader: a file, standard input, bytes in memory, or any stream a caller opens
 * (an S3 object, a socket). Compressed content (gzip) is recognised by its bytes.
 *
 * <p>Immutable and thread-safe (each {@link #open()} returns a new stream).
 */
public final class LogSource {
  /** Opens the raw bytes of a source. */
  @FunctionalInterface
  public interface Opener {
    /** A new stream of the raw (possibly compressed) bytes. */
    InputStream open() throws IOException;
  }

  private final String name;
  private final Opener opener;
  private final byte[] bytes;

  private LogSource(String name, Opener opener, byte[] bytes) {
    this.name = Objects.requireNonNull(name);
    this.opener = opener;
    this.bytes = bytes;
  }

  /** A file; its name in provenance is the path as given. */
  public static LogSource of(Path file) {
    return new LogSource(file.toString(), () -> Files.newInputStream(file), new byte[0]);
  }

  /** Standard input, named {@code -}. */
  public static LogSource stdin() {
    return new LogSource("-", () -> new NonClosingInputStream(System.in), new byte[0]);
  }

  /** Bytes in memory (not copied: do not change them while reading). */
  public static LogSource of(String name, byte[] bytes) {
    return new LogSource(name, () -> new ByteArrayInputStream(bytes), bytes);
  }

  /** Any stream, opened when reading starts. */
  public static LogSource of(String name, Opener opener) {
    return new LogSource(name, opener, new byte[0]);
  }

  /**
   * The sources of paths: files as given, directories expanded recursively to their regular files
   * in sorted path order, {@code -} as standard input.
   *
   * @throws UncheckedIOException if a directory cannot be listed
   * @throws IllegalArgumentException if a path does not exist
   */
  public static List<LogSource> expand(List<String> paths) {
    List<LogSource> out = new ArrayList<>();
    for (String p : paths) {
      if (p.equals("-")) {
        out.add(stdin());
        continue;
      }
      Path path = Path.of(p);
      if (Files.isDirectory(path)) {
        try (Stream<Path> s = Files.walk(path)) {
          s.filter(Files::isRegularFile)
              .sorted(Comparator.comparing(Path::toString))
              .forEach(f -> out.add(of(f)));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot list " + path, e);
        }
      } else if (Files.exists(path)) {
        out.add(of(path));
      } else {
        throw new IllegalArgumentException("no such file or directory: " + p);
      }
    }
    return out;
  }

  /** The name used in provenance and rejections. */
  public String name() {
    return name;
  }

  /** A new stream of the raw bytes. */
  public InputStream open() throws IOException {
    return opener.open();
  }

  /** The in-memory bytes when this source was made from bytes, else an empty array. */
  byte[] inMemory() {
    return bytes;
  }

  @Override
  public String toString() {
    return name;
  }

  private static final class NonClosingInputStream extends java.io.FilterInputStream {
    NonClosingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public void close() {}
  }
}
