package io.cloudir.parsers.internal.digest;

import io.cloudir.model.CloudirException;
import io.cloudir.parsers.AwsLogKey;
import io.cloudir.parsers.digest.ChainStatus;
import io.cloudir.parsers.digest.DigestFile;
import io.cloudir.parsers.digest.DigestLogFile;
import io.cloudir.parsers.digest.DigestMetadata;
import io.cloudir.parsers.digest.DigestResult;
import io.cloudir.parsers.digest.DigestStatus;
import io.cloudir.parsers.digest.LogFileResult;
import io.cloudir.parsers.digest.LogFileStatus;
import io.cloudir.parsers.digest.PublicKeys;
import io.cloudir.parsers.digest.VerificationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** One verification of a set of paths. Not thread-safe (one per call). */
public final class VerifyRun {
  private static final long MAX_METADATA_BYTES = 1 << 20;
  private static final String SHA256 = "SHA-256";
  private static final DateTimeFormatter NAME_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);

  private final PublicKeys keys;
  private final long maxDigestBytes;

  /** A run with these keys and limit. */
  public VerifyRun(PublicKeys keys, long maxDigestBytes) {
    this.keys = keys;
    this.maxDigestBytes = maxDigestBytes;
  }

  /** A digest as found on disk, with what was learnt about it. */
  private static final class Found {
    final Path path;
    final String key;
    final Trail trail;
    @Nullable String sha256;
    @Nullable DigestFile file;
    @Nullable DigestMetadata metadata;
    DigestStatus status = DigestStatus.VALID;
    @Nullable String reason;
    ChainStatus chain = ChainStatus.NOT_CHECKED;
    @Nullable String chainReason;
    @Nullable Instant gapFrom;
    @Nullable Instant gapTo;

    Found(Path path, String key) {
      this.path = path;
      this.key = key;
      this.trail = Trail.of(key);
    }

    DigestFile file() {
      return Objects.requireNonNull(file);
    }

    @Nullable Instant end() {
      return file != null ? file.endTime() : trail.nameTime;
    }
  }

  /** The trail and region of a digest key, and the time in its file name. */
  private record Trail(String label, String stream, @Nullable Instant nameTime) {
    static Trail of(String key) {
      Optional<AwsLogKey> k = AwsLogKey.parse(key);
      if (k.isEmpty()) {
        return new Trail(key, key, null);
      }
      AwsLogKey a = k.get();
      String base = (a.organizationId() == null ? "" : a.organizationId() + "/") + a.accountId()
          + "/" + a.region() + "/";
      String name = a.fileName();
      name = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
      if (name.endsWith("_backfill")) {
        name = name.substring(0, name.length() - "_backfill".length());
      }
      int us = name.lastIndexOf('_');
      Instant t = null;
      if (us > 0) {
        try {
          t = LocalDateTime.parse(name.substring(us + 1), NAME_TIME).toInstant(ZoneOffset.UTC);
          name = name.substring(0, us);
        } catch (DateTimeParseException e) {
          t = null;
        }
      }
      String prefix = a.accountId() + "_CloudTrail-Digest_" + a.region() + "_";
      String rest = name.startsWith(prefix) ? name.substring(prefix.length()) : name;
      int home = rest.lastIndexOf('_');
      String trailName = home > 0 ? rest.substring(0, home) : rest;
      return new Trail(base + trailName, base + rest, t);
    }
  }

  /** Runs the verification. */
  public VerificationReport run(List<Path> paths) throws IOException {
    EvidenceFiles ev = new EvidenceFiles();
    ev.collect(paths);
    Map<String, Found> byKey = new LinkedHashMap<>();
    for (Map.Entry<String, Path> e : ev.digests.entrySet()) {
      Found f = new Found(e.getValue(), e.getKey());
      load(f);
      byKey.put(f.key, f);
    }
    Map<String, DigestResult> missing = new TreeMap<>();
    chains(byKey, missing);
    List<LogFileResult> logs = logFiles(byKey.values(), ev.logs);

    List<DigestResult> digests = new ArrayList<>();
    for (Found f : byKey.values()) {
      DigestFile d = f.file;
      digests.add(new DigestResult(f.path.toString(), f.key, f.trail.label(),
          d == null ? null : d.startTime(), f.end(), f.status, f.reason, f.chain, f.chainReason,
          f.gapFrom, f.gapTo, d == null ? 0 : d.logFiles().size(),
          d != null ? d.isBackfill() : DigestParser.isBackfillKey(f.key + ".gz"),
          d == null ? null : d.digestPublicKeyFingerprint()));
    }
    digests.addAll(missing.values());
    digests.sort(Comparator.comparing(DigestResult::trail)
        .thenComparing(DigestResult::endTime, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(DigestResult::s3Object));
    logs.sort(Comparator.comparing(LogFileResult::s3Object)
        .thenComparing(l -> String.valueOf(l.digest())));
    return new VerificationReport(digests, logs, ev.ignored);
  }

  /** Reads, parses and checks the signature of one digest. */
  private void load(Found f) throws IOException {
    byte[] raw;
    try {
      raw = EvidenceFiles.readAll(f.path, maxDigestBytes);
    } catch (EvidenceFiles.Unreadable e) {
      f.status = DigestStatus.MALFORMED;
      f.reason = e.getMessage();
      return;
    }
    f.sha256 = Signatures.sha256Hex(raw);
    try {
      f.file = DigestFile.parse(raw, f.path.toString());
    } catch (CloudirException e) {
      f.status = DigestStatus.MALFORMED;
      f.reason = e.getMessage();
      return;
    }
    Path metaPath = EvidenceFiles.metadataOf(f.path);
    String metaProblem = null;
    if (Files.isRegularFile(metaPath) && Files.size(metaPath) > MAX_METADATA_BYTES) {
      metaProblem = "the metadata file is larger than " + MAX_METADATA_BYTES + " bytes";
    } else {
      byte[] meta = EvidenceFiles.readIfExists(metaPath);
      if (meta != null) {
        try {
          f.metadata = DigestMetadata.parse(meta, metaPath.toString());
        } catch (CloudirException e) {
          metaProblem = "the metadata file is unreadable: " + e.getMessage();
        }
      }
    }
    Signatures.Outcome o = Signatures.check(keys, f.file, f.sha256, f.metadata);
    f.status = o.status();
    f.reason = metaProblem != null && o.status() == DigestStatus.METADATA_MISSING ? metaProblem
        : o.reason();
    String named = EvidenceFiles.normalise(f.file.digestS3Object());
    if (f.status == DigestStatus.VALID && !named.equals(f.key)) {
      f.status = DigestStatus.WRONG_LOCATION;
      f.reason = "the digest was found at " + f.key + " but names itself "
          + Hex.snippet(f.file.digestS3Object());
    }
  }

  /** Checks the previous-digest links of every trail and region. */
  private void chains(Map<String, Found> byKey, Map<String, DigestResult> missing) {
    Map<String, List<Found>> streams = new TreeMap<>();
    for (Found f : byKey.values()) {
      if (f.file != null) {
        // backfill digests link to the previous backfill digest: a chain of their own
        String stream = f.trail.stream() + (f.file.isBackfill() ? "#backfill" : "");
        streams.computeIfAbsent(stream, k -> new ArrayList<>()).add(f);
      }
    }
    for (List<Found> chain : streams.values()) {
      chain.sort(Comparator.comparing((Found f) -> f.file().endTime()).thenComparing(f -> f.key));
      for (int i = 0; i < chain.size(); i++) {
        link(chain, i, byKey, missing);
      }
      for (int i = chain.size() - 2; i >= 0; i--) {
        signatureFromNext(chain.get(i), chain.get(i + 1));
      }
    }
  }

  /**
   * A digest without its metadata file is still verified when the next digest is valid and links
   * to it: that digest's signed content records this one's hash and signature.
   */
  private void signatureFromNext(Found f, Found next) {
    String recorded = next.file().previousDigestSignature();
    String prev = next.file().previousDigestS3Object();
    if (f.status != DigestStatus.METADATA_MISSING || next.status != DigestStatus.VALID
        || next.chain != ChainStatus.LINKED || recorded == null || prev == null
        || !EvidenceFiles.normalise(prev).equals(f.key) || f.sha256 == null) {
      return;
    }
    Signatures.Outcome o = Signatures.check(keys, f.file(), f.sha256,
        new DigestMetadata(recorded, null));
    f.status = o.status();
    f.reason = o.status() == DigestStatus.VALID
        ? "no metadata file: verified with the signature the next digest records" : o.reason();
    String named = EvidenceFiles.normalise(f.file().digestS3Object());
    if (f.status == DigestStatus.VALID && !named.equals(f.key)) {
      f.status = DigestStatus.WRONG_LOCATION;
      f.reason = "the digest was found at " + f.key + " but names itself " + Hex.snippet(named);
    }
  }

  private static void link(List<Found> chain, int i, Map<String, Found> byKey,
      Map<String, DigestResult> missing) {
    Found f = chain.get(i);
    DigestFile d = f.file();
    Found earlier = i > 0 ? chain.get(i - 1) : null;
    String prevSig = d.previousDigestSignature();
    String prevObject = d.previousDigestS3Object();
    if (prevSig == null || prevObject == null) {
      if (earlier == null) {
        f.chain = ChainStatus.START;
        return;
      }
      f.chain = ChainStatus.RESTART;
      f.gapFrom = earlier.file().endTime();
      f.gapTo = d.startTime();
      f.chainReason = "a new chain starts (log file validation or logging was turned off and on);"
          + " no digest covers " + f.gapFrom + " to " + f.gapTo;
      return;
    }
    String prevKey = EvidenceFiles.normalise(prevObject);
    Found p = byKey.get(prevKey);
    if (p == null) {
      if (earlier == null) {
        f.chain = ChainStatus.OPEN_START;
        f.chainReason = "the previous digest " + Hex.snippet(prevKey) + " is not in the evidence"
            + " and no earlier digest of this trail and region is";
        return;
      }
      f.chain = ChainStatus.BROKEN;
      f.gapFrom = earlier.file().endTime();
      f.gapTo = d.startTime();
      f.chainReason = "the previous digest " + Hex.snippet(prevKey) + " is missing: no digest"
          + " between " + earlier.key + " (ending " + f.gapFrom + ") and this one (starting "
          + f.gapTo + ")";
      Instant prevEnd = Trail.of(prevKey).nameTime();
      missing.putIfAbsent(prevKey, new DigestResult(null, prevKey, f.trail.label(), null,
          prevEnd, DigestStatus.MISSING, "referenced by " + f.key + " but absent",
          ChainStatus.NOT_CHECKED, null, null, null, 0,
          DigestParser.isBackfillKey(prevKey + ".gz"), null));
      return;
    }
    String hashAlg = d.previousDigestHashAlgorithm();
    String hash = d.previousDigestHashValue();
    if (hashAlg != null && !SHA256.equalsIgnoreCase(hashAlg)) {
      f.chain = ChainStatus.NOT_CHECKED;
      f.chainReason = "unsupported previousDigestHashAlgorithm " + Hex.snippet(hashAlg);
      return;
    }
    if (hash == null || p.sha256 == null || !hash.equalsIgnoreCase(p.sha256)) {
      f.chain = ChainStatus.BROKEN;
      f.chainReason = "the previous digest " + p.key + " was changed: its SHA-256 is "
          + p.sha256 + ", this digest records " + (hash == null ? "none" : Hex.snippet(hash));
      return;
    }
    DigestMetadata pm = p.metadata;
    if (pm != null && !pm.signature().equalsIgnoreCase(prevSig)) {
      f.chain = ChainStatus.BROKEN;
      f.chainReason = "the signature in the metadata of the previous digest " + p.key
          + " is not the one this digest records";
      return;
    }
    f.chain = ChainStatus.LINKED;
  }

  /** Checks every listed log file and finds the unlisted ones. */
  private static List<LogFileResult> logFiles(Iterable<Found> digests, Map<String, Path> present)
      throws IOException {
    List<LogFileResult> out = new ArrayList<>();
    Set<String> listed = new HashSet<>();
    Map<Path, String> hashes = new HashMap<>();
    Map<Path, String> unreadable = new HashMap<>();
    for (Found f : digests) {
      if (f.file == null) {
        continue;
      }
      for (DigestLogFile lf : f.file.logFiles()) {
        String key = EvidenceFiles.normalise(lf.s3Object());
        listed.add(key);
        Path p = present.get(key);
        if (p == null) {
          out.add(new LogFileResult(null, key, LogFileStatus.MISSING, f.key,
              "listed in the digest but absent"));
          continue;
        }
        if (!SHA256.equalsIgnoreCase(lf.hashAlgorithm())) {
          out.add(new LogFileResult(p.toString(), key, LogFileStatus.UNVERIFIABLE, f.key,
              "unsupported hashAlgorithm " + Hex.snippet(lf.hashAlgorithm())));
          continue;
        }
        if (!hashes.containsKey(p) && !unreadable.containsKey(p)) {
          try {
            hashes.put(p, EvidenceFiles.sha256(p));
          } catch (EvidenceFiles.Unreadable e) {
            unreadable.put(p, String.valueOf(e.getMessage()));
          }
        }
        String h = hashes.get(p);
        LogFileResult r;
        if (h == null) {
          r = new LogFileResult(p.toString(), key, LogFileStatus.ALTERED, f.key,
              unreadable.get(p));
        } else if (!h.equalsIgnoreCase(lf.hashValue())) {
          r = new LogFileResult(p.toString(), key, LogFileStatus.ALTERED, f.key,
              "SHA-256 of the decompressed file is " + h + ", the digest records "
                  + Hex.snippet(lf.hashValue()));
        } else if (f.status != DigestStatus.VALID) {
          r = new LogFileResult(p.toString(), key, LogFileStatus.UNVERIFIABLE, f.key,
              "the hash matches, but the listing digest is " + f.status.words());
        } else {
          r = new LogFileResult(p.toString(), key, LogFileStatus.VALID, f.key, null);
        }
        out.add(r);
      }
    }
    for (Map.Entry<String, Path> e : present.entrySet()) {
      if (!listed.contains(e.getKey())) {
        out.add(new LogFileResult(e.getValue().toString(), e.getKey(), LogFileStatus.UNLISTED,
            null, "present, but no digest lists it"));
      }
    }
    return out;
  }
}
