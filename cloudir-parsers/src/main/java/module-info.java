/** cloudir parsers. */
module io.cloudir.parsers {
  requires static transitive org.jspecify;
  requires io.cloudir.model;
}
