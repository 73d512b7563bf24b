/** Zero-copy readers for AWS log formats. JDK only. */
module io.cloudir.parsers {
  requires static transitive org.jspecify;
  requires transitive io.cloudir.model;

  exports io.cloudir.parsers;
  exports io.cloudir.parsers.digest;
  exports io.cloudir.parsers.spi;

  uses io.cloudir.parsers.spi.LineFormatProvider;
}
