package io.cloudir.model.arn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The resource split of {@link Arn} (indices worked out at parse time) agrees with {@link
 * ResourceLayoutOracle}, the eager {@code int[]} split it replaced, on generated ARNs of every
 * layout; and the parts kept after first use are equal whichever thread computes them first.
 */
class ArnSplitOracleTest {

  private static final String[] SERVICES = {
    "iam", "sts", "s3", "lambda", "logs", "states", "dynamodb", "kinesis", "sqs", "sns",
    "execute-api", "apigateway", "ecs", "cloudformation", "ec2", "kms", "secretsmanager", "rds",
    "elasticloadbalancing", "newsvc", "x", "elasticloadbalancingx",
  };
  private static final String[] TYPES = {
    "role", "user", "group", "policy", "instance-profile", "server-certificate", "mfa",
    "assumed-role", "federated-user", "task-definition", "stack", "stackset", "accesspoint",
    "function", "log-group", "table", "instance", "key", "secret", "restapis", "event-source-mapping",
    "stateMachine", "Role", "thing", "t\u00e9", "\u4e2d", "", "roles", "rol",
  };
  // '?' and U+00FF stand for themselves in Arn's byte view, U+4E2D and the pair U+1F600 (one
  // character in two chars: appended whole when its high half is drawn) for '?'
  private static final String ALPHABET = "ab/:/:*-._@${}A1\u00e9\u4e2d?\u00ff\ud83d";

  private static String randomArn(SplittableRandom r) {
    // one in four is IAM, whose paths need a path type directly followed by '/'
    String service = r.nextInt(4) == 0 ? "iam" : SERVICES[r.nextInt(SERVICES.length)];
    boolean global = r.nextInt(3) == 0;
    String region = global ? "" : r.nextBoolean() ? "us-east-1" : "ap-southeast-2";
    String account = global ? "" : r.nextInt(5) == 0 ? "aws" : "123456789012";
    if (!global && r.nextInt(4) == 0) {
      account = "";
    }
    StringBuilder res = new StringBuilder();
    if (r.nextInt(5) == 0) {
      res.append('/');
    }
    res.append(TYPES[r.nextInt(TYPES.length)]);
    if (r.nextBoolean()) {
      res.append(r.nextBoolean() ? '/' : ':');
    }
    int tail = r.nextInt(12);
    for (int i = 0; i < tail; i++) {
      char c = ALPHABET.charAt(r.nextInt(ALPHABET.length()));
      res.append(c);
      if (Character.isHighSurrogate(c)) {
        res.append('\ude00');
      }
    }
    if (res.length() == 0) {
      res.append('x');
    }
    return "arn:aws:" + service + ":" + region + ":" + account + ":" + res;
  }

  private static String part(String s, int[] split, int at) {
    return split[at] < 0 ? null : s.substring(split[at], split[at + 1]);
  }

  @Test
  void splitAgreesWithTheEagerOracle() {
    long seed = System.nanoTime();
    SplittableRandom r = new SplittableRandom(seed);
    int[] split = new int[ResourceLayoutOracle.SPLIT_SIZE];
    int withType = 0;
    int withQualifier = 0;
    int withPath = 0;
    for (int iter = 0; iter < 100_000; iter++) {
      String s = randomArn(r);
      Arn a = Arn.parse(s);
      int c1 = s.indexOf(':', 4);
      int c2 = s.indexOf(':', c1 + 1);
      int c3 = s.indexOf(':', c2 + 1);
      int c4 = s.indexOf(':', c3 + 1);
      ResourceLayoutOracle.split(
          s, c1 + 1, c2, c3 == c2 + 1 && c4 == c3 + 1, c4 + 1, s.length(), split);
      String why = "seed " + seed + ": " + s;
      assertEquals(part(s, split, ResourceLayoutOracle.TYPE_START), a.resourceType(), why);
      String id = part(s, split, ResourceLayoutOracle.ID_START);
      assertEquals(id == null ? "" : id, a.resourceId(), why);
      assertEquals(part(s, split, ResourceLayoutOracle.QUAL_START), a.qualifier(), why);
      assertEquals(part(s, split, ResourceLayoutOracle.PATH_START), a.path(), why);
      assertEquals(s.substring(c4 + 1), a.resource(), why);
      assertEquals(s.substring(c3 + 1, c4), a.account(), why);
      withType += a.resourceType() != null ? 1 : 0;
      withQualifier += a.qualifier() != null ? 1 : 0;
      withPath += a.path() != null ? 1 : 0;
    }
    // the generator reaches every branch
    assertTrue(
        withType > 10_000 && withQualifier > 5_000 && withPath > 1_000,
        "seed " + seed + ": " + withType + " types, " + withQualifier + " qualifiers, " + withPath
            + " paths");
  }

  @Test
  void canonicalNamesAreSharedAndOthersAreEqualStrings() {
    Arn a = Arn.parse("arn:aws:lambda:us-east-1:123456789012:function:f:1");
    assertSame("lambda", a.service());
    assertSame("us-east-1", a.region());
    assertSame("function", a.resourceType());
    // a name longer than the key part of the lookup, and one that only shares its last 16 chars
    assertSame(
        "elasticloadbalancing",
        Arn.parse("arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/x/1")
            .service());
    Arn near = Arn.parse("arn:aws:xlasticloadbalancing:us-east-1:123456789012:x/y");
    assertEquals("xlasticloadbalancing", near.service());
    Arn typo = Arn.parse("arn:aws:iam::123456789012:Role/service-role/x");
    assertEquals("Role", typo.resourceType());
    assertEquals("service-role/x", typo.resourceId()); // not an IAM path type: generic split
    // parts are kept: the second call gives the same instance
    assertSame(typo.account(), typo.account());
    assertSame(typo.resourceId(), typo.resourceId());
  }

  /**
   * Many threads read the parts of shared ARNs at once, each in its own order: every thread sees
   * the values a fresh single-threaded parse gives (the racy caching never shows a wrong value).
   */
  @Test
  void concurrentFirstReadsSeeTheSameValues() throws Exception {
    SplittableRandom r = new SplittableRandom(42);
    int count = 2_000;
    String[] texts = new String[count];
    for (int i = 0; i < count; i++) {
      texts[i] = randomArn(r);
    }
    Arn[] shared = new Arn[count];
    for (int i = 0; i < count; i++) {
      shared[i] = Arn.parse(texts[i]);
    }
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      Future<?>[] done = new Future<?>[threads];
      for (int t = 0; t < threads; t++) {
        int order = t;
        done[t] =
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < count; i++) {
                    int k = order % 2 == 0 ? i : count - 1 - i;
                    Arn mine = shared[k];
                    Arn fresh = Arn.parse(texts[k]);
                    String why = texts[k];
                    if (order >= 2) {
                      assertEquals(fresh.resourceId(), mine.resourceId(), why);
                      assertEquals(fresh.account(), mine.account(), why);
                    }
                    assertEquals(fresh.service(), mine.service(), why);
                    assertEquals(fresh.region(), mine.region(), why);
                    assertEquals(fresh.resourceType(), mine.resourceType(), why);
                    assertEquals(fresh.account(), mine.account(), why);
                    assertEquals(fresh.resourceId(), mine.resourceId(), why);
                    assertEquals(fresh, mine, why);
                    assertEquals(fresh.hashCode(), mine.hashCode(), why);
                  }
                  return null;
                });
      }
      start.countDown();
      for (Future<?> f : done) {
        assertNotNull(f);
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
