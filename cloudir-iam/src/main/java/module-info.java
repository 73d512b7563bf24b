/**
 * cloudir-iam: IAM policy model and evaluation, and the bundled AWS action catalog ({@link
 * io.cloudir.iam.catalog.ActionCatalog}) with the CloudTrail event to IAM action map ({@link
 * io.cloudir.iam.catalog.EventActionMap}).
 */
module io.cloudir.iam {
  requires static transitive org.jspecify;
  requires transitive io.cloudir.model;

  exports io.cloudir.iam.catalog;
  exports io.cloudir.iam.eval;
  exports io.cloudir.iam.policy;
  exports io.cloudir.iam.snapshot;
  exports io.cloudir.iam.internal.sim to
      io.cloudir.cli;
}
