package io.cloudir.parsers.internal.digest;

import io.cloudir.model.json.JsonValue;
import io.cloudir.parsers.digest.DigestFile;
import io.cloudir.parsers.digest.DigestLogFile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Builds a {@link DigestFile} from its JSON. Stateless and thread-safe. */
public final class DigestParser {
  private DigestParser() {}

  /** See {@link DigestFile#parse}. */
  public static DigestFile parse(byte[] json, @Nullable String source) {
    JsonValue root = JsonFields.object(JsonFields.parse(json, source), source, "$");
    JsonValue files = root.get("logFiles");
    if (files == null || !files.isArray()) {
      throw JsonFields.error(source, "$.logFiles", "required array member is missing or not an array");
    }
    List<DigestLogFile> logs = new ArrayList<>(files.size());
    List<JsonValue> els = files.elements();
    for (int i = 0; i < els.size(); i++) {
      String p = "$.logFiles[" + i + "]";
      JsonValue f = JsonFields.object(els.get(i), source, p);
      logs.add(new DigestLogFile(
          JsonFields.string(f, "s3Bucket", source, p),
          JsonFields.string(f, "s3Object", source, p),
          JsonFields.string(f, "hashValue", source, p),
          JsonFields.string(f, "hashAlgorithm", source, p),
          JsonFields.optionalString(f, "newestEventTime", source, p),
          JsonFields.optionalString(f, "oldestEventTime", source, p)));
    }
    String start = JsonFields.string(root, "digestStartTime", source, "$");
    String end = JsonFields.string(root, "digestEndTime", source, "$");
    time(start, source, "$.digestStartTime");
    time(end, source, "$.digestEndTime");
    return new DigestFile(
        JsonFields.string(root, "awsAccountId", source, "$"),
        start,
        end,
        JsonFields.string(root, "digestS3Bucket", source, "$"),
        JsonFields.string(root, "digestS3Object", source, "$"),
        JsonFields.string(root, "digestPublicKeyFingerprint", source, "$"),
        JsonFields.string(root, "digestSignatureAlgorithm", source, "$"),
        JsonFields.optionalString(root, "newestEventTime", source, "$"),
        JsonFields.optionalString(root, "oldestEventTime", source, "$"),
        JsonFields.optionalString(root, "previousDigestS3Bucket", source, "$"),
        JsonFields.optionalString(root, "previousDigestS3Object", source, "$"),
        JsonFields.optionalString(root, "previousDigestHashValue", source, "$"),
        JsonFields.optionalString(root, "previousDigestHashAlgorithm", source, "$"),
        JsonFields.optionalString(root, "previousDigestSignature", source, "$"),
        logs);
  }

  /** A required digest period time. */
  public static Instant time(String text, @Nullable String source, String path) {
    return JsonFields.requiredTime(text, source, path);
  }

  /** Whether an object key names a backfill digest. */
  public static boolean isBackfillKey(String key) {
    return key.endsWith("_backfill.json.gz") || key.endsWith("_backfill.json");
  }
}
