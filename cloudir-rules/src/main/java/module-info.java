/**
 * cloudir-rules: the detection rule model (typed fluent API and YAML rule format), the compiled
 * {@link io.cloudir.rules.Engine} with per-stream sessions, findings, and the rule test kit.
 *
 * <p>RE2/J (regular expressions in linear time) and SnakeYAML (rule files) are used internally
 * only: no type of theirs appears in the API.
 */
module io.cloudir.rules {
  requires static transitive org.jspecify;
  requires transitive io.cloudir.model;
  requires transitive io.cloudir.parsers;
  requires io.cloudir.iam;
  requires transitive io.cloudir.investigate;
  requires re2j;
  requires org.yaml.snakeyaml;

  exports io.cloudir.rules;
  exports io.cloudir.rules.sigma;
}
