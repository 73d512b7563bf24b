/**
 * cloudir-ocsf: writes cloudir records and findings as OCSF 1.1 events ({@link
 * io.cloudir.ocsf.OcsfWriter}) and as Elastic Common Schema 8.x documents ({@link
 * io.cloudir.ocsf.EcsWriter}), as JSON text produced by the module's own writer (no third-party
 * JSON library).
 */
module io.cloudir.ocsf {
  requires static transitive org.jspecify;
  requires transitive io.cloudir.model;
  requires transitive io.cloudir.rules;

  exports io.cloudir.ocsf;
}
