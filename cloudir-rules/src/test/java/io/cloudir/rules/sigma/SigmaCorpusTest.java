package io.cloudir.rules.sigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.rules.Engine;
import io.cloudir.rules.Finding;
import io.cloudir.rules.Rule;
import io.cloudir.rules.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every Sigma rule of {@code ../shared/corpus/sigma_aws_cloudtrail} (SigmaHQ, DRL 1.1) imports,
 * compiles into one engine with the others, and fires on an event built from its own detection,
 * with the rule's author, licence and link in the finding.
 */
@Tag("corpus")
class SigmaCorpusTest {
  static final String BASE = "https://github.com/SigmaHQ/sigma/blob/"
      + "8eaafff1f2845a696050e05e72ba1140ee190698/rules/cloud/aws/cloudtrail/";

  static Path corpus() {
    return Path.of(System.getProperty("cloudir.shared", "../../shared"), "corpus",
        "sigma_aws_cloudtrail");
  }

  @Test
  void everyRuleImportsCompilesAndFiresWithItsAuthor() throws Exception {
    Path dir = corpus();
    assertTrue(Files.isDirectory(dir), "missing " + dir);
    List<Rule> rules = SigmaImporter.builder().linkBase(BASE).defaultLicense("DRL-1.1").build()
        .load(dir);
    long files;
    try (var s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".yml")).count();
    }
    assertEquals(57, files);
    assertEquals(files, rules.size());
    Engine engine = Engine.compile(rules);
    List<String> failures = new ArrayList<>();
    for (Rule r : rules) {
      Finding hit = null;
      for (CloudTrailEvent e : SigmaEvents.positives(r)) {
        List<Finding> out = new ArrayList<>();
        Session s = engine.newSession(out::add);
        s.accept(e);
        s.flush();
        hit = out.stream().filter(f -> f.ruleId().equals(r.id())).findFirst().orElse(null);
        if (hit != null) {
          break;
        }
      }
      if (hit == null) {
        failures.add(r.id() + " (" + r.title() + ") did not fire on any generated event");
        continue;
      }
      if (r.author() == null || !r.author().equals(hit.author())) {
        failures.add(r.id() + ": author " + hit.author() + " in the finding");
      }
      if (hit.link() == null || !hit.link().startsWith(BASE)
          || !Files.isRegularFile(dir.resolve(hit.link().substring(BASE.length())))) {
        failures.add(r.id() + ": link " + hit.link());
      }
      if (!"DRL-1.1".equals(hit.license())) {
        failures.add(r.id() + ": license " + hit.license());
      }
    }
    assertEquals(List.of(), failures);
  }
}
