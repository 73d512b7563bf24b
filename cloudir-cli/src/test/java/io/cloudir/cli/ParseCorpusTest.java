package io.cloudir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code cloudir parse} over a real CloudTrail delivery set, checked record by record with Jackson. */
@Tag("corpus")
class ParseCorpusTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path corpus() {
    return Path.of(System.getProperty("cloudir.shared", "../../shared")).resolve("corpus");
  }

  @Test
  void invictusDatasetRoundTripsRecordByRecord() throws IOException {
    Path set = corpus().resolve("cloudtrail/invictus_aws_dataset");
    Assumptions.assumeTrue(Files.isDirectory(set), "corpus not present: " + set);

    List<JsonNode> expected = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.walk(set)) {
      files = s.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString))
          .collect(Collectors.toList());
    }
    for (Path f : files) {
      try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
        JsonNode env = JSON.readTree(in);
        env.get("Records").forEach(expected::add);
      }
    }
    assertTrue(expected.size() > 1000, "corpus has records: " + expected.size());

    CliRun r = CliRun.run("parse", set.toString());

    assertEquals(0, r.code(), r.err());
    Matcher m = Pattern.compile("parsed=(\\d+) rejected=0 warnings=\\d+ skipped=0")
        .matcher(r.lastErrLine());
    assertTrue(m.matches(), r.err());
    List<String> lines = r.outLines();
    assertEquals(Long.parseLong(m.group(1)), lines.size());
    assertEquals(expected.size(), lines.size());
    for (int i = 0; i < lines.size(); i++) {
      assertEquals(expected.get(i), JSON.readTree(lines.get(i)), "record " + i);
    }
  }
}
