package io.cloudir.iam.catalog;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Measures how much of the project's CloudTrail corpus {@link EventActionMap} can place: every
 * distinct (eventSource, eventName) pair in {@code shared/corpus/cloudtrail} is resolved and the
 * share that maps to a catalog action (or to "no IAM action") is printed and checked.
 */
@Tag("corpus")
class EventActionMapCorpusTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void corpusPairsMapToCatalogActions() throws IOException {
    Path root = Path.of(System.getProperty("cloudir.shared", "../shared"), "corpus", "cloudtrail");
    assertTrue(Files.isDirectory(root), "no corpus at " + root);
    TreeSet<String> pairs = new TreeSet<>();
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(Files::isRegularFile).sorted().collect(java.util.stream.Collectors.toList());
    }
    for (Path f : files) {
      byte[] bytes = Files.readAllBytes(f);
      if (bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
        try (GZIPInputStream gz = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
          bytes = gz.readAllBytes();
        } catch (IOException e) {
          continue;
        }
      }
      String text = new String(bytes, StandardCharsets.UTF_8);
      try {
        collect(JSON.readTree(text), pairs);
      } catch (IOException whole) {
        for (String line : text.split("\n")) {
          try {
            collect(JSON.readTree(line), pairs);
          } catch (IOException notJson) {
            // not JSON (a malformed fixture): nothing to collect
          }
        }
      }
    }
    EventActionMap map = EventActionMap.bundled();
    Map<EventMapping.Kind, Integer> byKind = new TreeMap<>();
    List<String> unknown = new ArrayList<>();
    for (String p : pairs) {
      String[] sn = p.split("\t");
      EventMapping m = map.resolve(sn[0], sn[1]);
      byKind.merge(m.kind(), 1, Integer::sum);
      if (m.kind() == EventMapping.Kind.UNKNOWN) {
        unknown.add(sn[0] + " " + sn[1]);
      }
      for (ActionInfo a : m.actions()) {
        assertTrue(map.catalog().action(a.fullName()).isPresent(), a.fullName());
      }
    }
    int placed = pairs.size() - unknown.size();
    System.out.printf(
        "corpus: %d distinct (eventSource, eventName) pairs; placed %d (%.1f%%) %s; unknown: %s%n",
        pairs.size(), placed, 100.0 * placed / pairs.size(), byKind, unknown);
    assertTrue(pairs.size() >= 400, "corpus has " + pairs.size() + " pairs");
    assertTrue(placed >= 0.9 * pairs.size(), "placed only " + placed + " of " + pairs.size());
  }

  private static void collect(JsonNode n, TreeSet<String> out) throws IOException {
    if (n == null) {
      return;
    }
    if (n.isObject()) {
      JsonNode s = n.get("eventSource");
      JsonNode e = n.get("eventName");
      if (s != null && e != null && s.isTextual() && e.isTextual()) {
        out.add(s.asText() + "\t" + e.asText());
      }
      for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
        collect(it.next(), out);
      }
    } else if (n.isArray()) {
      for (JsonNode c : n) {
        collect(c, out);
      }
    } else if (n.isTextual() && n.asText().startsWith("{")) {
      try {
        collect(JSON.readTree(n.asText()), out);
      } catch (IOException notJson) {
        // a string that only looks like JSON
      }
    }
  }
}
