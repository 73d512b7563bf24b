package io.cloudir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudir.aws.testing.FaultProxy;
import io.cloudir.aws.testing.S3Fixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cloudir hunt s3://…} against the shared in-process S3Proxy, behind a proxy that records
 * every object GET and injects faults: only the day folders of the range, for the accounts and
 * regions asked, are read (organization trails included, digests left out), and an object that
 * is truncated, corrupt or gone is reported with its key while the rest is hunted.
 */
class HuntS3Test {
  static final String A = "111122223333";
  static final String B = "444455556666";
  static final String ORG = "o-abc123def4";
  static S3Fixture fx;
  static FaultProxy proxy;
  @TempDir static Path dir;
  static Path rules;

  @BeforeAll
  static void start() throws Exception {
    fx = S3CommandsTest.startWithDefaultCredentials();
    proxy = new FaultProxy(fx.openEndpoint());
    rules = dir.resolve("rules.yml");
    Files.writeString(rules, String.join("\n",
        "schemaVersion: 1",
        "id: test-get-object",
        "title: \"GetObject by {actor.arn}\"",
        "severity: low",
        "mitre: [T1530]",
        "logsource: {type: cloudtrail, eventSource: s3.amazonaws.com, eventName: GetObject}",
        "detection:",
        "  failed: {errorCode|exists: true}",
        "  condition: not failed",
        ""));
  }

  @AfterAll
  static void stop() throws Exception {
    proxy.close();
    S3CommandsTest.stop(fx);
  }

  private static String ct(String org, String acct, String region, String day, String name) {
    return "AWSLogs/" + (org == null ? "" : org + "/") + acct + "/CloudTrail/" + region + "/"
        + day.replace('-', '/') + "/" + acct + "_CloudTrail_" + region + "_" + name + ".json.gz";
  }

  private static void putTrail(String bucket, String key, String tag, int n, String day) {
    fx.put(bucket, key, S3Fixture.gzip(S3Fixture.trail(tag, n, day)));
  }

  private static CliRun hunt(String... args) {
    String[] head = {"hunt", "--rules", rules.toString(), "--endpoint-url",
        proxy.endpoint().toString()};
    String[] all = Arrays.copyOf(head, head.length + args.length);
    System.arraycopy(args, 0, all, head.length, args.length);
    return CliRun.run(all);
  }

  /** The object keys GET through the proxy (since the last clear), each once. */
  private static Set<String> read() {
    Set<String> keys = new TreeSet<>();
    for (String g : proxy.gets) {
      keys.add(g.substring(0, g.indexOf(' ')));
    }
    return keys;
  }

  private static Set<String> eventIds(CliRun r) throws Exception {
    Set<String> ids = new TreeSet<>();
    for (JsonNode f : HuntCommandTest.findings(r)) {
      f.get("eventIds").forEach(id -> ids.add(id.asText()));
    }
    return ids;
  }

  @Test
  void listsOnlyTheDaysAccountsAndRegionsAsked() throws Exception {
    String b = fx.bucket();
    String day14 = ct(null, A, "us-east-1", "2026-03-14", "a14");
    String day15 = ct(null, A, "us-east-1", "2026-03-15", "a15");
    String org14 = ct(ORG, A, "us-east-1", "2026-03-14", "org14");
    String flow14 = "AWSLogs/" + A + "/vpcflowlogs/us-east-1/2026/03/14/" + A
        + "_vpcflowlogs_us-east-1_fl-1_20260314T0905Z_abc.log.gz";
    putTrail(b, ct(null, A, "us-east-1", "2026-03-13", "a13"), "a13", 2, "2026-03-13");
    putTrail(b, day14, "a14", 3, "2026-03-14");
    putTrail(b, day15, "a15", 1, "2026-03-15");
    putTrail(b, ct(null, A, "us-east-1", "2026-03-16", "a16"), "a16", 1, "2026-03-16");
    putTrail(b, ct(null, A, "eu-west-1", "2026-03-14", "eu"), "eu", 1, "2026-03-14");
    putTrail(b, ct(null, B, "us-east-1", "2026-03-14", "b14"), "b14", 1, "2026-03-14");
    putTrail(b, org14, "org14", 2, "2026-03-14");
    putTrail(b, ct(ORG, B, "us-east-1", "2026-03-14", "orgb"), "orgb", 1, "2026-03-14");
    putTrail(b, ct(ORG, A, "eu-west-1", "2026-03-14", "orgeu"), "orgeu", 1, "2026-03-14");
    fx.put(b, "AWSLogs/" + A + "/CloudTrail-Digest/us-east-1/2026/03/14/" + A
        + "_CloudTrail-Digest_us-east-1_main_us-east-1_20260314T100000Z.json.gz",
        S3Fixture.gzip("{\"awsAccountId\":\"" + A + "\",\"logFiles\":[]}"));
    fx.put(b, flow14, S3Fixture.gzip("version account-id interface-id srcaddr dstaddr srcport"
        + " dstport protocol packets bytes start end action log-status\n2 " + A
        + " eni-0a1b2c3d 10.0.0.5 203.0.113.9 443 50000 6 10 5000 1773479100 1773479160 ACCEPT OK\n"));

    proxy.gets.clear();
    CliRun r = hunt("--since", "2026-03-14T00:00:00Z", "--until", "2026-03-15T00:00:00Z",
        "--accounts", A, "--regions", "us-east-1", "s3://" + b);
    assertEquals(0, r.code(), r.err());
    // the 14th, and the 15th for the hour of delivery delay; no other day, account or region
    assertEquals(new TreeSet<>(List.of(day14, day15, org14, flow14)), read());
    assertTrue(r.lastErrLine().contains(" objects=4 digestsSkipped=1 failed=0 "), r.lastErrLine());
    assertTrue(r.lastErrLine().matches("parsed=7 rejected=0 .* events=6 findings=5"),
        r.lastErrLine());
    assertEquals(Set.of("a14-0", "a14-1", "a14-2", "org14-0", "org14-1"), eventIds(r));

    // another region of the same bucket: only its folders, organization trail included
    CliRun eu = hunt("--since", "2026-03-14T00:00:00Z", "--until", "2026-03-15T00:00:00Z",
        "--regions", "eu-west-1", "s3://" + b + "/AWSLogs/");
    assertEquals(0, eu.code(), eu.err());
    assertEquals(Set.of("eu-0", "orgeu-0"), eventIds(eu));
    assertTrue(eu.lastErrLine().contains(" objects=2 digestsSkipped=0 failed=0 "),
        eu.lastErrLine());
  }

  @Test
  void brokenObjectsAreReportedWithTheirKeyAndTheRestIsHunted() throws Exception {
    String b = fx.bucket();
    String good1 = ct(null, A, "us-east-1", "2026-03-14", "1-good");
    String truncated = ct(null, A, "us-east-1", "2026-03-14", "2-truncated");
    String corrupt = ct(null, A, "us-east-1", "2026-03-14", "3-corrupt");
    String gone = ct(null, A, "us-east-1", "2026-03-14", "4-gone");
    String flaky = ct(null, A, "us-east-1", "2026-03-14", "5-flaky");
    String good2 = ct(null, A, "us-east-1", "2026-03-14", "6-good");
    putTrail(b, good1, "g1", 2, "2026-03-14");
    byte[] whole = S3Fixture.gzip(S3Fixture.trail("t", 200, "2026-03-14"));
    fx.put(b, truncated, Arrays.copyOf(whole, whole.length / 2));
    byte[] bad = S3Fixture.gzip(S3Fixture.trail("c", 3, "2026-03-14"));
    for (int i = 12; i < bad.length - 8; i++) {
      bad[i] ^= 0x5a;
    }
    fx.put(b, corrupt, bad);
    putTrail(b, gone, "x", 2, "2026-03-14");
    putTrail(b, flaky, "fl", 3, "2026-03-14");
    putTrail(b, good2, "g2", 2, "2026-03-14");
    proxy.faults.put(gone, FaultProxy.Fault.gone());
    proxy.faults.put(flaky, new FaultProxy.Fault(0, 1, 50)); // cut once, then resumed
    proxy.gets.clear();

    CliRun r = hunt("--since", "2026-03-14T00:00:00Z", "--until", "2026-03-15T00:00:00Z",
        "s3://" + b + "/AWSLogs/" + A + "/");
    assertEquals(2, r.code(), r.err());
    String uri = "s3://" + b + "/";
    List<String> errs = r.errLines();
    assertTrue(errs.stream().anyMatch(l -> l.startsWith("cloudir: " + uri + gone + ": ")),
        r.err());
    assertTrue(errs.stream().anyMatch(l -> l.startsWith("cloudir: " + uri + truncated + ":offset ")),
        r.err());
    assertTrue(errs.stream().anyMatch(l -> l.startsWith("cloudir: " + uri + corrupt + ":offset ")),
        r.err());
    assertFalse(r.err().contains(flaky), "a body cut once is resumed, not reported: " + r.err());
    assertFalse(r.err().contains(good1) || r.err().contains(good2), r.err());
    assertTrue(r.lastErrLine().contains(" objects=6 digestsSkipped=0 failed=1 "), r.lastErrLine());
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(" rejected=(\\d+) ").matcher(r.lastErrLine());
    assertTrue(m.find() && Integer.parseInt(m.group(1)) >= 2, r.lastErrLine());
    Set<String> ids = eventIds(r);
    assertTrue(ids.containsAll(List.of("g1-0", "g1-1", "fl-0", "fl-1", "fl-2", "g2-0", "g2-1")),
        ids.toString());
    assertFalse(ids.contains("t-199") || ids.contains("x-0"), ids.toString());
    assertTrue(proxy.getsOf(flaky) >= 2, "the cut body was fetched again");
    proxy.faults.clear();
  }
}
