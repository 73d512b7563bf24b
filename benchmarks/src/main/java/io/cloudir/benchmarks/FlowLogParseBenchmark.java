package io.cloudir.benchmarks;

import io.cloudir.model.LogRecord;
import io.cloudir.model.vpcflow.FlowLogCursor;
import io.cloudir.model.vpcflow.FlowLogField;
import io.cloudir.model.vpcflow.FlowLogRecord;
import io.cloudir.parsers.FlowLogCursorReader;
import io.cloudir.parsers.LogReader;
import io.cloudir.parsers.LogSource;
import io.cloudir.parsers.ReadLimits;
import io.cloudir.parsers.RecordStream;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading srcaddr, srcport, dstport, protocol, packets, bytes, start, end and action of every
 * record of one ~50 MiB flow log file held in memory ({@link FlowLogData}), by cloudir's cursor
 * reader, by cloudir's record reader, and by the usual hand-written peer ({@code
 * BufferedReader.readLine} + {@code String.split(" ")} + {@code parseInt}/{@code parseLong}).
 * Every variant returns a {@link FlowAnswer}; {@code FlowLogSameAnswerTest} checks they agree.
 *
 * <p>Thread-safety: JMH state, one instance per trial; the benchmark methods only read it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class FlowLogParseBenchmark {
  /** {@code v2} (default format) or {@code v5} (the documented 29-field custom format). */
  @Param({"v2", "v5"})
  public String input = "v2";

  /** Input size in bytes. */
  @Param({"52428800"})
  public int size = FlowLogData.DEFAULT_SIZE;

  byte[] bytes = new byte[0];
  long records;

  /** Creates the state; JMH calls {@link #setup()}. */
  public FlowLogParseBenchmark() {}

  /** Generates the input and counts its records. */
  @Setup(Level.Trial)
  public void setup() throws IOException {
    bytes = FlowLogData.generate(input, FlowLogData.DEFAULT_SEED, size);
    records = parse_bufferedReaderSplit(new ParseRates()).records;
  }

  private static long num(FlowLogCursor c, FlowLogField f) {
    return c.number(f);
  }

  /**
   * cloudir's allocation-free path: {@link FlowLogCursorReader} over the in-memory bytes; numbers
   * straight from bytes, srcaddr as a byte slice, action compared as bytes.
   */
  @Benchmark
  public FlowAnswer parse_cloudirCursor(ParseRates rates) throws IOException {
    FlowAnswer a = new FlowAnswer();
    try (FlowLogCursorReader r = FlowLogCursorReader.open(LogSource.of("mem", bytes), ReadLimits.defaults(), null,
        false)) {
      FlowLogCursor c = r.cursor();
      while (r.next()) {
        a.records++;
        a.numbers += num(c, FlowLogField.SRCPORT) + num(c, FlowLogField.DSTPORT) + num(c, FlowLogField.PROTOCOL)
            + num(c, FlowLogField.PACKETS) + num(c, FlowLogField.BYTES) + num(c, FlowLogField.START)
            + num(c, FlowLogField.END);
        if (c.valueEquals(FlowLogField.ACTION, "ACCEPT")) {
          a.accepts++;
        }
        a.mixAddress(c.buffer(), c.valueStart(FlowLogField.SRCADDR), c.valueEnd(FlowLogField.SRCADDR));
      }
    }
    rates.add(bytes.length, records);
    return a;
  }

  /** cloudir's default API: {@link LogReader} handing out immutable {@link FlowLogRecord}s. */
  @Benchmark
  public FlowAnswer parse_cloudirRecords(ParseRates rates) {
    FlowAnswer a = new FlowAnswer();
    try (RecordStream s = LogReader.builder().build().open(List.of(LogSource.of("mem", bytes)))) {
      for (LogRecord lr : s) {
        FlowLogRecord c = (FlowLogRecord) lr;
        a.records++;
        a.numbers += c.number(FlowLogField.SRCPORT) + c.number(FlowLogField.DSTPORT)
            + c.number(FlowLogField.PROTOCOL) + c.packets() + c.bytes() + c.start() + c.end();
        if (c.valueEquals(FlowLogField.ACTION, "ACCEPT")) {
          a.accepts++;
        }
        a.mixAddress(c.buffer(), c.valueStart(FlowLogField.SRCADDR), c.valueEnd(FlowLogField.SRCADDR));
      }
    }
    rates.add(bytes.length, records);
    return a;
  }

  private static long parse(String s) {
    return s.equals("-") ? -1 : Long.parseLong(s);
  }

  /**
   * The peer: {@code BufferedReader.readLine}, {@code String.split(" ")}, {@code Long.parseLong};
   * field positions from the header line.
   */
  @Benchmark
  public FlowAnswer parse_bufferedReaderSplit(ParseRates rates) throws IOException {
    FlowAnswer a = new FlowAnswer();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(bytes),
        StandardCharsets.UTF_8), 1 << 16)) {
      List<String> header = Arrays.asList(in.readLine().split(" "));
      int src = header.indexOf("srcaddr");
      int sp = header.indexOf("srcport");
      int dp = header.indexOf("dstport");
      int pr = header.indexOf("protocol");
      int pk = header.indexOf("packets");
      int by = header.indexOf("bytes");
      int st = header.indexOf("start");
      int en = header.indexOf("end");
      int ac = header.indexOf("action");
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isEmpty()) {
          continue;
        }
        String[] f = line.split(" ");
        if (f.length != header.size()) {
          throw new IOException("bad line " + line);
        }
        a.records++;
        a.numbers += parse(f[sp]) + parse(f[dp]) + parse(f[pr]) + parse(f[pk]) + parse(f[by]) + parse(f[st])
            + parse(f[en]);
        if (f[ac].equals("ACCEPT")) {
          a.accepts++;
        }
        a.mixAddress(f[src]);
      }
    }
    rates.add(bytes.length, records);
    return a;
  }
}
