package io.cloudir.parsers.digest;

import io.cloudir.model.MalformedInputException;
import io.cloudir.model.json.JsonValue;
import io.cloudir.parsers.internal.digest.JsonFields;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * CloudTrail public keys by fingerprint, loaded from what {@code aws cloudtrail list-public-keys}
 * prints: {@code {"PublicKeyList": [{"Value": base64 DER, "ValidityStartTime": …,
 * "ValidityEndTime": …, "Fingerprint": hex}]}}. Validity times may be ISO-8601 strings or epoch
 * seconds. A bare array of key objects is accepted too. Keys of several regions can be merged:
 * a fingerprint names one key.
 *
 * <p>Immutable and thread-safe.
 */
public final class PublicKeys {
  private static final BigDecimal MAX_EPOCH_SECONDS = BigDecimal.valueOf(1L << 40);
  private static final PublicKeys EMPTY = new PublicKeys(Map.of());

  private final Map<String, DigestPublicKey> byFingerprint;

  private PublicKeys(Map<String, DigestPublicKey> byFingerprint) {
    this.byFingerprint = Collections.unmodifiableMap(byFingerprint);
  }

  /** No keys. */
  public static PublicKeys empty() {
    return EMPTY;
  }

  /**
   * The given keys.
   *
   * @throws IllegalArgumentException if one fingerprint names two different key values
   */
  public static PublicKeys of(Collection<DigestPublicKey> keys) {
    Map<String, DigestPublicKey> m = new LinkedHashMap<>();
    for (DigestPublicKey k : keys) {
      add(m, k);
    }
    return new PublicKeys(m);
  }

  /**
   * Parses list-public-keys JSON.
   *
   * @param json UTF-8 JSON
   * @param source a name for error locations, or null
   * @throws MalformedInputException naming the JSON path of a missing or invalid member, an
   *     invalid base64 value or a value that is not an RSA public key
   */
  public static PublicKeys parse(byte[] json, @Nullable String source) {
    JsonValue root = JsonFields.parse(json, source);
    String path = "$";
    if (root.isObject()) {
      JsonValue list = root.get("PublicKeyList");
      if (list == null) {
        throw JsonFields.error(source, "$.PublicKeyList", "required array member is missing");
      }
      root = list;
      path = "$.PublicKeyList";
    }
    if (!root.isArray()) {
      throw JsonFields.error(source, path, "expected an array of public keys");
    }
    Map<String, DigestPublicKey> m = new LinkedHashMap<>();
    List<JsonValue> els = root.elements();
    for (int i = 0; i < els.size(); i++) {
      String p = path + "[" + i + "]";
      JsonValue k = JsonFields.object(els.get(i), source, p);
      String fingerprint = JsonFields.string(k, "Fingerprint", source, p);
      String value = JsonFields.string(k, "Value", source, p);
      byte[] der;
      try {
        der = Base64.getDecoder().decode(value);
      } catch (IllegalArgumentException e) {
        throw JsonFields.error(source, p + ".Value", "not base64: " + e.getMessage());
      }
      DigestPublicKey key;
      try {
        key = new DigestPublicKey(fingerprint, der, time(k, "ValidityStartTime", source, p),
            time(k, "ValidityEndTime", source, p));
      } catch (IllegalArgumentException e) {
        throw JsonFields.error(source, p, e.getMessage() == null ? "invalid key" : e.getMessage());
      }
      try {
        add(m, key);
      } catch (IllegalArgumentException e) {
        throw JsonFields.error(source, p + ".Fingerprint", String.valueOf(e.getMessage()));
      }
    }
    return new PublicKeys(m);
  }

  /**
   * Reads and parses a list-public-keys JSON file.
   *
   * @throws IOException if the file cannot be read
   * @throws MalformedInputException as {@link #parse}
   */
  public static PublicKeys load(Path file) throws IOException {
    return parse(Files.readAllBytes(file), file.toString());
  }

  /**
   * These keys and the other's.
   *
   * @throws IllegalArgumentException if one fingerprint names two different key values
   */
  public PublicKeys merge(PublicKeys other) {
    Map<String, DigestPublicKey> m = new LinkedHashMap<>(byFingerprint);
    for (DigestPublicKey k : other.byFingerprint.values()) {
      add(m, k);
    }
    return new PublicKeys(m);
  }

  /** The key with this fingerprint (compared ignoring case). */
  public Optional<DigestPublicKey> find(String fingerprint) {
    return Optional.ofNullable(byFingerprint.get(fingerprint.toLowerCase(Locale.ROOT)));
  }

  /** Every key, in the order loaded. */
  public List<DigestPublicKey> all() {
    return List.copyOf(byFingerprint.values());
  }

  /** The number of keys. */
  public int size() {
    return byFingerprint.size();
  }

  private static void add(Map<String, DigestPublicKey> m, DigestPublicKey k) {
    DigestPublicKey old = m.get(k.fingerprint());
    if (old != null && !java.util.Arrays.equals(old.der(), k.der())) {
      throw new IllegalArgumentException(
          "fingerprint " + k.fingerprint() + " is given for two different keys");
    }
    if (old == null) {
      m.put(k.fingerprint(), k);
    }
  }

  private static @Nullable Instant time(JsonValue k, String name, @Nullable String source,
      String path) {
    JsonValue v = k.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isString()) {
      return JsonFields.requiredTime(v.asString(), source, path + "." + name);
    }
    if (v.isNumber()) {
      BigDecimal sec = v.asBigDecimal();
      // bounded scale first: arithmetic on 1e-999999999 or 1e999999999 would be huge
      if (sec.scale() > 9 || sec.scale() < -12 || sec.abs().compareTo(MAX_EPOCH_SECONDS) > 0) {
        throw JsonFields.error(source, path + "." + name, "epoch seconds out of range");
      }
      BigDecimal whole = sec.setScale(0, RoundingMode.FLOOR);
      return Instant.ofEpochSecond(whole.longValueExact(),
          sec.subtract(whole).movePointRight(9).setScale(0, RoundingMode.FLOOR).longValueExact());
    }
    throw JsonFields.error(source, path + "." + name, "expected a time, found " + v.type());
  }
}
