package io.cloudir.parsers.internal.digest;

import io.cloudir.parsers.AwsLogKey;
import io.cloudir.parsers.digest.DigestMetadata;
import io.cloudir.parsers.internal.Decoding;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipException;
import org.jspecify.annotations.Nullable;

/**
 * Finds the digests and CloudTrail log files of a set of paths by their {@code AWSLogs/} key
 * layout, and reads them (gzip transparently). Not thread-safe (one per run).
 */
final class EvidenceFiles {
  private static final int BUFFER = 1 << 16;
  private static final String AWS_LOGS = "AWSLogs/";

  /** Digest files by normalised key, in key order. */
  final TreeMap<String, Path> digests = new TreeMap<>();
  /** CloudTrail log files by normalised key, in key order. */
  final TreeMap<String, Path> logs = new TreeMap<>();
  int ignored;

  /** Collects the files under the paths. */
  void collect(List<Path> paths) throws IOException {
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw new NoSuchFileException(p.toString());
      }
      if (Files.isDirectory(p)) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(p)) {
          s.filter(Files::isRegularFile).forEach(files::add);
        }
        files.sort(null);
        for (Path f : files) {
          add(f);
        }
      } else {
        add(p);
      }
    }
  }

  private void add(Path f) {
    String s = f.toString().replace('\\', '/');
    if (s.endsWith(DigestMetadata.FILE_SUFFIX)) {
      return; // read beside its digest
    }
    Optional<AwsLogKey> k = AwsLogKey.parse(s);
    if (k.isPresent() && k.get().isDigest()) {
      digests.put(normalise(s), f);
    } else if (k.isPresent() && k.get().isCloudTrail()) {
      logs.put(normalise(s), f);
    } else {
      ignored++;
    }
  }

  /** The key from {@code AWSLogs/} on, without a final {@code .gz}. */
  static String normalise(String key) {
    String k = key.replace('\\', '/');
    int a = k.lastIndexOf(AWS_LOGS);
    if (a > 0 && k.charAt(a - 1) != '/') {
      a = -1;
    }
    String s = a >= 0 ? k.substring(a) : k;
    return s.endsWith(".gz") ? s.substring(0, s.length() - 3) : s;
  }

  /** The metadata file beside a digest. */
  static Path metadataOf(Path digest) {
    return digest.resolveSibling(digest.getFileName() + DigestMetadata.FILE_SUFFIX);
  }

  /** Thrown for content that is not readable (corrupt gzip, over the limit). */
  static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;

    Unreadable(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * The decompressed bytes of a file, at most {@code max}.
   *
   * @throws Unreadable for corrupt gzip or content over the limit
   */
  static byte[] readAll(Path f, long max) throws IOException, Unreadable {
    try (InputStream in = open(f)) {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      byte[] buf = new byte[BUFFER];
      long total = 0;
      for (int n; (n = in.read(buf)) > 0; ) {
        total += n;
        if (total > max) {
          throw new Unreadable("larger than " + max + " bytes decompressed");
        }
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    } catch (ZipException | EOFException e) {
      throw new Unreadable("not a readable gzip file: " + e.getMessage());
    }
  }

  /**
   * The hex SHA-256 of a file's decompressed content.
   *
   * @throws Unreadable for corrupt gzip
   */
  static String sha256(Path f) throws IOException, Unreadable {
    MessageDigest md = Signatures.sha256();
    try (InputStream in = open(f)) {
      byte[] buf = new byte[BUFFER];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
    } catch (ZipException | EOFException e) {
      throw new Unreadable("not a readable gzip file: " + e.getMessage());
    }
    return Hex.encode(md.digest());
  }

  /** The file, decompressed when it starts with the gzip magic. */
  private static InputStream open(Path f) throws IOException {
    InputStream raw = Files.newInputStream(f);
    try {
      return Decoding.decode(raw);
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  /** The bytes of a small file, or null when it does not exist. */
  static byte @Nullable [] readIfExists(Path f) throws IOException {
    try {
      return Files.readAllBytes(f);
    } catch (NoSuchFileException e) {
      return null;
    }
  }
}
