package io.cloudir.investigate.internal.enrich;

import io.cloudir.model.LimitExceededException;
import io.cloudir.model.Location;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads enrichment files into memory with a size limit, gunzipping them when asked and when they
 * start with the gzip magic bytes.
 *
 * <p>Stateless and thread-safe.
 */
public final class EnrichFiles {
  private EnrichFiles() {}

  /**
   * The bytes of {@code file} (decompressed when {@code gunzip} and the file is gzip).
   *
   * @throws LimitExceededException when the file (or its decompressed content) is larger than
   *     {@code maxBytes}
   */
  public static byte[] readAll(Path file, long maxBytes, boolean gunzip) throws IOException {
    long size = Files.size(file);
    if (size > maxBytes) {
      throw new LimitExceededException(Location.of(file.toString(), maxBytes),
          "file of " + size + " bytes is larger than the limit of " + maxBytes + " bytes");
    }
    byte[] b = Files.readAllBytes(file);
    return gunzip ? maybeGunzip(file.toString(), b, maxBytes) : b;
  }

  /** Whether the last 128 KiB of {@code file} hold the MaxMind DB metadata marker. */
  public static boolean hasMmdbMarker(Path file) throws IOException {
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
      long size = ch.size();
      int n = (int) Math.min(size, MmdbReader.METADATA_MAX);
      java.nio.ByteBuffer bb = java.nio.ByteBuffer.allocate(n);
      long pos = size - n;
      while (bb.hasRemaining()) {
        int r = ch.read(bb, pos + bb.position());
        if (r < 0) {
          break;
        }
      }
      return MmdbReader.lastMarker(bb.array()) >= 0;
    }
  }

  /** {@code b} decompressed when it starts with the gzip magic bytes, else {@code b} itself. */
  public static byte[] maybeGunzip(String source, byte[] b, long maxBytes) throws IOException {
    if (b.length < 2 || (b[0] & 0xFF) != 0x1F || (b[1] & 0xFF) != 0x8B) {
      return b;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, b.length * 4));
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(b))) {
      byte[] chunk = new byte[65536];
      long total = 0;
      int n;
      while ((n = in.read(chunk)) > 0) {
        total += n;
        if (total > maxBytes) {
          throw new LimitExceededException(Location.of(source, maxBytes),
              "decompressed content larger than the limit of " + maxBytes + " bytes");
        }
        out.write(chunk, 0, n);
      }
    }
    return out.toByteArray();
  }
}
