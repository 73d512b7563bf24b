package io.cloudir.spark.internal;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * The files of the paths given to a read, in the order {@code cloudir hunt} reads them: paths in
 * the order given, each directory replaced by its regular files in sorted path order, without the
 * rule files and notes a case folder may hold ({@code .yml}, {@code .yaml}, {@code .md},
 * {@code .py}). Local paths keep their spelling (it is the records' provenance); paths with a
 * scheme ({@code s3a://}, {@code hdfs://}, {@code file:}) are listed through Hadoop.
 *
 * <p>Stateless and thread-safe.
 */
public final class Inputs {
  private Inputs() {}

  /** One input file: its name (the provenance source) and whether Hadoop opens it. */
  public record File(String name, boolean hadoop) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** Whether a path is read through Hadoop (it has a URI scheme). */
  public static boolean isHadoop(String p) {
    int c = p.indexOf(':');
    return c > 1 && p.indexOf('/') > c;
  }

  /** Whether a file is a rule file or a note, not a log. */
  public static boolean isNote(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".yml") || n.endsWith(".yaml") || n.endsWith(".md") || n.endsWith(".py");
  }

  /**
   * Expands paths to files.
   *
   * @throws IllegalArgumentException if a path does not exist
   * @throws UncheckedIOException if a directory cannot be listed
   */
  public static List<File> expand(List<String> paths, Map<String, String> hadoopConf) {
    List<File> out = new ArrayList<>();
    for (String p : paths) {
      if (isHadoop(p)) {
        hadoop(p, hadoopConf, out);
        continue;
      }
      Path path = Path.of(p);
      if (!Files.exists(path)) {
        throw new IllegalArgumentException("no such file or directory: " + p);
      }
      if (!Files.isDirectory(path)) {
        out.add(new File(p, false));
        continue;
      }
      try (Stream<Path> s = Files.walk(path)) {
        s.filter(f -> Files.isRegularFile(f) && !isNote(f.getFileName().toString())).sorted()
            .forEach(f -> out.add(new File(f.toString(), false)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + p, e);
      }
    }
    return out;
  }

  /** A Hadoop configuration with these entries. */
  static Configuration conf(Map<String, String> entries) {
    Configuration c = new Configuration();
    entries.forEach(c::set);
    return c;
  }

  private static void hadoop(String p, Map<String, String> conf, List<File> out) {
    try {
      org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(p);
      FileSystem fs = FileSystem.get(URI.create(p), conf(conf));
      if (!fs.exists(path)) {
        throw new IllegalArgumentException("no such file or directory: " + p);
      }
      List<String> names = new ArrayList<>();
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(path, true);
      while (it.hasNext()) {
        LocatedFileStatus st = it.next();
        if (st.isFile() && !isNote(st.getPath().getName())) {
          names.add(st.getPath().toString());
        }
      }
      names.sort(null);
      for (String n : names) {
        out.add(new File(n, true));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + p, e);
    }
  }

  /** Opens a Hadoop file. */
  static java.io.InputStream open(String name, Map<String, String> conf) throws IOException {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(name);
    return FileSystem.get(URI.create(name), conf(conf)).open(path);
  }
}
