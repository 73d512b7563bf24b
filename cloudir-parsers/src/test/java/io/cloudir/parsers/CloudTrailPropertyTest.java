package io.cloudir.parsers;

import static io.cloudir.parsers.TestSupport.eventTrace;
import static io.cloudir.parsers.TestSupport.expectedEvents;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.cloudir.model.SourceType;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.model.cloudtrail.CloudTrailField;
import io.cloudir.model.cloudtrail.UserIdentityField;
import io.cloudir.model.json.JsonValue;
import io.cloudir.parsers.TestSupport.Doc;
import io.cloudir.parsers.TestSupport.Result;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property tests with seeded {@link SplittableRandom} loops: a failure names its seed, and
 * {@code -Dcloudir.seed=N} replays it.
 */
class CloudTrailPropertyTest {
  private static final int TRIES = Integer.getInteger("cloudir.tries", 60);

  /** Runs {@code body} TRIES times with seeds derived from one printed base seed. */
  static void forAll(String name, int tries, Consumer<SplittableRandom> body) {
    Long fixed = Long.getLong("cloudir.seed");
    long base = fixed != null ? fixed : new SplittableRandom().nextLong();
    for (int i = 0; i < (fixed != null ? 1 : tries); i++) {
      long seed = fixed != null ? fixed : base + i;
      try {
        body.accept(new SplittableRandom(seed));
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(name + " failed for seed " + seed + " (replay with -Dcloudir.seed=" + seed + ")", e);
      }
    }
  }

  static List<Gen.Event> events(Gen g, int max, boolean allowBig) {
    int n = g.rnd.nextInt(max + 1);
    List<Gen.Event> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(g.event(allowBig && g.rnd.nextInt(6) == 0));
    }
    return out;
  }

  static CloudTrailField field(String jsonName) {
    for (CloudTrailField f : CloudTrailField.values()) {
      if (f.jsonName().equals(jsonName)) {
        return f;
      }
    }
    throw new AssertionError(jsonName);
  }

  static void assertTyped(Gen.Event g, CloudTrailEvent e) {
    for (Map.Entry<String, Object> v : g.values().entrySet()) {
      String k = v.getKey();
      Object want = v.getValue();
      switch (k) {
        case "eventName" -> assertEquals(want, e.eventName());
        case "eventTime" -> assertEquals(want, e.eventTime());
        case "readOnly" -> assertEquals(want, e.readOnly());
        case "userIdentity.arn" -> assertEquals(want, e.userIdentity().arn());
        case "userIdentity.type" -> assertEquals(want, e.userIdentityString(UserIdentityField.TYPE));
        case "requestParameters" -> {
          JsonValue rp = e.field(CloudTrailField.REQUEST_PARAMETERS);
          assertNotNull(rp);
          assertEquals(want, rp.toJson());
        }
        default -> assertEquals(want, e.string(field(k)), k);
      }
    }
    if (!g.values().containsKey("eventTime")) {
      assertEquals(null, e.eventTime());
    }
    List<String> names = new ArrayList<>(e.unknownFields().keySet());
    assertEquals(new ArrayList<>(g.unknownRaw().keySet()), names);
    for (Map.Entry<String, String> u : g.unknownRaw().entrySet()) {
      assertEquals(u.getValue(), e.unknownFields().get(u.getKey()).toJson());
    }
  }

  @Test
  void roundTripIsLosslessInEveryShape() {
    forAll("round trip", TRIES, rnd -> {
      Gen g = new Gen(rnd);
      List<Gen.Event> evs = events(g, 12, true);
      int shape = rnd.nextInt(Gen.SHAPES);
      Doc d = g.write(evs, shape, new Doc());
      byte[] b = d.bytes();
      // memory, stream with 1 MiB blocks and stream with 4 KiB blocks all agree (checked inside)
      Result r = TestSupport.readAll("gen", b);
      assertEquals(0, r.stats().rejected(), () -> "shape " + shape + " " + r.rejections());
      assertEquals(expectedEvents("gen", d), eventTrace(r), "shape " + shape);
      for (int i = 0; i < evs.size(); i++) {
        assertTyped(evs.get(i), r.events().get(i));
      }
      // gzip-wrapped: the same events at the same decoded offsets
      Result z = TestSupport.readMemory("gen", TestSupport.gzip(b));
      assertEquals(r.trace(), z.trace());
    });
  }

  static int[] randomCuts(SplittableRandom rnd, int len) {
    int max = 1 + rnd.nextInt(rnd.nextBoolean() ? 8 : 5000);
    List<Integer> cuts = new ArrayList<>();
    int p = 0;
    while (true) {
      p += 1 + rnd.nextInt(max);
      if (p >= len) {
        break;
      }
      cuts.add(p);
    }
    return cuts.stream().mapToInt(Integer::intValue).toArray();
  }

  static Result fixedType(String name, byte[] b, int block) {
    return TestSupport.read(LogReader.builder().type(SourceType.CLOUDTRAIL).blockSize(block),
        List.of(LogSource.of(name, () -> new ByteArrayInputStream(b))));
  }

  @Test
  void pushReaderInRandomChunksEqualsPullReader() {
    forAll("push", TRIES, rnd -> {
      Gen g = new Gen(rnd);
      Doc d = g.write(events(g, 8, true), rnd.nextInt(Gen.SHAPES), new Doc());
      byte[] b = d.bytes();
      Result pull = fixedType("gen", b, 1 << 20);
      Result push = TestSupport.push("gen", b, randomCuts(rnd, b.length), ReadLimits.defaults());
      assertEquals(pull.trace(), push.trace());
      assertEquals(expectedEvents("gen", d), eventTrace(push));
    });
  }

  @Test
  void parallelDirectoryReadEqualsSequential(@TempDir Path dir) throws IOException {
    long seed = new SplittableRandom().nextLong();
    SplittableRandom rnd = new SplittableRandom(seed);
    Gen g = new Gen(rnd);
    int files = 12 + rnd.nextInt(10);
    for (int i = 0; i < files; i++) {
      Path sub = dir.resolve("r" + rnd.nextInt(3)).resolve(String.format("%02d", rnd.nextInt(5)));
      Files.createDirectories(sub);
      byte[] b = g.write(events(g, 30, false), rnd.nextInt(Gen.SHAPES), new Doc()).bytes();
      if (rnd.nextInt(4) == 0) {
        b = Arrays.copyOf(b, rnd.nextInt(b.length + 1)); // some files cut short
      }
      boolean gz = rnd.nextBoolean();
      Files.write(sub.resolve("f" + i + (gz ? ".json.gz" : ".json")), gz ? TestSupport.gzip(b) : b);
    }
    List<LogSource> sources = LogSource.expand(List.of(dir.toString()));
    Result seq = TestSupport.read(LogReader.builder(), sources);
    for (int par : new int[] {2, 3}) {
      Result parallel = TestSupport.read(LogReader.builder().parallelism(par), sources);
      assertEquals(seq.trace(), parallel.trace(), "seed " + seed + " parallelism " + par);
      assertEquals(seq.stats(), parallel.stats(), "seed " + seed);
    }
  }

  /** One random mutation of valid bytes. */
  static byte[] mutate(SplittableRandom rnd, byte[] b) {
    if (b.length == 0) {
      return new byte[] {(byte) rnd.nextInt(256)};
    }
    int p = rnd.nextInt(b.length);
    int q = Math.min(b.length, p + 1 + rnd.nextInt(Math.min(64, b.length)));
    switch (rnd.nextInt(6)) {
      case 0: {
        byte[] c = b.clone();
        c[p] = (byte) rnd.nextInt(256);
        return c;
      }
      case 1: {
        byte[] c = b.clone();
        String special = "{}[],:\"\\\n0 ";
        c[p] = (byte) special.charAt(rnd.nextInt(special.length()));
        return c;
      }
      case 2:
        return TestSupport.concat(Arrays.copyOf(b, p), Arrays.copyOfRange(b, q, b.length));
      case 3:
        return TestSupport.concat(Arrays.copyOf(b, q), Arrays.copyOfRange(b, p, b.length));
      case 4:
        return Arrays.copyOf(b, p);
      default: {
        byte[] ins = new byte[1 + rnd.nextInt(8)];
        rnd.nextBytes(ins);
        return TestSupport.concat(Arrays.copyOf(b, p), ins, Arrays.copyOfRange(b, p, b.length));
      }
    }
  }

  @Test
  void accountingHoldsForMutatedInputs() {
    forAll("mutations", TRIES * 3, rnd -> {
      Gen g = new Gen(rnd);
      byte[] b = g.write(events(g, 6, rnd.nextInt(4) == 0), rnd.nextInt(Gen.SHAPES), new Doc()).bytes();
      int n = 1 + rnd.nextInt(3);
      for (int i = 0; i < n; i++) {
        b = mutate(rnd, b);
      }
      byte[] input = b;
      // every pull path agrees (memory, 1 MiB blocks, 4 KiB blocks); accounting is checked inside
      TestSupport.readAll("m", input);
      // push in random chunks agrees with pull of the same fixed format
      Result pull = fixedType("m", input, 4096);
      Result push = TestSupport.push("m", input, randomCuts(rnd, input.length), ReadLimits.defaults());
      assertEquals(pull.trace(), push.trace());
      // gzip-wrapped and cut: accounting holds, never an exception
      byte[] z = TestSupport.gzip(input);
      TestSupport.readMemory("m.gz", Arrays.copyOf(z, rnd.nextInt(z.length + 1)));
    });
  }

  @Test
  void eventTimesRoundTripAsInstants() {
    forAll("times", 50, rnd -> {
      Instant t = Instant.ofEpochSecond(rnd.nextLong(4_000_000_000L));
      String iso = t.toString();
      Result r = TestSupport.readMemory("t", TestSupport.utf8("{\"eventName\":\"X\",\"eventTime\":\"" + iso + "\"}"));
      assertEquals(t, r.events().get(0).eventTime(), iso);
    });
  }
}
