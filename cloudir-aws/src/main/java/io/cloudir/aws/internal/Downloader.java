package io.cloudir.aws.internal;

import io.cloudir.aws.DownloadSummary;
import io.cloudir.aws.DownloadSummary.DownloadedFile;
import io.cloudir.aws.FetchOptions;
import io.cloudir.aws.ObjectFailure;
import io.cloudir.aws.S3LogObject;
import io.cloudir.parsers.AwsLogKey;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Writes objects under a directory as {@code DIR/KEY}, streaming each to a temporary file that is
 * renamed when complete; a CloudTrail digest file gets {@code KEY.metadata.json} beside it (the
 * {@code Metadata} map {@code aws s3api head-object} prints). Files already present with the
 * listed size are kept (a rerun resumes). Thread-safe per call.
 */
public final class Downloader {
  /** The suffix of the metadata file beside a digest file. */
  public static final String METADATA_SUFFIX = ".metadata.json";

  private Downloader() {}

  /** Downloads the objects into {@code dir}. */
  public static DownloadSummary download(S3Client s3, List<S3LogObject> objects, Path dir,
      FetchOptions options) {
    Backoff backoff = new Backoff(options.maxAttempts(), options.initialBackoff(), options.maxBackoff());
    ExecutorService pool = Executors.newFixedThreadPool(options.concurrency(), r -> {
      Thread t = new Thread(r, "cloudir-s3-download");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Object>> futures = new ArrayList<>();
      for (S3LogObject o : objects) {
        futures.add(pool.submit(() -> one(s3, o, dir, backoff)));
      }
      List<DownloadedFile> files = new ArrayList<>();
      List<ObjectFailure> failures = new ArrayList<>();
      int downloaded = 0;
      long bytes = 0;
      for (int i = 0; i < futures.size(); i++) {
        Object r;
        try {
          r = futures.get(i).get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          r = new ObjectFailure(objects.get(i), "interrupted", 0, 0);
        } catch (ExecutionException e) {
          r = new ObjectFailure(objects.get(i), "unexpected error: " + e.getCause(), 0, 0);
        }
        if (r instanceof DownloadedFile f) {
          files.add(f);
          if (f.downloaded()) {
            downloaded++;
            bytes += f.object().size();
          }
        } else {
          failures.add((ObjectFailure) r);
        }
      }
      return new DownloadSummary(objects.size(), files, downloaded, bytes, failures);
    } finally {
      pool.shutdownNow();
    }
  }

  /** The file of a key under a directory; null when the key would leave the directory. */
  public static @Nullable Path target(Path dir, String key) {
    Path base = dir.toAbsolutePath().normalize();
    for (String seg : key.split("/", -1)) {
      if (seg.equals("..") || seg.equals(".")) {
        return null;
      }
    }
    Path t = base.resolve(key).normalize();
    return t.startsWith(base) && !t.equals(base) ? t : null;
  }

  private static Object one(S3Client s3, S3LogObject o, Path dir, Backoff backoff) {
    Path target = target(dir, o.key());
    if (target == null || o.key().endsWith(METADATA_SUFFIX) || o.key().endsWith(".part")) {
      return new ObjectFailure(o, "key cannot be stored as a file under " + dir, 0, 0);
    }
    boolean digest = AwsLogKey.parse(o.key()).map(AwsLogKey::isDigest).orElse(false);
    Path meta = digest ? target.resolveSibling(target.getFileName() + METADATA_SUFFIX) : null;
    try {
      if (Files.isRegularFile(target) && Files.size(target) == o.size()
          && (meta == null || Files.isRegularFile(meta))) {
        return new DownloadedFile(o, target, null, o.etag(), meta, false);
      }
      Files.createDirectories(target.getParent());
    } catch (IOException e) {
      return new ObjectFailure(o, "cannot write " + target + ": " + e.getMessage(), 0, 0);
    }
    Path part = target.resolveSibling(target.getFileName() + ".part");
    ResumableObjectStream in = new ResumableObjectStream(s3, o, backoff, null, null, e -> {});
    try (in; OutputStream out = Files.newOutputStream(part)) {
      in.transferTo(out);
    } catch (ObjectBrokenException e) {
      deleteQuietly(part);
      return new ObjectFailure(o, e.reason(), in.attempts(), in.position());
    } catch (IOException e) {
      deleteQuietly(part);
      return new ObjectFailure(o, "cannot write " + target + ": " + e.getMessage(), in.attempts(),
          in.position());
    }
    try {
      if (meta != null) {
        Files.writeString(meta, metadataJson(in.metadata()), StandardCharsets.UTF_8);
      }
      Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      deleteQuietly(part);
      return new ObjectFailure(o, "cannot write " + target + ": " + e.getMessage(), in.attempts(),
          in.position());
    }
    return new DownloadedFile(o, target, in.versionId(), in.etag(), meta, true);
  }

  /** The metadata map as {@code aws s3api head-object} prints its {@code Metadata} member. */
  public static String metadataJson(Map<String, String> metadata) {
    return new Json().map(metadata).text();
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // a leftover .part file is overwritten by the next run
    }
  }
}
