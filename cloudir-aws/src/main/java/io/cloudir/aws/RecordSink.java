package io.cloudir.aws;

import io.cloudir.model.LogRecord;

/**
 * Receives the records of S3 objects, each with the object it came from (whose version id and
 * ETag complete the record's provenance). Called on the reading thread, in object order, then
 * record order.
 */
@FunctionalInterface
public interface RecordSink {
  /** One record of an object. */
  void accept(FetchedObject object, LogRecord record);
}
