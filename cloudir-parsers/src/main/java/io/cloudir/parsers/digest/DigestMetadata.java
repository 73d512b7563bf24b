package io.cloudir.parsers.digest;

import io.cloudir.model.MalformedInputException;
import io.cloudir.model.json.JsonValue;
import io.cloudir.parsers.internal.digest.JsonFields;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The S3 object metadata of a digest file that carries its signature: the user metadata keys
 * {@code signature} (hex) and {@code signature-algorithm} ({@code SHA256withRSA}), and on a backfill
 * digest {@code backfill-generation-timestamp} (when CloudTrail generated and signed it). On disk it sits
 * beside the digest as {@code <digest file name>.metadata.json}, holding the {@code Metadata} map
 * that {@code aws s3api head-object} prints (the whole head-object output is accepted too).
 *
 * <p>Immutable and thread-safe.
 *
 * @param signature the hex-encoded signature
 * @param signatureAlgorithm the algorithm, or null when the metadata does not say
 * @param backfillGenerationTime the {@code backfill-generation-timestamp} of a backfill digest, or
 *     null when the metadata has none
 */
public record DigestMetadata(String signature, @Nullable String signatureAlgorithm,
    @Nullable Instant backfillGenerationTime) {
  /** The suffix of the metadata file beside a digest file. */
  public static final String FILE_SUFFIX = ".metadata.json";

  /** Checks that the signature is present. */
  public DigestMetadata {
    Objects.requireNonNull(signature, "signature");
  }

  /** Metadata without a backfill generation time. */
  public DigestMetadata(String signature, @Nullable String signatureAlgorithm) {
    this(signature, signatureAlgorithm, null);
  }

  /**
   * Parses {@code {"signature": "…", "signature-algorithm": "…"}} (with {@code
   * "backfill-generation-timestamp": ISO-8601} on a backfill digest), or a head-object output
   * whose {@code Metadata} member holds that map. Other keys are ignored.
   *
   * @param json UTF-8 JSON
   * @param source a name for error locations, or null
   * @throws MalformedInputException when it is not such JSON or the signature is missing
   */
  public static DigestMetadata parse(byte[] json, @Nullable String source) {
    JsonValue root = JsonFields.object(JsonFields.parse(json, source), source, "$");
    String path = "$";
    JsonValue inner = root.get("Metadata");
    if (inner != null && !root.has("signature")) {
      root = JsonFields.object(inner, source, "$.Metadata");
      path = "$.Metadata";
    }
    String generated =
        JsonFields.optionalString(root, "backfill-generation-timestamp", source, path);
    return new DigestMetadata(JsonFields.string(root, "signature", source, path),
        JsonFields.optionalString(root, "signature-algorithm", source, path),
        generated == null ? null : JsonFields.requiredTime(generated, source,
            path + ".backfill-generation-timestamp"));
  }
}
