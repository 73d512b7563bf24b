package io.cloudir.parsers.digest;

import static io.cloudir.parsers.digest.DigestFixture.key;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.model.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading the JSON of {@code aws cloudtrail list-public-keys}. */
class PublicKeysTest {
  @TempDir Path dir;

  private static String b64(int n) {
    return Base64.getEncoder().encodeToString(
        DigestFixture.pkcs1((RSAPublicKey) key(n).pair().getPublic()));
  }

  private static PublicKeys parse(String s) {
    return PublicKeys.parse(s.getBytes(StandardCharsets.UTF_8), "keys.json");
  }

  @Test
  void cliOutputWithIsoTimes() throws Exception {
    Path f = DigestFixture.writePublicKeys(dir.resolve("k.json"), key(0), key(1));
    PublicKeys k = PublicKeys.load(f);
    assertEquals(2, k.size());
    DigestPublicKey p = k.find(key(0).fingerprint().toUpperCase()).orElseThrow();
    assertEquals(key(0).pair().getPublic(), p.key());
    assertEquals(Instant.parse("2026-01-01T00:00:00Z"), p.validityStart());
    assertEquals(Instant.parse("2027-01-01T00:00:00Z"), p.validityEnd());
    assertArrayEquals(DigestFixture.pkcs1((RSAPublicKey) key(0).pair().getPublic()), p.der());
    assertTrue(k.find("00").isEmpty());
  }

  @Test
  void epochSecondsZuluTimesBareArraysAndSpkiValues() {
    PublicKeys k = parse("[{\"Value\":\"" + b64(0) + "\",\"ValidityStartTime\":1440000000,"
        + "\"ValidityEndTime\":1440000000.5,\"Fingerprint\":\"aa\"},"
        + "{\"Value\":\"" + Base64.getEncoder().encodeToString(key(1).pair().getPublic().getEncoded())
        + "\",\"ValidityStartTime\":\"2015-08-04T23:40:34Z\",\"Fingerprint\":\"bb\"}]");
    assertEquals(Instant.ofEpochSecond(1440000000), k.find("aa").orElseThrow().validityStart());
    assertEquals(Instant.ofEpochSecond(1440000000, 500_000_000),
        k.find("aa").orElseThrow().validityEnd());
    assertEquals(key(1).pair().getPublic(), k.find("bb").orElseThrow().key());
    assertEquals(null, k.find("bb").orElseThrow().validityEnd());
  }

  @Test
  void mergeKeepsEveryRegionsKeys() {
    PublicKeys a = parse("{\"PublicKeyList\":[{\"Value\":\"" + b64(0) + "\",\"Fingerprint\":\"aa\"}]}");
    PublicKeys b = parse("{\"PublicKeyList\":[{\"Value\":\"" + b64(1) + "\",\"Fingerprint\":\"bb\"},"
        + "{\"Value\":\"" + b64(0) + "\",\"Fingerprint\":\"AA\"}]}");
    PublicKeys m = a.merge(b);
    assertEquals(2, m.size());
    assertEquals(List.of("aa", "bb"), m.all().stream().map(DigestPublicKey::fingerprint).toList());
    PublicKeys clash = parse("{\"PublicKeyList\":[{\"Value\":\"" + b64(1) + "\",\"Fingerprint\":\"aa\"}]}");
    assertThrows(IllegalArgumentException.class, () -> a.merge(clash));
  }

  @Test
  void errorsNameThePath() {
    MalformedInputException e = assertThrows(MalformedInputException.class,
        () -> parse("{\"PublicKeyList\":[{\"Value\":\"%%%\",\"Fingerprint\":\"aa\"}]}"));
    assertEquals("$.PublicKeyList[0].Value", e.location().jsonPath());
    assertEquals("keys.json", e.location().source());
    e = assertThrows(MalformedInputException.class,
        () -> parse("{\"PublicKeyList\":[{\"Value\":\"AAEC\",\"Fingerprint\":\"aa\"}]}"));
    assertEquals("$.PublicKeyList[0]", e.location().jsonPath());
    e = assertThrows(MalformedInputException.class,
        () -> parse("{\"PublicKeyList\":[{\"Value\":\"" + b64(0) + "\"}]}"));
    assertEquals("$.PublicKeyList[0].Fingerprint", e.location().jsonPath());
    e = assertThrows(MalformedInputException.class,
        () -> parse("{\"PublicKeyList\":[{\"Value\":\"" + b64(0) + "\",\"Fingerprint\":\"a\","
            + "\"ValidityStartTime\":1e999999999}]}"));
    assertEquals("$.PublicKeyList[0].ValidityStartTime", e.location().jsonPath());
    e = assertThrows(MalformedInputException.class,
        () -> parse("{\"PublicKeyList\":[{\"Value\":\"" + b64(0) + "\",\"Fingerprint\":\"a\"},"
            + "{\"Value\":\"" + b64(1) + "\",\"Fingerprint\":\"A\"}]}"));
    assertEquals("$.PublicKeyList[1].Fingerprint", e.location().jsonPath());
    e = assertThrows(MalformedInputException.class, () -> parse("{\"Keys\":[]}"));
    assertEquals("$.PublicKeyList", e.location().jsonPath());
    assertThrows(MalformedInputException.class, () -> parse("{"));
  }

  @Test
  void emptyKeysFile() throws Exception {
    Path f = dir.resolve("empty.json");
    Files.writeString(f, "{\"PublicKeyList\":[]}");
    assertEquals(0, PublicKeys.load(f).size());
    assertEquals(0, PublicKeys.empty().size());
  }
}
