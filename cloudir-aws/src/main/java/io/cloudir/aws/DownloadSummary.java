package io.cloudir.aws;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a download did: the files written (with the S3 provenance of each), the files that were
 * already there, and every object that could not be downloaded.
 *
 * <p>Immutable and thread-safe.
 *
 * @param listed objects listed
 * @param files the objects now on disk, in key order (downloaded or already present)
 * @param downloaded how many of them were downloaded by this run
 * @param bytes bytes downloaded by this run
 * @param failures objects that could not be downloaded (nothing of them is left on disk)
 */
public record DownloadSummary(
    int listed, List<DownloadedFile> files, int downloaded, long bytes, List<ObjectFailure> failures) {

  /** Copies the lists. */
  public DownloadSummary {
    files = List.copyOf(files);
    failures = List.copyOf(failures);
  }

  /**
   * One object on disk.
   *
   * @param object the object as listed
   * @param file the file
   * @param versionId the version downloaded, or null (unversioned, or already present)
   * @param etag the ETag downloaded, or the listed one when already present
   * @param metadataFile the {@code .metadata.json} file written beside a digest file, or null
   * @param downloaded whether this run downloaded it (false: it was already there)
   */
  public record DownloadedFile(S3LogObject object, Path file, @Nullable String versionId,
      @Nullable String etag, @Nullable Path metadataFile, boolean downloaded) {
    /** Checks the parts. */
    public DownloadedFile {
      Objects.requireNonNull(object);
      Objects.requireNonNull(file);
    }

    /** One JSON line: {@code {"source","file","versionId","etag","size","downloaded"}}. */
    public String toJson() {
      return "{\"source\":" + io.cloudir.aws.internal.Json.quote(object.uri())
          + ",\"file\":" + io.cloudir.aws.internal.Json.quote(file.toString())
          + ",\"versionId\":" + (versionId == null ? "null" : io.cloudir.aws.internal.Json.quote(versionId))
          + ",\"etag\":" + (etag == null ? "null" : io.cloudir.aws.internal.Json.quote(etag))
          + ",\"size\":" + object.size() + ",\"downloaded\":" + downloaded + "}";
    }
  }
}
