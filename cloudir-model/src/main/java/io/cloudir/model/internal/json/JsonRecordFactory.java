package io.cloudir.model.internal.json;

import io.cloudir.model.LogRecord;
import io.cloudir.model.Provenance;
import io.cloudir.model.SourceType;

/**
 * How cloudir's readers turn an indexed JSON object into a record of one format (WAF, Route 53
 * Resolver…) without the record constructors being API. Implementations are installed by the
 * record classes (see {@link JsonRecordFactories}).
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface JsonRecordFactory {
  /** The format. */
  SourceType type();

  /** The names indexed for this format. */
  ObjectSchema schema();

  /** Whether the object last indexed by {@code ix} names at least one field of this format. */
  boolean isRecord(ObjectIndexer ix);

  /** The record for the object last indexed by {@code ix} (sharing or copying its bytes). */
  LogRecord make(ObjectIndexer ix, Provenance provenance, boolean copyBytes);

  /** Whether {@code r} (made by this factory) carries warnings, without building the list. */
  boolean hasWarnings(LogRecord r);

  /** A short description for rejections, e.g. {@code a WAF log record}. */
  String describe();
}
