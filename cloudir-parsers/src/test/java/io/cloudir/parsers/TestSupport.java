package io.cloudir.parsers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.model.LogRecord;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Helpers shared by the reader tests: inputs built with known offsets, and readers run to the end. */
final class TestSupport {
  private TestSupport() {}

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] gzip(byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(out)) {
      g.write(b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  /** A small, complete CloudTrail event, distinct per {@code i}. */
  static String event(int i) {
    return "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":\"AIDAEXAMPLE"
        + i + "\",\"arn\":\"arn:aws:iam::111122223333:user/u" + i
        + "\",\"accountId\":\"111122223333\",\"userName\":\"u" + i + "\"},\"eventTime\":\"2024-03-0"
        + (1 + i % 9) + "T10:0" + (i % 10) + ":00Z\",\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"CreateUser\","
        + "\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"198.51.100." + (i % 250)
        + "\",\"userAgent\":\"aws-cli/2.15\",\"requestParameters\":{\"userName\":\"n" + i
        + "\",\"tags\":[{\"key\":\"k\",\"value\":\"v\"}]},\"responseElements\":null,\"requestID\":\"req-" + i
        + "\",\"eventID\":\"ev-" + i + "\",\"readOnly\":false,\"eventType\":\"AwsApiCall\",\"managementEvent\":true,"
        + "\"recipientAccountId\":\"111122223333\",\"eventCategory\":\"Management\"}";
  }

  /** Builds an input and remembers the byte offset and line of each record it contains. */
  static final class Doc {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final List<long[]> marks = new ArrayList<>();
    final List<String> records = new ArrayList<>();
    private long lines = 1;

    Doc raw(String s) {
      return raw(utf8(s));
    }

    Doc raw(byte[] b) {
      out.writeBytes(b);
      for (byte x : b) {
        if (x == '\n') {
          lines++;
        }
      }
      return this;
    }

    /** Appends a record's text; its offset is where its first byte lands. */
    Doc rec(String json) {
      marks.add(new long[] {out.size(), lines});
      records.add(json);
      return raw(json);
    }

    /** Marks a record whose text is elsewhere (e.g. embedded in a string) at the current position. */
    Doc mark(String decodedJson) {
      marks.add(new long[] {out.size(), lines});
      records.add(decodedJson);
      return this;
    }

    long size() {
      return out.size();
    }

    long line() {
      return lines;
    }

    byte[] bytes() {
      return out.toByteArray();
    }
  }

  /** What a reader produced. */
  record Result(List<CloudTrailEvent> events, List<Rejection> rejections, ReadStats stats) {
    /** A comparable trace: every event and rejection with its provenance, in order of kind. */
    List<String> trace() {
      List<String> t = new ArrayList<>();
      for (CloudTrailEvent e : events) {
        t.add("E " + e.provenance().source() + " " + e.provenance().offset() + " " + e.provenance().line()
            + " " + abbreviate(e.toJson()));
      }
      for (Rejection r : rejections) {
        t.add("R " + r.source() + " " + r.offset() + " " + r.line() + " " + r.reason());
      }
      t.add("S parsed=" + stats.parsed() + " rejected=" + stats.rejected() + " skipped=" + stats.skipped()
          + " warnings=" + stats.warnings());
      return t;
    }

    /** The accounting invariants every read must satisfy. */
    Result checked() {
      assertEquals(stats.parsed() + stats.rejected(), stats.records(), "records == parsed + rejected");
      assertEquals(events.size(), stats.parsed(), "parsed == events delivered");
      assertEquals(rejections.size(), stats.rejected(), "rejected == rejections delivered");
      for (Rejection r : rejections) {
        assertTrue(r.snippet().length() <= Rejection.MAX_SNIPPET, "bounded snippet");
        assertTrue(r.offset() >= 0, "rejection offset known: " + r);
      }
      return this;
    }

    List<String> jsons() {
      List<String> j = new ArrayList<>();
      for (CloudTrailEvent e : events) {
        j.add(e.toJson());
      }
      return j;
    }
  }

  static Result read(LogReader.Builder builder, List<LogSource> sources) {
    List<Rejection> rej = new ArrayList<>();
    List<CloudTrailEvent> ev = new ArrayList<>();
    ReadStats stats;
    try (RecordStream s = builder.onRejection(rej::add).build().open(sources)) {
      for (LogRecord r : s) {
        ev.add((CloudTrailEvent) r);
      }
      stats = s.stats();
    }
    return new Result(ev, rej, stats).checked();
  }

  /** Reads bytes held in memory (the whole-input path). */
  static Result readMemory(String name, byte[] b) {
    return read(LogReader.builder(), List.of(LogSource.of(name, b)));
  }

  /** Reads bytes through an InputStream (the streaming path), with a block size. */
  static Result readStream(String name, byte[] b, int blockSize) {
    return read(LogReader.builder().blockSize(blockSize),
        List.of(LogSource.of(name, () -> new ByteArrayInputStream(b))));
  }

  /**
   * Reads the bytes all the ways a pull reader can (memory, stream with the default block, stream
   * with 4 KiB blocks) and checks that they agree; returns the streaming result.
   */
  static Result readAll(String name, byte[] b) {
    Result mem = readMemory(name, b);
    Result big = readStream(name, b, 1 << 20);
    Result small = readStream(name, b, 4096);
    assertEquals(big.trace(), mem.trace(), "memory vs stream");
    assertEquals(big.trace(), small.trace(), "default block vs 4 KiB blocks");
    return big;
  }

  /** Feeds the bytes to a PushReader cut at the given positions (ascending). */
  static Result push(String name, byte[] b, int[] cuts, ReadLimits limits) {
    List<Rejection> rej = new ArrayList<>();
    List<CloudTrailEvent> ev = new ArrayList<>();
    PushReader p = PushReader.cloudTrail(name, limits, r -> ev.add((CloudTrailEvent) r), rej::add);
    int from = 0;
    for (int c : cuts) {
      p.feed(ByteBuffer.wrap(b, from, c - from));
      from = c;
    }
    p.feed(ByteBuffer.wrap(b, from, b.length - from));
    p.close();
    return new Result(ev, rej, p.stats()).checked();
  }

  /** Expected event trace lines of a doc read from source {@code name}. */
  static List<String> expectedEvents(String name, Doc d) {
    List<String> t = new ArrayList<>();
    for (int i = 0; i < d.marks.size(); i++) {
      t.add("E " + name + " " + d.marks.get(i)[0] + " " + d.marks.get(i)[1] + " " + abbreviate(d.records.get(i)));
    }
    return t;
  }

  /** Long texts as their length and hash, to keep failure messages readable. */
  static String abbreviate(String s) {
    return s.length() <= 2000 ? s : "<" + s.length() + " chars, hash " + s.hashCode() + ">";
  }

  static List<String> eventTrace(Result r) {
    List<String> t = r.trace();
    return t.subList(0, r.events().size());
  }
}
