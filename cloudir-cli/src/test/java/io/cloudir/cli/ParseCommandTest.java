package io.cloudir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SUMMARY =
      Pattern.compile("parsed=(\\d+) rejected=(\\d+) warnings=(\\d+) skipped=(\\d+)");

  @TempDir Path dir;

  /** A CloudTrail-shaped event whose strings need care: spaces, escapes, non-ASCII, odd keys. */
  private static ObjectNode event(int i) {
    ObjectNode e = JSON.createObjectNode();
    e.put("eventVersion", "1.08");
    ObjectNode id = e.putObject("userIdentity");
    id.put("type", "IAMUser");
    id.put("arn", "arn:aws:iam::111122223333:user/user " + i);
    e.put("eventTime", String.format("2026-03-14T09:%02d:00Z", i % 60));
    e.put("eventSource", "iam.amazonaws.com");
    e.put("eventName", "CreateUser");
    e.put("awsRegion", "us-east-1");
    e.put("sourceIPAddress", "203.0.113." + (i % 250));
    e.put("userAgent", "aws-cli/2.15.30 Python/3.11 Linux/6.5 exe/x86_64 prompt/off");
    ObjectNode rp = e.putObject("requestParameters");
    rp.put("userName", "line one\nline two\r\n\ttabbed  \"quoted\" back\\slash");
    rp.put("note", "  leading and trailing spaces  ");
    rp.put("unicode", "é ✓ 😀 \u0001 \u2028");
    rp.put("odd key with spaces", true);
    rp.putObject("empty");
    rp.putArray("emptyList");
    ArrayNode nums = rp.putArray("numbers");
    nums.add(0).add(-1).add(1.5e10).add(123456789012345L);
    e.putNull("responseElements");
    e.put("eventID", "00000000-0000-4000-8000-" + String.format("%012d", i));
    e.put("readOnly", false);
    e.put("eventType", "AwsApiCall");
    e.put("recipientAccountId", "111122223333");
    return e;
  }

  private static List<JsonNode> events(int from, int count) {
    List<JsonNode> l = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      l.add(event(i));
    }
    return l;
  }

  private static byte[] prettyEnvelope(List<JsonNode> records) throws IOException {
    ObjectNode env = JSON.createObjectNode();
    env.putArray("Records").addAll(records);
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(env);
  }

  private static byte[] jsonLines(List<String> lines) {
    return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> compact(List<JsonNode> records) throws IOException {
    List<String> l = new ArrayList<>();
    for (JsonNode n : records) {
      // the same generator as the pretty-printed input (bytes), so the escapes are the same
      l.add(new String(JSON.writeValueAsBytes(n), StandardCharsets.UTF_8));
    }
    return l;
  }

  private static byte[] gzip(byte[] b) throws IOException {
    ByteArrayOutputStream bo = new ByteArrayOutputStream();
    try (OutputStream g = new GZIPOutputStream(bo)) {
      g.write(b);
    }
    return bo.toByteArray();
  }

  private Path write(String name, byte[] content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.write(p, content);
    return p;
  }

  private static void assertRecords(List<JsonNode> expected, CliRun r) throws IOException {
    List<String> lines = r.outLines();
    assertEquals(expected.size(), lines.size(), r.out());
    for (int i = 0; i < lines.size(); i++) {
      assertEquals(expected.get(i), JSON.readTree(lines.get(i)), "record " + i);
    }
  }

  private static long[] summary(CliRun r) {
    var m = SUMMARY.matcher(r.lastErrLine());
    assertTrue(m.matches(), "last stderr line is the summary: " + r.err());
    long count = r.errLines().stream().filter(l -> SUMMARY.matcher(l).matches()).count();
    assertEquals(1, count, "exactly one summary line: " + r.err());
    return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
        Long.parseLong(m.group(3)), Long.parseLong(m.group(4))};
  }

  @Test
  void prettyPrintedEnvelopeBecomesOneCompactLinePerRecord() throws IOException {
    List<JsonNode> records = events(0, 5);
    byte[] pretty = prettyEnvelope(records);
    assertTrue(new String(pretty, StandardCharsets.UTF_8).contains("\n    \"eventVersion\" : "),
        "the input really is pretty-printed");
    Path f = write("pretty.json", pretty);

    CliRun r = CliRun.run("parse", f.toString());

    assertEquals(0, r.code(), r.err());
    assertRecords(records, r);
    // Jackson's compact form of the same trees: the same escapes, no whitespace outside strings
    assertEquals(compact(records), r.outLines());
    assertEquals(List.of(5L, 0L, 0L, 0L), List.of(summary(r)[0], summary(r)[1], summary(r)[2],
        summary(r)[3]));
  }

  @Test
  void handWrittenWhitespaceOfEveryKindIsRemovedOutsideStringsOnly() throws IOException {
    String rec = "{\r\n\t\"eventVersion\" :\t\"1.08\" ,\r\n  \"eventTime\": \"2026-03-14T09:00:00Z\",\n"
        + "  \"eventName\" : \"Put Object\\n\\tx\" , \"requestParameters\" : { \"a b\" : [ 1 , 2 ,"
        + " { } , [ ] ] , \"c\\\\\" : \"d\\\\\\\" e\" } ,\n  \"readOnly\" : true\r\n}";
    Path f = write("ws.json", ("{ \"Records\" : [ " + rec + " ,\n" + rec + " ] }\n")
        .getBytes(StandardCharsets.UTF_8));

    CliRun r = CliRun.run("parse", f.toString());

    assertEquals(0, r.code(), r.err());
    String expected = "{\"eventVersion\":\"1.08\",\"eventTime\":\"2026-03-14T09:00:00Z\","
        + "\"eventName\":\"Put Object\\n\\tx\",\"requestParameters\":{\"a b\":[1,2,{},[]],"
        + "\"c\\\\\":\"d\\\\\\\" e\"},\"readOnly\":true}";
    assertEquals(List.of(expected, expected), r.outLines());
    assertEquals(JSON.readTree(rec), JSON.readTree(r.outLines().get(0)));
  }

  @Test
  void rejectedLineExitsTwoKeepsTheRestAndIsReportedEverywhere() throws IOException {
    List<String> good = compact(events(10, 2));
    String bad = "{\"eventVersion\":\"1.08\",\"eventName\":\"Trunc";
    byte[] content = jsonLines(List.of(good.get(0), bad, good.get(1)));
    Path f = write("lines.jsonl", content);
    Path rejects = dir.resolve("rejects.jsonl");

    CliRun r = CliRun.run("parse", "--rejects", rejects.toString(), f.toString());

    assertEquals(2, r.code(), r.err());
    assertRecords(events(10, 2), r);
    long[] s = summary(r);
    assertEquals(2, s[0]);
    assertEquals(1, s[1]);
    List<String> errLines = r.errLines();
    assertEquals(2, errLines.size(), r.err());
    assertTrue(errLines.get(0).startsWith("cloudir: " + f + ":offset "), errLines.get(0));
    assertTrue(errLines.get(0).contains(":line 2: "), errLines.get(0));

    List<String> rej = Files.readAllLines(rejects, StandardCharsets.UTF_8);
    assertEquals(1, rej.size());
    JsonNode j = JSON.readTree(rej.get(0));
    assertEquals(f.toString(), j.get("source").asText());
    assertEquals(2, j.get("line").asLong());
    long lineStart = good.get(0).getBytes(StandardCharsets.UTF_8).length + 1;
    long offset = j.get("offset").asLong();
    assertTrue(offset >= lineStart && offset <= lineStart + bad.length(), "offset " + offset);
    assertFalse(j.get("reason").asText().isEmpty());
    assertTrue(j.get("snippet").asText().contains("Trunc"), j.toString());
    assertTrue(errLines.get(0).endsWith(": " + j.get("reason").asText()), errLines.get(0));
  }

  @Test
  void rejectsFileIsEmptyWhenNothingIsRejected() throws IOException {
    Path f = write("ok.jsonl", jsonLines(compact(events(0, 3))));
    Path rejects = dir.resolve("none.jsonl");

    CliRun r = CliRun.run("parse", "--rejects", rejects.toString(), f.toString());

    assertEquals(0, r.code(), r.err());
    assertEquals(3, r.outLines().size());
    assertTrue(Files.exists(rejects));
    assertEquals(0, Files.size(rejects));
    assertEquals(1, r.errLines().size(), r.err());
  }

  @Test
  void directoriesAreReadRecursivelyInSortedPathOrder() throws IOException {
    // written in the reverse of the expected order
    write("logs/c/d/e.json", prettyEnvelope(events(4, 2)));
    write("logs/b.jsonl", jsonLines(compact(events(2, 2))));
    write("logs/a/x.json.gz", gzip(prettyEnvelope(events(0, 2))));

    CliRun r = CliRun.run("parse", dir.resolve("logs").toString());

    assertEquals(0, r.code(), r.err());
    assertRecords(events(0, 6), r);
    assertEquals(6, summary(r)[0]);
  }

  @Test
  void severalPathsAreReadInTheOrderGiven() throws IOException {
    Path a = write("a.jsonl", jsonLines(compact(events(0, 2))));
    Path b = write("b.jsonl", jsonLines(compact(events(2, 2))));

    CliRun r = CliRun.run("parse", b.toString(), a.toString());

    assertEquals(0, r.code(), r.err());
    List<JsonNode> expected = new ArrayList<>(events(2, 2));
    expected.addAll(events(0, 2));
    assertRecords(expected, r);
  }

  @Test
  void dashReadsStandardInput() throws IOException {
    List<JsonNode> records = events(20, 3);

    CliRun r = CliRun.runWithInput(prettyEnvelope(records), "parse", "-");

    assertEquals(0, r.code(), r.err());
    assertRecords(records, r);
  }

  @Test
  void gzipStandardInputIsDecompressed() throws IOException {
    List<JsonNode> records = events(30, 4);

    CliRun r = CliRun.runWithInput(gzip(jsonLines(compact(records))), "parse", "--type",
        "cloudtrail", "-");

    assertEquals(0, r.code(), r.err());
    assertRecords(records, r);
  }

  @Test
  void gzipFileIsDecompressed() throws IOException {
    List<JsonNode> records = events(40, 3);
    Path f = write("delivery.json.gz", gzip(prettyEnvelope(records)));

    CliRun r = CliRun.run("parse", f.toString());

    assertEquals(0, r.code(), r.err());
    assertRecords(records, r);
  }

  @Test
  void recordsLargerThanTheOutputBufferAreWrittenWhole() throws IOException {
    List<JsonNode> records = events(0, 3);
    ((ObjectNode) records.get(1).get("requestParameters")).put("big", " x\n".repeat(40_000));
    Path f = write("big.json", prettyEnvelope(records));

    CliRun r = CliRun.run("parse", f.toString());

    assertEquals(0, r.code(), r.err());
    assertRecords(records, r);
  }

  @Test
  void unsupportedTypeIsAUsageError() throws IOException {
    Path f = write("x.jsonl", jsonLines(compact(events(0, 1))));

    // a documented type this build cannot read yet (vpcflow became readable; others follow)
    String unsupported = null;
    for (String t : List.of("waf", "route53-resolver", "s3-access", "alb")) {
      try {
        io.cloudir.parsers.LogReader.builder().type(io.cloudir.model.SourceType.of(t));
      } catch (IllegalArgumentException e) {
        unsupported = t;
        break;
      }
    }
    Assumptions.assumeTrue(unsupported != null, "every documented type is supported");

    CliRun r = CliRun.run("parse", "--type", unsupported, f.toString());

    assertEquals(1, r.code());
    assertEquals("", r.out());
    assertEquals(List.of("cloudir: --type " + unsupported + " is not supported yet"), r.errLines());
  }

  @Test
  void unknownTypeIsAUsageError() throws IOException {
    Path f = write("x.jsonl", jsonLines(compact(events(0, 1))));

    CliRun r = CliRun.run("parse", "--type", "syslog", f.toString());

    assertEquals(1, r.code());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("cloudir: unknown --type syslog"), r.err());
  }

  @Test
  void missingPathIsAUsageErrorAndNothingIsRead() throws IOException {
    Path ok = write("x.jsonl", jsonLines(compact(events(0, 1))));
    String missing = dir.resolve("nope").toString();

    CliRun r = CliRun.run("parse", ok.toString(), missing);

    assertEquals(1, r.code());
    assertEquals("", r.out());
    assertEquals(List.of("cloudir: no such file or directory: " + missing), r.errLines());
  }

  @Test
  void badOptionsAreUsageErrors() {
    CliRun noPath = CliRun.run("parse");
    assertEquals(1, noPath.code());
    assertTrue(noPath.err().startsWith("cloudir: Missing required parameter"), noPath.err());

    CliRun bogus = CliRun.run("parse", "--bogus", "x");
    assertEquals(1, bogus.code());
    assertTrue(bogus.err().startsWith("cloudir: Unknown option: '--bogus'"), bogus.err());

    CliRun noCommand = CliRun.run();
    assertEquals(1, noCommand.code());
    assertTrue(noCommand.err().contains("Usage: cloudir"), noCommand.err());

    CliRun unknownCommand = CliRun.run("frobnicate");
    assertEquals(1, unknownCommand.code());
    assertEquals("", unknownCommand.out());
  }

  @Test
  void helpAndVersionSucceed() {
    CliRun help = CliRun.run("parse", "--help");
    assertEquals(0, help.code());
    assertTrue(help.out().contains("--rejects=FILE"), help.out());
    assertTrue(help.out().contains("--type=TYPE"), help.out());

    CliRun version = CliRun.run("--version");
    assertEquals(0, version.code());
    assertTrue(version.out().matches("(?s)cloudir \\d+\\.\\d+\\.\\d+.*"), version.out());
  }

  @Test
  void unreadableInputIsAnIoError() {
    Path mem = Path.of("/proc/self/mem");
    Assumptions.assumeTrue(Files.exists(mem), "needs Linux /proc");

    CliRun r = CliRun.run("parse", mem.toString());

    assertEquals(1, r.code(), r.err());
    assertTrue(r.errLines().get(0).startsWith("cloudir: /proc/self/mem: "), r.err());
    summary(r);
  }

  @Test
  void noProgressBarWhenStandardErrorIsNotATerminal() throws IOException {
    Path f = write("many.jsonl", jsonLines(compact(events(0, 600))));

    CliRun r = CliRun.run("parse", f.toString());

    assertEquals(0, r.code());
    assertEquals(600, r.outLines().size());
    assertFalse(r.err().contains("\r"), r.err());
    assertEquals(1, r.errLines().size(), r.err());
  }
}
