package io.cloudir.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.aws.testing.S3Fixture;
import io.cloudir.rules.BuiltinRules;
import io.cloudir.rules.Rule;
import io.cloudir.rules.RuleLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code load("s3a://…")} end to end: the example incident (and, with the corpus profile, corpus
 * files of every format) uploaded in an AWSLogs layout to the in-process S3Proxy of cloudir-aws's
 * test fixture, read through Hadoop's S3A connector (endpoint, path-style access, static
 * credentials, no TLS): the same rows and rejections as the same files read locally, and the
 * single-machine findings.
 */
class S3aDataSourceTest {
  private static final Path INCIDENT = Path.of("../examples/incident");
  private static S3Fixture fx;
  private static String bucket;

  @BeforeAll
  static void start() throws IOException {
    fx = new S3Fixture();
    bucket = fx.bucket();
    upload(INCIDENT, "");
    Configuration c = Spark.session().sparkContext().hadoopConfiguration();
    c.set("fs.s3a.endpoint", fx.endpoint().toString());
    c.set("fs.s3a.endpoint.region", "us-east-1");
    c.set("fs.s3a.path.style.access", "true");
    c.set("fs.s3a.connection.ssl.enabled", "false");
    c.set("fs.s3a.aws.credentials.provider",
        "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
    c.set("fs.s3a.access.key", S3Fixture.ACCESS);
    c.set("fs.s3a.secret.key", S3Fixture.SECRET);
    c.set("fs.s3a.attempts.maximum", "1");
    c.set("fs.s3a.retry.limit", "1");
  }

  @AfterAll
  static void stop() throws Exception {
    if (fx != null) {
      fx.close();
    }
  }

  /** Puts every file under {@code dir}/AWSLogs at {@code prefix}AWSLogs/… of the bucket. */
  private static int upload(Path dir, String prefix) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir.resolve("AWSLogs"))) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path f : files) {
      fx.put(bucket, prefix + dir.relativize(f).toString().replace('\\', '/'),
          Files.readAllBytes(f));
    }
    return files.size();
  }

  private static Dataset<Row> read(String path) {
    return Spark.session().read().format("cloudir").load(path);
  }

  /**
   * Every row as JSON in input order, the local folder's spelling replaced by the bucket's (the
   * provenance source is the only place the two reads may differ).
   */
  private static List<String> rows(Dataset<Row> df, String local, String remote) {
    List<String> out = new ArrayList<>();
    for (String s : df.orderBy("_input", "_provenance.offset", "_provenance.line").toJSON()
        .collectAsList()) {
      out.add(local == null ? s : s.replace(local, remote));
    }
    return out;
  }

  /** The local read and the s3a read of the same tree give the same rows and the same counts. */
  private static void sameRead(String local, String remote) {
    Dataset<Row> here = read(local);
    Dataset<Row> there = read(remote);
    List<String> want = rows(here, local, remote);
    List<String> got = rows(there, null, null);
    assertFalse(want.isEmpty());
    assertTrue(got.get(0).contains("\"source\":\"" + remote), got.get(0));
    assertEquals(want.size(), got.size());
    for (int i = 0; i < want.size(); i++) {
      assertEquals(want.get(i), got.get(i), "row " + i);
    }
    assertEquals(ReadSummary.of(here), ReadSummary.of(there));
  }

  @Test
  void theIncidentOnS3aReadsAsTheLocalCopy() {
    sameRead(INCIDENT.resolve("AWSLogs").toString(), "s3a://" + bucket + "/AWSLogs");
    ReadSummary s = ReadSummary.of(read("s3a://" + bucket + "/AWSLogs/111122223333/CloudTrail"));
    assertTrue(s.parsed() > 0 && s.files() > 1, s.summary());
  }

  @Test
  void theHuntOnS3aMakesTheSingleMachineFindings() {
    List<Rule> rules = new ArrayList<>(BuiltinRules.load());
    rules.addAll(RuleLoader.load(INCIDENT.resolve("rules")));
    String local = INCIDENT.resolve("AWSLogs").toString();
    String remote = "s3a://" + bucket + "/AWSLogs";
    Reference.Hunt ref = Reference.hunt(List.of(local), rules, null, null);
    SparkHunt.Result got = SparkHunt.of(RuleSource.builtin()
        .plus(RuleSource.files(INCIDENT.resolve("rules")))).partitions(3).collect(read(remote));
    assertFalse(ref.findings().isEmpty());
    List<String> want = new ArrayList<>();
    for (String s : Reference.json(ref.findings())) {
      want.add(s.replace(local, remote));
    }
    List<String> have = Reference.json(got.findings());
    assertTrue(have.get(0).contains(remote), have.get(0));
    assertEquals(want, have);
    assertEquals(ref.events(), got.events());
  }

  /**
   * Corpus files of every format folder (rejections included), in an AWSLogs layout of their
   * own, locally and in the bucket.
   */
  @Test
  @Tag("corpus")
  void corpusFilesOnS3aReadAsTheLocalCopy(@TempDir Path tmp) throws IOException {
    Path corpus = Path.of(System.getProperty("cloudir.shared", "../../shared"), "corpus");
    assertTrue(Files.isDirectory(corpus), corpus.toString());
    String[][] layout = {{"cloudtrail", "CloudTrail/us-east-1/2026/01/02"},
        {"vpcflow", "vpcflowlogs/us-east-1/2026/01/02"},
        {"route53_resolver", "vpcdnsquerylogs/vpc-0a1b2c3d/2026/01/02"},
        {"waf", "WAFLogs/us-east-1/acl/2026/01/02"},
        {"elb", "elasticloadbalancing/us-east-1/2026/01/02"},
        {"s3_access", "s3access/2026/01/02"},
        {"route53_public_dns", "route53/2026/01/02"}};
    Path root = tmp.resolve("case");
    for (String[] l : layout) {
      Path to = root.resolve("AWSLogs/444455556666").resolve(l[1]);
      Files.createDirectories(to);
      // the first six data files of the folder by MANIFEST.tsv (a records column, -1 included:
      // files unparseable by design must be rejected the same way on both sides)
      List<String> files;
      try (Stream<String> s = Files.lines(corpus.resolve("MANIFEST.tsv"))) {
        files = s.skip(1).map(line -> line.split("\t", -1))
            .filter(c -> c.length >= 4 && c[0].startsWith(l[0] + "/") && !c[3].isBlank())
            .map(c -> c[0]).limit(6).toList();
      }
      for (String f : files) {
        Files.copy(corpus.resolve(f), to.resolve(f.substring(l[0].length() + 1).replace('/', '_')));
      }
    }
    int n = upload(root, "corpus/");
    assertTrue(n >= 14, "files: " + n);
    sameRead(root.resolve("AWSLogs").toString(), "s3a://" + bucket + "/corpus/AWSLogs");
  }
}
