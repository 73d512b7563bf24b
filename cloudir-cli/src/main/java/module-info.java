/**
 * The {@code cloudir} command line. Its only API is {@link io.cloudir.cli.Main}; the commands live
 * in {@code io.cloudir.cli.internal} and are opened to picocli, which fills their options.
 */
module io.cloudir.cli {
  requires static transitive org.jspecify;
  requires io.cloudir.model;
  requires io.cloudir.parsers;
  requires io.cloudir.iam;
  requires io.cloudir.investigate;
  requires io.cloudir.aws;
  requires io.cloudir.rules;
  requires io.cloudir.ocsf;
  requires info.picocli;

  exports io.cloudir.cli;

  opens io.cloudir.cli.internal to
      info.picocli;
}
