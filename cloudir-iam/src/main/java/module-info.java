/** cloudir iam. */
module io.cloudir.iam {
  requires static transitive org.jspecify;
  requires io.cloudir.model;
}
