package io.cloudir.parsers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.model.LogRecord;
import io.cloudir.model.RecordWarning;
import io.cloudir.model.SourceType;
import io.cloudir.model.vpcflow.FlowLogRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every VPC flow log file of ../shared/corpus, auto-detected, against MANIFEST.tsv; the two
 * conditional {@code -1} files of corpus/README.md are checked as it describes.
 */
@Tag("corpus")
class VpcFlowCorpusTest {
  record Result(List<LogRecord> records, List<Rejection> rejections, ReadStats stats) {}

  static Result read(LogReader.Builder b, Path p) {
    List<Rejection> rej = new ArrayList<>();
    List<LogRecord> recs = new ArrayList<>();
    try (RecordStream s = b.onRejection(rej::add).build().open(List.of(LogSource.of(p)))) {
      s.forEach(recs::add);
      return new Result(recs, rej, s.stats());
    }
  }

  @TestFactory
  Stream<DynamicTest> manifestCounts() throws IOException {
    return CloudTrailCorpusTest.manifest("vpcflow/").stream()
        .map(e -> DynamicTest.dynamicTest(e.path(), () -> check(e)));
  }

  private static void check(CloudTrailCorpusTest.Entry e) {
    Path p = CloudTrailCorpusTest.corpus().resolve(e.path());
    Result r = read(LogReader.builder(), p);
    int expected = Integer.parseInt(e.count());
    assertEquals(r.stats().records(), r.stats().parsed() + r.stats().rejected());
    if (expected == -1) {
      assertEquals(0, r.records().size(), e.path());
      assertEquals(1, r.rejections().size(), e.path() + " " + r.rejections());
      return;
    }
    assertEquals(expected, r.records().size(), e.path() + " " + r.rejections());
    assertEquals(0, r.rejections().size(), e.path() + " " + r.rejections());
    for (LogRecord rec : r.records()) {
      assertEquals(SourceType.VPC_FLOW, rec.source());
      assertTrue(rec.toJson().startsWith("{"));
    }
  }

  @Test
  void tooManyFieldsIsOneRejectionAtLine2() {
    Path p = CloudTrailCorpusTest.corpus().resolve("vpcflow/otel_collector_contrib/vpc_flow_log_too_many_fields.log");
    Result r = read(LogReader.builder(), p);
    assertEquals(1, r.rejections().size());
    assertEquals(2, r.rejections().get(0).line());
    assertTrue(r.rejections().get(0).reason().contains("found 15"), r.rejections().get(0).reason());
    assertEquals(1, r.stats().skipped(), "the header line");
  }

  @Test
  void customCloudWatchFileReadsTwoRecordsOnceTheFormatIsGiven() {
    Path p = CloudTrailCorpusTest.corpus().resolve("vpcflow/otel_collector_contrib/valid_vpc_flow_cw_custom.json");
    Result unknown = read(LogReader.builder(), p);
    assertEquals("unknown format", unknown.rejections().get(0).reason());
    Result r = read(LogReader.builder().type(SourceType.VPC_FLOW)
        .option("vpcflow.format", "${version} ${interface-id} ${srcaddr} ${dstaddr}"), p);
    assertEquals(2, r.records().size(), r.rejections().toString());
    assertEquals(0, r.rejections().size());
    FlowLogRecord a = (FlowLogRecord) r.records().get(0);
    assertEquals("eni-1235b8ca123456789", a.interfaceId());
    assertEquals("172.31.16.21", a.dstaddr().toString());
  }

  @Test
  void oddCasesAreKeptWithWarnings() {
    Path dir = CloudTrailCorpusTest.corpus().resolve("vpcflow");
    Result flags = read(LogReader.builder(), dir.resolve("aws_docs_examples/custom_v3_tcp_flags.log"));
    FlowLogRecord last = (FlowLogRecord) flags.records().get(7);
    assertEquals(List.of("line.spacing"), last.warnings().stream().map(RecordWarning::code).toList());
    assertEquals(19, last.tcpFlags().bits());
    assertEquals(1, flags.stats().warnings());
    Result nat = read(LogReader.builder(), dir.resolve("aws_docs_examples/custom_nat_gateway_no_version.log"));
    assertEquals(6, nat.records().size());
    assertEquals(-1, ((FlowLogRecord) nat.records().get(0)).version());
    Result ecs = read(LogReader.builder(), dir.resolve("otel_collector_contrib/valid_vpc_flow_log_ecs.log"));
    FlowLogRecord ev = (FlowLogRecord) ecs.records().get(0);
    assertEquals("my-service", ev.ecsServiceName());
    assertTrue(ev.warnings().stream().anyMatch(w -> w.code().equals("version.belowFields")),
        "version 5 with version 7 ECS fields is flagged");
  }

  @Test
  void cursorReaderAgreesOnTheCorpus() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(CloudTrailCorpusTest.corpus().resolve("vpcflow"))) {
      files = s.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".md")).sorted().toList();
    }
    for (Path f : files) {
      Result r = read(LogReader.builder().type(SourceType.VPC_FLOW), f);
      try (FlowLogCursorReader c = FlowLogCursorReader.open(LogSource.of(f), ReadLimits.defaults())) {
        int i = 0;
        while (c.next()) {
          assertEquals(r.records().get(i++), c.cursor().toRecord(), f.toString());
        }
        assertEquals(r.records().size(), i, f.toString());
        assertEquals(r.stats().rejected(), c.stats().rejected(), f.toString());
      }
    }
  }
}
