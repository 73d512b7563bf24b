/** Zero-copy readers for AWS log formats. JDK only. */
module io.cloudir.parsers {
  requires static transitive org.jspecify;
  requires transitive io.cloudir.model;

  exports io.cloudir.parsers;
}
