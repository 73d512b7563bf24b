package io.cloudir.investigate.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.maxmind.db.Reader;
import io.cloudir.model.CloudirException;
import io.cloudir.model.LimitExceededException;
import io.cloudir.model.net.IpAddress;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MaxMindDbTest {
  @TempDir Path dir;

  private static MmdbValue str(String s) {
    return MmdbValue.ofString(s);
  }

  private static MmdbValue map(Object... kv) {
    Map<String, MmdbValue> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], (MmdbValue) kv[i + 1]);
    }
    return MmdbValue.ofMap(m);
  }

  /** One value of every data type, with sizes that need the 29/30/31 size forms. */
  static MmdbValue everyType() {
    return map(
        "utf8_string", str("unicode! ☯ - ♫"),
        "empty_string", str(""),
        "long_string", str("x".repeat(300)),
        "very_long_string", str("y".repeat(70_000)),
        "double", MmdbValue.ofDouble(42.123456),
        "float", MmdbValue.ofFloat(1.1f),
        "bytes", MmdbValue.ofBytes(new byte[] {0, 0, 0, 42}),
        "empty_bytes", MmdbValue.ofBytes(new byte[0]),
        "uint16", MmdbValue.ofLong(MmdbValue.Type.UINT16, 0xFFFF),
        "uint16_zero", MmdbValue.ofLong(MmdbValue.Type.UINT16, 0),
        "uint32", MmdbValue.ofLong(MmdbValue.Type.UINT32, 0xFFFF_FFFFL),
        "int32", MmdbValue.ofLong(MmdbValue.Type.INT32, -268435456),
        "int32_positive", MmdbValue.ofLong(MmdbValue.Type.INT32, 500),
        "uint64", MmdbValue.ofInteger(MmdbValue.Type.UINT64, BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)),
        "uint64_small", MmdbValue.ofLong(MmdbValue.Type.UINT64, 1_700_000_000L),
        "uint128", MmdbValue.ofInteger(MmdbValue.Type.UINT128, BigInteger.ONE.shiftLeft(128).subtract(BigInteger.TEN)),
        "boolean_true", MmdbValue.ofBoolean(true),
        "boolean_false", MmdbValue.ofBoolean(false),
        "array", MmdbValue.ofArray(List.of(MmdbValue.ofLong(MmdbValue.Type.UINT32, 1), str("two"),
            MmdbValue.ofArray(List.of()))),
        "map", map("mapX", map("arrayX", MmdbValue.ofArray(List.of(str("a"), str("bcd")))),
            "empty", MmdbValue.ofMap(Map.of())));
  }

  private static MaxMindDb db(MmdbWriter w) {
    return MaxMindDb.of("test.mmdb", w.build().bytes());
  }

  @ParameterizedTest
  @ValueSource(ints = {24, 28, 32})
  void everyDataTypeRoundTripsAndAgreesWithMaxMindsReader(int recordSize) throws Exception {
    MmdbValue v = everyType();
    for (boolean shared : new boolean[] {false, true}) {
      MmdbWriter w = new MmdbWriter(6, recordSize).sharedStrings(shared)
          .insert("1.1.1.0/24", v).insert("2001:db8::/32", str("v6"));
      byte[] bytes = w.build().bytes();
      MaxMindDb db = MaxMindDb.of("t.mmdb", bytes);
      assertEquals(v, db.lookup(IpAddress.parse("1.1.1.77")));
      assertEquals(str("v6"), db.lookup(IpAddress.parse("2001:db8:ffff::1")));
      assertNull(db.lookup(IpAddress.parse("1.1.2.0")));
      assertNull(db.lookup(IpAddress.parse("2001:db9::")));
      try (Reader r = Differential.reader(bytes)) {
        for (String ip : List.of("1.1.1.77", "1.1.1.0", "1.1.1.255", "2001:db8::5", "8.8.8.8")) {
          IpAddress a = IpAddress.parse(ip);
          assertEquals(Differential.theirs(r, a), Differential.ours(db, a), ip);
        }
      }
    }
  }

  @Test
  void typedAccessorsAndPaths() {
    MmdbValue v = everyType();
    assertEquals("bcd", v.stringAt("map.mapX.arrayX.1"));
    assertNull(v.at("map.mapX.arrayX.2"));
    assertNull(v.at("map.nope.x"));
    assertEquals(0xFFFF_FFFFL, v.get("uint32").asLong());
    assertThrows(IllegalStateException.class, () -> v.get("uint64").asLong());
    assertEquals(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE), v.get("uint64").asBigInteger());
    assertEquals(-268435456L, v.get("int32").asLong());
    assertEquals(1.1f, v.get("float").asFloat());
    assertEquals(42.123456, v.get("double").asDouble());
    assertTrue(v.get("boolean_true").asBoolean());
    assertThrows(IllegalStateException.class, () -> v.get("double").asString());
    assertThrows(IllegalArgumentException.class,
        () -> MmdbValue.ofLong(MmdbValue.Type.UINT16, 0x10000));
    assertThrows(IllegalArgumentException.class,
        () -> MmdbValue.ofInteger(MmdbValue.Type.UINT128, BigInteger.ONE.shiftLeft(128)));
  }

  @ParameterizedTest
  @ValueSource(ints = {24, 28, 32})
  void ipv4DatabaseAndPrefixLengths(int recordSize) {
    MaxMindDb db = db(new MmdbWriter(4, recordSize).insert("10.0.0.0/8", str("ten"))
        .insert("10.1.0.0/16", str("ten-one")).insert("192.0.2.128/25", str("doc")));
    assertEquals(4, db.metadata().ipVersion());
    MaxMindDb.Match m = db.match(IpAddress.parse("10.1.200.3"));
    assertNotNull(m);
    assertEquals("ten-one", m.value().asString());
    assertEquals(16, m.prefixLength());
    assertEquals(IpAddress.parse("10.1.0.0"), m.network());
    MaxMindDb.Match m2 = db.match(IpAddress.parse("10.2.0.1"));
    assertNotNull(m2);
    assertEquals("ten", m2.value().asString());
    // the /16 inside the /8 splits it: the tree's network for 10.2.0.1 is 10.2.0.0/15
    assertEquals(IpAddress.parse("10.2.0.0"), m2.network());
    assertEquals(15, m2.prefixLength());
    assertEquals(9, db.match(IpAddress.parse("10.200.0.1")).prefixLength(), "10.128.0.0/9");
    assertEquals(25, db.match(IpAddress.parse("192.0.2.200")).prefixLength());
    assertNull(db.lookup(IpAddress.parse("192.0.2.127")));
    assertNull(db.lookup(IpAddress.parse("2001:db8::1")), "IPv6 in an IPv4 database");
  }

  @Test
  void twentyEightBitRecordsUseTheMiddleNibbles() throws Exception {
    // a data section padded past 2^24 bytes gives record values that need all 28 bits
    MmdbWriter w = new MmdbWriter(6, 28).padding((1 << 24) + 100).insert("1.0.0.0/8", str("left"))
        .insert("128.0.0.0/1", str("right")).insert("2001:db8::/32", str("six"));
    byte[] bytes = w.build().bytes();
    MaxMindDb db = MaxMindDb.of("t", bytes);
    assertEquals("left", db.lookup(IpAddress.parse("1.2.3.4")).asString());
    assertEquals("right", db.lookup(IpAddress.parse("200.2.3.4")).asString());
    assertEquals("six", db.lookup(IpAddress.parse("2001:db8::")).asString());
    try (Reader r = Differential.reader(bytes)) {
      for (String ip : List.of("1.2.3.4", "200.2.3.4", "2001:db8::", "3.3.3.3")) {
        assertEquals(Differential.theirs(r, IpAddress.parse(ip)), Differential.ours(db, IpAddress.parse(ip)));
      }
    }
    assertThrows(IllegalStateException.class,
        () -> new MmdbWriter(6, 24).padding(1 << 24).insert("1.0.0.0/8", str("x")).build(),
        "the same padding cannot be addressed with 24-bit records");
  }

  @Test
  void pointersOfEverySize() throws Exception {
    // the string cache sits after the padding: offsets need 11, 19 and 27-bit pointers, and the
    // 4-byte form is forced on its own
    for (int pad : new int[] {0, 3000, 600_000}) {
      for (boolean longPtr : new boolean[] {false, true}) {
        MmdbWriter w = new MmdbWriter(6, 32).padding(pad).sharedStrings(true).longPointers(longPtr)
            .insert("5.0.0.0/8", everyType());
        MmdbWriter.Built b = w.build();
        int firstString = b.stringOffsets().values().iterator().next();
        assertTrue(firstString >= pad);
        MaxMindDb db = MaxMindDb.of("t", b.bytes());
        assertEquals(everyType(), db.lookup(IpAddress.parse("5.6.7.8")), "pad " + pad);
      }
    }
  }

  @Test
  void metadata() {
    MaxMindDb db = db(new MmdbWriter(6, 24).databaseType("My-Type").insert("1.0.0.0/8", str("x")));
    MaxMindDb.Metadata m = db.metadata();
    assertEquals("My-Type", m.databaseType());
    assertEquals(24, m.recordSize());
    assertEquals(2, m.binaryFormatMajorVersion());
    assertEquals(0, m.binaryFormatMinorVersion());
    assertEquals(List.of("en"), m.languages());
    assertEquals(Map.of("en", "test database"), m.description());
    assertEquals(Instant.ofEpochSecond(1_700_000_000L), m.buildTime());
    assertTrue(m.nodeCount() > 96, "the IPv4 subtree hangs 96 nodes under the root");
  }

  // ---- corrupt files: a clear error with the offset, nothing else ----

  private static byte[] small() {
    return new MmdbWriter(6, 24).insert("1.0.0.0/8", map("a", str("abc"), "n",
        MmdbValue.ofLong(MmdbValue.Type.UINT32, 7))).insert("2001:db8::/32", str("six"))
        .build().bytes();
  }

  private static CloudirException corrupt(byte[] bytes, String... ips) {
    return assertThrows(CloudirException.class, () -> {
      MaxMindDb db = MaxMindDb.of("bad.mmdb", bytes);
      for (String ip : ips) {
        db.lookup(IpAddress.parse(ip));
      }
    });
  }

  @Test
  void noMarkerIsNotAMaxMindDb() {
    CloudirException e = corrupt("hello, world".getBytes(StandardCharsets.US_ASCII));
    assertTrue(e.getMessage().startsWith("bad.mmdb:offset 12: no MaxMind DB metadata marker"),
        e.getMessage());
  }

  @Test
  void everyTruncationIsAnErrorOrAConsistentPrefix() {
    byte[] full = small();
    for (int n = 0; n < full.length; n++) {
      byte[] cut = java.util.Arrays.copyOf(full, n);
      try {
        MaxMindDb db = MaxMindDb.of("cut", cut);
        // metadata survived (cut inside the data section would fail on lookup or earlier)
        db.lookup(IpAddress.parse("1.2.3.4"));
        db.lookup(IpAddress.parse("2001:db8::1"));
      } catch (CloudirException expected) {
        assertTrue(expected.location().offset() >= 0, expected.getMessage());
        assertTrue(expected.getMessage().startsWith("cut:offset "), expected.getMessage());
      }
    }
  }

  @Test
  void treeRecordOutsideTheDataSection() {
    MmdbWriter.Built b = new MmdbWriter(4, 24).insert("128.0.0.0/1", str("x")).build();
    byte[] bytes = b.bytes().clone();
    // node 0's right record: make it point far past the data section
    bytes[3] = (byte) 0x7F;
    CloudirException e = corrupt(bytes, "200.0.0.1");
    assertTrue(e.reason().contains("outside the data section"), e.getMessage());
    assertEquals(0, e.location().offset());
    // into the 16-byte separator
    byte[] sep = b.bytes().clone();
    long v = b.nodeCount() + 3;
    sep[3] = (byte) (v >>> 16);
    sep[4] = (byte) (v >>> 8);
    sep[5] = (byte) v;
    assertTrue(corrupt(sep, "200.0.0.1").reason().contains("outside the data section"));
  }

  /** A database whose single record is the given raw data bytes (for the whole IPv4 space). */
  private static byte[] rawRecord(byte[] data) {
    MmdbWriter.Built b = new MmdbWriter(4, 24).insert("0.0.0.0/1", str("Z")).build();
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    o.write(b.bytes(), 0, b.dataStart());
    o.write(data, 0, data.length);
    o.write(b.bytes(), b.metaStart() - MmdbWriter.MARKER.length,
        b.bytes().length - b.metaStart() + MmdbWriter.MARKER.length);
    return o.toByteArray();
  }

  @Test
  void corruptValues() {
    Map<String, byte[]> cases = new LinkedHashMap<>();
    cases.put("pointer points to another pointer", new byte[] {0x20, 0x04, 0x41, 'a', 0x20, 0x02});
    cases.put("outside the section", new byte[] {0x20, 0x7F, 0x41, 'a'});
    cases.put("invalid extended type", new byte[] {0x00, 0x09});
    cases.put("invalid extended type 7", new byte[] {0x00, 0x00});
    cases.put("truncated", new byte[] {0x45, 'a', 'b'});
    cases.put("invalid UTF-8", new byte[] {0x42, (byte) 0xC0, (byte) 0x80});
    cases.put("surrogate", new byte[] {0x43, (byte) 0xED, (byte) 0xA0, (byte) 0x80});
    cases.put("double of 4 bytes", new byte[] {0x64, 0, 0, 0, 0});
    cases.put("float of 8 bytes", new byte[] {0x08, 0x08, 0, 0, 0, 0, 0, 0, 0, 0});
    cases.put("uint16 of 3 bytes", new byte[] {(byte) 0xA3, 1, 2, 3});
    cases.put("uint32 of 5 bytes", new byte[] {(byte) 0xC5, 1, 2, 3, 4, 5});
    cases.put("int32 of 5 bytes", new byte[] {0x05, 0x01, 1, 2, 3, 4, 5});
    cases.put("uint64 of 9 bytes", new byte[] {0x09, 0x02, 1, 2, 3, 4, 5, 6, 7, 8, 9});
    cases.put("boolean with size 2", new byte[] {0x02, 0x07});
    cases.put("data cache container", new byte[] {0x01, 0x05, 0x41, 'a'});
    cases.put("end marker", new byte[] {0x00, 0x06});
    cases.put("map key is not a string", new byte[] {(byte) 0xE1, (byte) 0xA1, 1, 0x41, 'a'});
    cases.put("duplicate map key", new byte[] {(byte) 0xE2, 0x41, 'k', 0x41, 'a', 0x41, 'k', 0x41, 'b'});
    cases.put("map larger than the section", new byte[] {(byte) 0xFD, (byte) 0xFF});
    cases.put("array larger than the section", new byte[] {0x1F, 0x04, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
    for (Map.Entry<String, byte[]> c : cases.entrySet()) {
      CloudirException e = corrupt(rawRecord(c.getValue()), "1.2.3.4");
      String frag = c.getKey().equals("surrogate") ? "invalid UTF-8"
          : c.getKey().contains("larger than the section") ? "truncated" : c.getKey();
      assertTrue(e.reason().contains(frag), c.getKey() + ": " + e.getMessage());
      assertTrue(e.location().offset() > 0, c.getKey() + ": " + e.getMessage());
      assertTrue(e.getMessage().startsWith("bad.mmdb:offset "), e.getMessage());
    }
  }

  @Test
  void pointerCyclesAndFanOutAreBounded() {
    // a map whose value is a pointer back to the map itself: {"a": -> self}
    byte[] cycle = {(byte) 0xE1, 0x41, 'a', 0x20, 0x00};
    CloudirException e = corrupt(rawRecord(cycle), "1.2.3.4");
    assertTrue(e instanceof LimitExceededException, e.getMessage());
    // an array of 8 pointers to the previous array, 8 levels deep: 8^8 values unless bounded
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    o.write(0x20);
    o.write(0); // the record: a pointer to the top array, filled in below
    o.write(0x41);
    o.write('x');
    int prev = 2;
    for (int level = 0; level < 8; level++) {
      int at = o.size();
      o.write(0x08);
      o.write(0x04); // array of 8
      for (int k = 0; k < 8; k++) {
        o.write(0x20 | (prev >>> 8));
        o.write(prev & 0xFF);
      }
      prev = at;
    }
    byte[] both = o.toByteArray();
    both[0] = (byte) (0x20 | (prev >>> 8));
    both[1] = (byte) prev;
    CloudirException f = corrupt(rawRecord(both), "1.2.3.4");
    assertTrue(f instanceof LimitExceededException, f.getMessage());
    assertTrue(f.reason().contains("more than"), f.getMessage());
  }

  @Test
  void badMetadata() {
    byte[] ok = small();
    int meta = new MmdbWriter(6, 24).insert("1.0.0.0/8", map("a", str("abc"), "n",
        MmdbValue.ofLong(MmdbValue.Type.UINT32, 7))).insert("2001:db8::/32", str("six")).build()
        .metaStart();
    // metadata that is not a map
    byte[] notMap = java.util.Arrays.copyOf(ok, meta + 2);
    notMap[meta] = 0x41;
    notMap[meta + 1] = 'x';
    assertTrue(corrupt(notMap).reason().contains("not a map"));
    // record size 30, node count too large, unknown major version
    for (String[] c : new String[][] {{"record_size", "30", "unsupported record size"},
        {"node_count", "99999999", "impossible"}, {"binary_format_major_version", "3", "major version"},
        {"ip_version", "5", "ip_version"}}) {
      byte[] b = withMeta(c[0], Long.parseLong(c[1]));
      assertTrue(corrupt(b).reason().contains(c[2]), c[0] + " " + corrupt(b).getMessage());
    }
  }

  /** The small database with one metadata integer replaced (metadata re-encoded). */
  private static byte[] withMeta(String key, long value) {
    MmdbWriter w = new MmdbWriter(4, 24).insert("1.0.0.0/8", str("x"));
    MmdbWriter.Built b = w.build();
    Map<String, MmdbValue> m = new LinkedHashMap<>(MaxMindDb.of("m", b.bytes()).metadata().raw().members());
    m.put(key, MmdbValue.ofLong(MmdbValue.Type.UINT32, value));
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    o.write(b.bytes(), 0, b.metaStart());
    w.enc(o, MmdbValue.ofMap(m), Map.of());
    return o.toByteArray();
  }

  @Test
  void randomCorruptionOnlyEverRaisesCloudirExceptions() {
    byte[] base = new MmdbWriter(6, 28).sharedStrings(true).insert("1.0.0.0/8", everyType())
        .insert("2001:db8::/32", map("k", str("value"))).build().bytes();
    long seed = new SplittableRandom().nextLong();
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int round = 0; round < 300; round++) {
      byte[] b = base.clone();
      int flips = 1 + rnd.nextInt(8);
      for (int k = 0; k < flips; k++) {
        b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
      }
      try {
        MaxMindDb db = MaxMindDb.of("r", b);
        for (int k = 0; k < 20; k++) {
          IpAddress ip = rnd.nextBoolean() ? IpAddress.ofV4(rnd.nextInt())
              : IpAddress.ofV6(rnd.nextLong(), rnd.nextLong());
          db.lookup(ip);
        }
        db.lookup(IpAddress.parse("1.2.3.4"));
        db.lookup(IpAddress.parse("2001:db8::1"));
      } catch (CloudirException expected) {
        assertFalse(expected.reason().isEmpty());
      } catch (RuntimeException | StackOverflowError other) {
        throw new AssertionError("seed " + seed + " round " + round, other);
      }
    }
  }

  @Test
  void fileSizeLimitAndOpen() throws Exception {
    Path f = dir.resolve("x.mmdb");
    Files.write(f, small());
    assertEquals("six", MaxMindDb.open(f).lookup(IpAddress.parse("2001:db8::9")).asString());
    assertTrue(MaxMindDb.isMaxMindDb(f));
    LimitExceededException e = assertThrows(LimitExceededException.class,
        () -> MaxMindDb.open(f, 100));
    assertTrue(e.getMessage().contains("larger than the limit of 100 bytes"));
    Path csv = dir.resolve("a.csv");
    Files.writeString(csv, "1.0.0.0,1.0.0.255,13335,x\n");
    assertFalse(MaxMindDb.isMaxMindDb(csv));
  }

  @Test
  void randomDatabasesAgreeWithMaxMindsReader() throws Exception {
    long seed = new SplittableRandom().nextLong();
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int round = 0; round < 12; round++) {
      int rs = new int[] {24, 28, 32}[round % 3];
      int ver = round % 2 == 0 ? 6 : 4;
      MmdbWriter w = new MmdbWriter(ver, rs).sharedStrings(rnd.nextBoolean());
      List<IpAddress> probes = new ArrayList<>();
      for (int k = 0; k < 40; k++) {
        boolean v4 = ver == 4 || rnd.nextBoolean();
        IpAddress a = v4 ? IpAddress.ofV4(rnd.nextInt()) : IpAddress.ofV6(rnd.nextLong(), rnd.nextLong());
        int len = v4 ? 4 + rnd.nextInt(29) : 8 + rnd.nextInt(121);
        IpAddress net = MaxMindDb.network(a, len);
        w.insert(net + "/" + len, randomValue(rnd, 0));
        probes.add(a);
        probes.add(v4 ? IpAddress.ofV4(rnd.nextInt()) : IpAddress.ofV6(rnd.nextLong(), rnd.nextLong()));
      }
      byte[] bytes = w.build().bytes();
      MaxMindDb db = MaxMindDb.of("rnd", bytes);
      try (Reader r = Differential.reader(bytes)) {
        for (IpAddress ip : probes) {
          assertEquals(Differential.theirs(r, ip), Differential.ours(db, ip),
              "seed " + seed + " round " + round + " ip " + ip);
        }
      }
    }
  }

  static MmdbValue randomValue(SplittableRandom r, int depth) {
    int t = r.nextInt(depth > 2 ? 10 : 12);
    return switch (t) {
      case 0 -> str("s" + r.nextInt(1000) + "é".repeat(r.nextInt(3)));
      case 1 -> MmdbValue.ofDouble(r.nextDouble() * 1000 - 500);
      case 2 -> MmdbValue.ofFloat((float) r.nextInt(1000) / 8);
      case 3 -> MmdbValue.ofLong(MmdbValue.Type.UINT16, r.nextInt(0x10000));
      case 4 -> MmdbValue.ofLong(MmdbValue.Type.UINT32, r.nextLong(0x1_0000_0000L));
      case 5 -> MmdbValue.ofLong(MmdbValue.Type.INT32, r.nextInt());
      case 6 -> MmdbValue.ofInteger(MmdbValue.Type.UINT64, new BigInteger(64, new java.util.Random(r.nextLong())));
      case 7 -> MmdbValue.ofInteger(MmdbValue.Type.UINT128, new BigInteger(r.nextInt(129), new java.util.Random(r.nextLong())));
      case 8 -> MmdbValue.ofBoolean(r.nextBoolean());
      case 9 -> MmdbValue.ofBytes(new byte[] {(byte) r.nextInt(), 1, 2});
      case 10 -> {
        Map<String, MmdbValue> m = new LinkedHashMap<>();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
          m.put("key" + i, randomValue(r, depth + 1));
        }
        yield MmdbValue.ofMap(m);
      }
      default -> {
        List<MmdbValue> l = new ArrayList<>();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
          l.add(randomValue(r, depth + 1));
        }
        yield MmdbValue.ofArray(l);
      }
    };
  }
}
