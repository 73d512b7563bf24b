package io.cloudir.model.internal;

import io.cloudir.model.LimitExceededException;
import io.cloudir.model.Location;
import io.cloudir.model.MalformedInputException;
import io.cloudir.model.Provenance;
import io.cloudir.model.internal.json.IndexedJson;
import io.cloudir.model.internal.json.JsonScanner;
import io.cloudir.model.internal.json.JsonSyntaxError;
import io.cloudir.model.internal.json.ObjectIndexer;
import io.cloudir.model.internal.json.ObjectSchema;
import io.cloudir.model.json.JsonValue;

/**
 * The {@code parse(byte[], Provenance)} of the JSON record types (WAF, Route 53 Resolver): one
 * JSON object, validated strictly and indexed by its format's schema, or an exception that says
 * where and what.
 *
 * <p>Stateless and thread-safe.
 */
public final class JsonRecordParsing {
  private JsonRecordParsing() {}

  /**
   * Validates and indexes a copy of {@code utf8}, which must hold one JSON object (white space
   * around it allowed).
   *
   * @throws MalformedInputException with the byte offset if the bytes are not one JSON object
   * @throws LimitExceededException if nesting is deeper than {@link JsonValue#DEFAULT_MAX_DEPTH}
   */
  public static IndexedJson index(byte[] utf8, Provenance provenance, ObjectSchema schema) {
    byte[] b = utf8.clone();
    ObjectIndexer ix = new ObjectIndexer(schema);
    JsonScanner sc = new JsonScanner(JsonValue.DEFAULT_MAX_DEPTH, Integer.MAX_VALUE);
    try {
      int p = JsonScanner.skipWs(b, 0, b.length);
      if (p >= b.length) {
        throw new JsonSyntaxError(p, "no JSON value");
      }
      int e = ix.index(b, p, b.length, true, sc, 0);
      int t = JsonScanner.skipWs(b, e, b.length);
      if (t != b.length) {
        throw new JsonSyntaxError(t, "unexpected data after the record");
      }
    } catch (JsonSyntaxError err) {
      Location loc = new Location(provenance.source(), err.offset(), -1, null);
      throw err.isLimit() ? new LimitExceededException(loc, err.reason())
          : new MalformedInputException(loc, err.reason());
    }
    return IndexedJson.of(ix, true);
  }
}
