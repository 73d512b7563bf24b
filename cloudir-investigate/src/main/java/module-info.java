/**
 * cloudir-investigate: identity attribution (the real actor behind every call), dedup and ordering
 * of records across sources, entities and timelines. JDK only at run time.
 */
module io.cloudir.investigate {
  requires static transitive org.jspecify;
  requires transitive io.cloudir.model;
  requires transitive io.cloudir.parsers;
  requires io.cloudir.iam;

  exports io.cloudir.investigate;
  exports io.cloudir.investigate.enrich;
}
