package io.cloudir.parsers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.model.LogRecord;
import io.cloudir.model.SourceType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Shared checks of the text-format corpus tests: MANIFEST.tsv counts, by detection and by type. */
final class TextCorpusSupport {
  private TextCorpusSupport() {}

  record Result(List<LogRecord> records, List<Rejection> rejections, ReadStats stats) {}

  static Result read(Path file, @Nullable SourceType type) {
    List<Rejection> rejections = new ArrayList<>();
    List<LogRecord> records = new ArrayList<>();
    ReadStats stats;
    try (RecordStream s = LogReader.builder().type(type).onRejection(rejections::add).build()
        .open(List.of(LogSource.of(file)))) {
      s.forEach(records::add);
      stats = s.stats();
    }
    assertEquals(stats.parsed(), records.size());
    assertEquals(stats.records(), stats.parsed() + stats.rejected());
    return new Result(records, rejections, stats);
  }

  static List<CloudTrailCorpusTest.Entry> manifest(String prefix) throws IOException {
    return CloudTrailCorpusTest.manifest(prefix);
  }

  static Path corpus() {
    return CloudTrailCorpusTest.corpus();
  }

  /** Reads the file detected and with its type given; both must give the manifest's count. */
  static Result check(CloudTrailCorpusTest.Entry e, SourceType type) {
    Path f = corpus().resolve(e.path());
    Result detected = read(f, null);
    Result typed = read(f, type);
    for (Result r : List.of(detected, typed)) {
      if (e.count().isEmpty()) {
        // a control line only: not a record, not an error
        assertEquals(0, r.stats().parsed(), e.path());
        assertEquals(0, r.stats().rejected(), e.path() + " " + r.rejections());
        assertTrue(r.stats().skipped() >= 1, e.path());
        continue;
      }
      int expected = Integer.parseInt(e.count());
      assertEquals(expected, r.stats().parsed(), e.path() + " rejections: " + r.rejections());
      assertEquals(0, r.stats().rejected(), e.path() + " rejections: " + r.rejections());
      for (LogRecord rec : r.records()) {
        assertEquals(type, rec.source(), e.path());
        assertTrue(rec.provenance().source().endsWith(e.path()), rec.provenance().source());
        assertTrue(rec.provenance().line() >= 1, e.path());
      }
    }
    assertEquals(detected.stats(), typed.stats(), e.path());
    return detected;
  }
}
