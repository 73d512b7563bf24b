/** Immutable records for every AWS log format, the ARN algebra, the JSON value view and provenance. */
module io.cloudir.model {
  requires static transitive org.jspecify;

  exports io.cloudir.model;
  exports io.cloudir.model.arn;
}
