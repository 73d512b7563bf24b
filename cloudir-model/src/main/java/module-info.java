/**
 * Immutable records for every AWS log format, the ARN algebra, the JSON value view and provenance.
 * JDK only.
 */
module io.cloudir.model {
  requires static transitive org.jspecify;

  exports io.cloudir.model;
  exports io.cloudir.model.json;
  exports io.cloudir.model.internal.json to
      io.cloudir.parsers,
      io.cloudir.iam,
      io.cloudir.cli;
}
