package io.cloudir.ocsf;

import io.cloudir.ocsf.testing.OcsfSchema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.model.LogRecord;
import io.cloudir.model.json.JsonValue;
import io.cloudir.parsers.LogReader;
import io.cloudir.parsers.LogSource;
import io.cloudir.parsers.RecordStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * Every record cloudir reads from ../shared/corpus, written as OCSF and as ECS: each OCSF event
 * conforms to the schema extract (required attributes, types, enumerations, type_uid), each ECS
 * document to the ECS field types, and both keep the record's time.
 */
@Tag("corpus")
class OcsfCorpusTest {
  private static Path corpus() {
    return Path.of(System.getProperty("cloudir.shared", "../../shared")).resolve("corpus");
  }

  @TestFactory
  Stream<DynamicTest> everyCorpusRecord() throws Exception {
    List<String> dirs = List.of("cloudtrail", "vpcflow", "route53_resolver", "route53_public_dns",
        "waf", "s3_access", "elb");
    List<DynamicTest> tests = new ArrayList<>();
    for (String dir : dirs) {
      tests.add(DynamicTest.dynamicTest(dir, () -> check(corpus().resolve(dir))));
    }
    return tests.stream();
  }

  private static void check(Path dir) throws Exception {
    assertTrue(Files.isDirectory(dir), dir::toString);
    Map<Long, Integer> classes = new TreeMap<>();
    int n = 0;
    List<String> failures = new ArrayList<>();
    try (RecordStream s = LogReader.builder().onRejection(r -> { }).build()
        .open(LogSource.expand(List.of(dir.toString())))) {
      for (LogRecord r : s) {
        n++;
        JsonValue o = JsonValue.parse(OcsfWriter.create().write(r));
        List<String> p = OcsfSchema.problems(o);
        if (r.time() != null && o.get("time").asLong() != r.time().toEpochMilli()) {
          p.add("time differs");
        }
        classes.merge(o.get("class_uid").asLong(), 1, Integer::sum);
        JsonValue e = JsonValue.parse(EcsWriter.create().write(r));
        p.addAll(EcsFields.problems(e));
        if (!p.isEmpty() && failures.size() < 10) {
          failures.add(r.provenance() + ": " + p);
        }
      }
    }
    assertTrue(n > 0, "no records in " + dir);
    assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
    assertEquals(false, classes.containsKey(0L), classes::toString);
  }
}
