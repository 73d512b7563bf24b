package io.cloudir.parsers;

import io.cloudir.model.LogRecord;
import io.cloudir.model.SourceType;
import io.cloudir.model.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** The checks the text-format fuzz tests share; see {@link S3AccessFuzzTest}, {@link LoadBalancerFuzzTest}. */
final class ReaderFuzzChecks {
  private ReaderFuzzChecks() {}

  /**
   * Reads {@code data} with the type given ({@code null}: detected) and checks that nothing but
   * records and rejections comes out, the counts add up, every rejection lies inside the input,
   * every record's JSON is one JSON object, and every record of {@code kind} gives the same JSON
   * again when {@code reparse} parses it anew.
   */
  static <T extends LogRecord> void check(byte[] data, @Nullable SourceType type, Class<T> kind,
      Function<T, LogRecord> reparse) {
    List<Rejection> rejections = new ArrayList<>();
    List<LogRecord> records = new ArrayList<>();
    ReadStats stats;
    try (RecordStream s = LogReader.builder().type(type).onRejection(rejections::add).build()
        .open(List.of(LogSource.of("fuzz", data)))) {
      s.forEach(records::add);
      stats = s.stats();
    }
    if (stats.parsed() != records.size() || stats.rejected() != rejections.size()
        || stats.records() != stats.parsed() + stats.rejected()) {
      throw new IllegalStateException("counts do not add up: " + stats);
    }
    for (Rejection r : rejections) {
      if (r.offset() < 0 || r.offset() > data.length || r.line() < 1) {
        throw new IllegalStateException("rejection outside the input: " + r);
      }
    }
    for (LogRecord r : records) {
      String json = r.toJson();
      if (!JsonValue.parse(json).isObject()) {
        throw new IllegalStateException("not a JSON object: " + json);
      }
      r.warnings();
      r.time();
      if (kind.isInstance(r)) {
        String again = reparse.apply(kind.cast(r)).toJson();
        if (!again.equals(json)) {
          throw new IllegalStateException("re-parsing the line changes it: " + json + " vs " + again);
        }
      }
    }
  }
}
