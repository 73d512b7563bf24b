/** cloudir cli. */
module io.cloudir.cli {
  requires static transitive org.jspecify;
  requires io.cloudir.model;
}
