package io.cloudir.parsers.digest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Writes CloudTrail evidence the way CloudTrail and cloudir-aws lay it out: gzip log files, gzip
 * digest files signed with the test's own RSA keys (the string to sign as AWS documents it), the
 * {@code .metadata.json} beside each digest, and a list-public-keys JSON file. Independent of the
 * code under test (Jackson writes the JSON, the PKCS#1 DER is encoded here). Not thread-safe.
 */
final class DigestFixture {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter NAME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter LOG_NAME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);

  /** A signing key with the fingerprint digests name. */
  record TestKey(KeyPair pair, String fingerprint) {}

  /** One written digest and the log files it lists. */
  record Written(String key, Path digest, Path metadata, byte[] json, String signature,
      Instant start, Instant end, List<Path> logs, List<String> logKeys) {}

  private static final List<TestKey> KEYS = new ArrayList<>();

  /** The n-th shared key (generated once per JVM: 2048-bit RSA). */
  static synchronized TestKey key(int n) {
    try {
      while (KEYS.size() <= n) {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair kp = g.generateKeyPair();
        byte[] fp = MessageDigest.getInstance("MD5").digest(pkcs1((RSAPublicKey) kp.getPublic()));
        KEYS.add(new TestKey(kp, HexFormat.of().formatHex(fp)));
      }
      return KEYS.get(n);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** DER of PKCS#1 RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }. */
  static byte[] pkcs1(RSAPublicKey k) {
    byte[] n = der(0x02, k.getModulus().toByteArray());
    byte[] e = der(0x02, k.getPublicExponent().toByteArray());
    byte[] body = new byte[n.length + e.length];
    System.arraycopy(n, 0, body, 0, n.length);
    System.arraycopy(e, 0, body, n.length, e.length);
    return der(0x30, body);
  }

  private static byte[] der(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int len = content.length;
    if (len < 128) {
      out.write(len);
    } else {
      byte[] l = BigInteger.valueOf(len).toByteArray();
      int skip = l[0] == 0 ? 1 : 0;
      out.write(0x80 | (l.length - skip));
      out.write(l, skip, l.length - skip);
    }
    out.writeBytes(content);
    return out.toByteArray();
  }

  /** list-public-keys JSON for these keys (times as the AWS CLI v2 prints them). */
  static byte[] publicKeysJson(TestKey... keys) {
    return publicKeysJson(Instant.parse("2026-01-01T00:00:00Z"),
        Instant.parse("2027-01-01T00:00:00Z"), keys);
  }

  /** list-public-keys JSON for these keys, each valid from {@code from} to {@code to}. */
  static byte[] publicKeysJson(Instant from, Instant to, TestKey... keys) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode list = root.putArray("PublicKeyList");
    DateTimeFormatter cli = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'+00:00'")
        .withZone(ZoneOffset.UTC);
    for (TestKey k : keys) {
      ObjectNode o = list.addObject();
      o.put("Value", Base64.getEncoder().encodeToString(pkcs1((RSAPublicKey) k.pair().getPublic())));
      o.put("ValidityStartTime", cli.format(from));
      o.put("ValidityEndTime", cli.format(to));
      o.put("Fingerprint", k.fingerprint());
    }
    return bytes(root);
  }

  static Path writePublicKeys(Path file, TestKey... keys) {
    write(file, publicKeysJson(keys));
    return file;
  }

  // ---- one trail in one region ----

  final Path root;
  final String bucket;
  final String account;
  final String region;
  final String trail;
  final String orgPrefix;
  final List<Written> digests = new ArrayList<>();
  private Instant next = Instant.parse("2026-03-01T00:01:31Z");
  private String prevSig;
  private String prevKey;
  private String prevHash;
  private String prevBackfillSig;
  private String prevBackfillKey;
  private String prevBackfillHash;
  /** The backfill-generation-timestamp of the next backfill digest (null: none in metadata). */
  Duration backfillDelay = Duration.ofHours(3);
  private int logCounter;

  DigestFixture(Path root, String account, String region, String trail, String orgId) {
    this.root = root;
    this.bucket = "evidence-bucket";
    this.account = account;
    this.region = region;
    this.trail = trail;
    this.orgPrefix = orgId == null ? "" : orgId + "/";
  }

  DigestFixture(Path root) {
    this(root, "111122223333", "us-east-1", "main-trail", null);
  }

  /** Skips hours without any digest and starts a new chain (validation turned off and on). */
  DigestFixture restartAfter(int hours) {
    next = next.plus(Duration.ofHours(hours));
    prevSig = null;
    prevKey = null;
    prevHash = null;
    return this;
  }

  /** Writes the next hour: {@code logs} log files and their signed digest. */
  Written hour(TestKey key, int logs) {
    Instant start = next;
    Instant end = start.plus(Duration.ofHours(1));
    next = end;
    Written w = digest(key, start, end, logs, false);
    prevSig = w.signature();
    prevKey = w.key();
    prevHash = sha256Hex(w.json());
    digests.add(w);
    return w;
  }

  /**
   * Writes a backfill digest for the last hour, listing {@code logs} late log files, linked to the
   * previous backfill digest of this trail (backfill digests chain among themselves), generated
   * {@link #backfillDelay} after the hour's end (null: no backfill-generation-timestamp).
   */
  Written backfill(TestKey key, int logs) {
    Written last = digests.get(digests.size() - 1);
    Written w = digest(key, last.start(), last.end(), logs, true);
    prevBackfillSig = w.signature();
    prevBackfillKey = w.key();
    prevBackfillHash = sha256Hex(w.json());
    digests.add(w);
    return w;
  }

  private Written digest(TestKey key, Instant start, Instant end, int logs, boolean backfill) {
    String base = "AWSLogs/" + orgPrefix + account + "/";
    List<Path> logPaths = new ArrayList<>();
    List<String> logKeys = new ArrayList<>();
    ObjectNode d = JSON.createObjectNode();
    d.put("awsAccountId", account);
    d.put("digestStartTime", start.toString());
    d.put("digestEndTime", end.toString());
    d.put("digestS3Bucket", bucket);
    String digestKey = base + "CloudTrail-Digest/" + region + "/" + DAY.format(end) + "/" + account
        + "_CloudTrail-Digest_" + region + "_" + trail + "_" + region + "_" + NAME.format(end)
        + (backfill ? "_backfill" : "") + ".json.gz";
    d.put("digestS3Object", digestKey);
    d.put("digestPublicKeyFingerprint", key.fingerprint());
    d.put("digestSignatureAlgorithm", "SHA256withRSA");
    ArrayNode files = JSON.createArrayNode();
    for (int i = 0; i < logs; i++) {
      Instant t = start.plus(Duration.ofMinutes(5 + 10 * i));
      String logKey = base + "CloudTrail/" + region + "/" + DAY.format(t) + "/" + account
          + "_CloudTrail_" + region + "_" + LOG_NAME.format(t) + "_log" + (logCounter++)
          + "abcdefghij.json.gz";
      byte[] content = logContent(t, logKey);
      Path p = root.resolve(logKey);
      write(p, gzip(content));
      logPaths.add(p);
      logKeys.add(logKey);
      ObjectNode f = files.addObject();
      f.put("s3Bucket", bucket);
      f.put("s3Object", logKey);
      f.put("hashValue", sha256Hex(content));
      f.put("hashAlgorithm", "SHA-256");
      f.put("newestEventTime", t.toString());
      f.put("oldestEventTime", t.toString());
    }
    if (logs > 0) {
      d.put("newestEventTime", start.plus(Duration.ofMinutes(5 + 10L * (logs - 1))).toString());
      d.put("oldestEventTime", start.plus(Duration.ofMinutes(5)).toString());
    } else {
      d.putNull("newestEventTime");
      d.putNull("oldestEventTime");
    }
    String pSig = backfill ? prevBackfillSig : prevSig;
    String pKey = backfill ? prevBackfillKey : prevKey;
    String pHash = backfill ? prevBackfillHash : prevHash;
    if (pSig == null) {
      d.putNull("previousDigestS3Bucket");
      d.putNull("previousDigestS3Object");
      d.putNull("previousDigestHashValue");
      d.putNull("previousDigestHashAlgorithm");
      d.putNull("previousDigestSignature");
    } else {
      d.put("previousDigestS3Bucket", bucket);
      d.put("previousDigestS3Object", pKey);
      d.put("previousDigestHashValue", pHash);
      d.put("previousDigestHashAlgorithm", "SHA-256");
      d.put("previousDigestSignature", pSig);
    }
    d.set("logFiles", files);
    byte[] json = bytes(d);
    String signature = sign(key, end.toString() + "\n" + bucket + "/" + digestKey + "\n"
        + sha256Hex(json) + "\n" + (pSig == null ? "null" : pSig));
    Path digestPath = root.resolve(digestKey);
    write(digestPath, gzip(json));
    Path meta = metadataPath(digestPath);
    Duration delay = backfillDelay;
    write(meta, backfill && delay != null ? metadataJson(signature, end.plus(delay))
        : metadataJson(signature));
    return new Written(digestKey, digestPath, meta, json, signature, start, end, logPaths, logKeys);
  }

  static Path metadataPath(Path digest) {
    return digest.resolveSibling(digest.getFileName() + ".metadata.json");
  }

  static byte[] metadataJson(String signature) {
    return metadataJson(signature, null);
  }

  /** The metadata of a backfill digest, with its generation time (when not null). */
  static byte[] metadataJson(String signature, Instant generated) {
    ObjectNode m = JSON.createObjectNode();
    m.put("signature", signature);
    m.put("signature-algorithm", "SHA256withRSA");
    if (generated != null) {
      m.put("backfill-generation-timestamp", generated.toString());
    }
    return bytes(m);
  }

  static byte[] logContent(Instant t, String key) {
    return ("{\"Records\":[{\"eventVersion\":\"1.08\",\"eventTime\":\"" + t + "\","
        + "\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"GetObject\",\"eventID\":\""
        + Integer.toHexString(key.hashCode()) + "\",\"awsRegion\":\"us-east-1\"}]}")
        .getBytes(StandardCharsets.UTF_8);
  }

  static String sign(TestKey key, String toSign) {
    try {
      Signature s = Signature.getInstance("SHA256withRSA");
      s.initSign(key.pair().getPrivate());
      s.update(toSign.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(s.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256Hex(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
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

  static byte[] gunzip(byte[] b) {
    try (GZIPInputStream g = new GZIPInputStream(new ByteArrayInputStream(b))) {
      return g.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] bytes(Object node) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(Path p, byte[] b) {
    try {
      Files.createDirectories(p.getParent());
      Files.write(p, b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] read(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
