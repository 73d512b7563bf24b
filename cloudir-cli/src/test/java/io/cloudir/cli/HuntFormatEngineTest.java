package io.cloudir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudir.model.json.JsonValue;
import io.cloudir.ocsf.testing.OcsfSchema;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code cloudir hunt --format ocsf|ecs} and {@code --engine}: every finding of the example
 * incident as an OCSF 1.1 Detection Finding that passes cloudir-ocsf's schema check, and a clear
 * error for {@code --engine spark} when Spark is not on the class path (it never is here).
 */
class HuntFormatEngineTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EXAMPLE = Path.of("..", "examples", "incident").toString();

  /** cloudir-ocsf's schema check (from that module's test-jar). */
  private static List<String> ocsfProblems(String event) {
    return OcsfSchema.problems(JsonValue.parse(event));
  }

  @Test
  void ocsfWritesADetectionFindingPerFindingThatPassesTheSchemaCheck() throws Exception {
    CliRun plain = CliRun.run("hunt", EXAMPLE);
    CliRun ocsf = CliRun.run("hunt", "--format", "ocsf", EXAMPLE);
    assertEquals(plain.code(), ocsf.code(), ocsf.err());
    List<String> findings = plain.outLines();
    List<String> events = ocsf.outLines();
    assertFalse(findings.isEmpty());
    assertEquals(findings.size(), events.size());
    for (int i = 0; i < events.size(); i++) {
      JsonNode e = JSON.readTree(events.get(i));
      JsonNode f = JSON.readTree(findings.get(i));
      assertEquals(2004, e.get("class_uid").asInt(), events.get(i));
      assertEquals(List.of(), ocsfProblems(events.get(i)), events.get(i));
      assertTrue(events.get(i).contains("\"" + f.get("rule").asText() + "\""), events.get(i));
    }
  }

  @Test
  void ecsWritesOneDocumentPerFinding() throws Exception {
    CliRun plain = CliRun.run("hunt", EXAMPLE);
    CliRun ecs = CliRun.run("hunt", "--format", "ecs", EXAMPLE);
    assertEquals(plain.outLines().size(), ecs.outLines().size());
    for (String line : ecs.outLines()) {
      assertTrue(JSON.readTree(line).has("@timestamp"), line);
    }
  }

  @Test
  void sparkEngineWithoutSparkIsAClearError() {
    CliRun r = CliRun.run("hunt", "--engine", "spark", "--master", "local[2]", EXAMPLE);
    assertEquals(1, r.code());
    assertTrue(r.err().contains("--engine spark needs cloudir-spark and Apache Spark"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void unknownEngineOrFormatIsAUsageError() {
    CliRun e = CliRun.run("hunt", "--engine", "flink", EXAMPLE);
    assertEquals(1, e.code());
    assertTrue(e.err().contains("unknown --engine flink"), e.err());
    CliRun g = CliRun.run("hunt", "--engine", "spark", "--geoip", "x.mmdb", EXAMPLE);
    assertEquals(1, g.code());
    assertTrue(g.err().contains("not supported with --engine spark"), g.err());
    CliRun f = CliRun.run("hunt", "--format", "xml", EXAMPLE);
    assertEquals(1, f.code());
    assertTrue(f.err().contains("unknown --format xml"), f.err());
  }
}
