package io.cloudir.investigate.enrich;

import io.cloudir.investigate.internal.enrich.Csv;
import io.cloudir.investigate.internal.enrich.EnrichFiles;
import io.cloudir.model.Location;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The AWS accounts an organisation knows, so that a finding can say whether an account is its
 * own, a partner's or a vendor's (and, by absence, unknown).
 *
 * <p>File format (UTF-8 CSV, one account a line, RFC 4180 quoting for names with commas):
 *
 * <pre>
 * # account_id,name,trust
 * 111122223333,Production,own
 * 444455556666,"Acme, Inc. (monitoring)",vendor
 * 777788889999,Partner data exchange,partner
 * </pre>
 *
 * <p>The account id is 12 digits; the name is not empty; the trust label is {@code own}, {@code
 * partner} or {@code vendor} (any case). Blank lines and lines starting with {@code #} are
 * skipped, and so is a header line {@code account_id,name,trust}. An account listed twice is an
 * error naming both lines. Files of at most {@link #MAX_BYTES} are read.
 *
 * <p>Immutable and thread-safe.
 */
public final class KnownAccounts {
  /** The largest file read: 16 MiB. */
  public static final long MAX_BYTES = 16L << 20;

  /** How far an account is trusted. Immutable and thread-safe. */
  public enum Trust {
    /** One of the organisation's own accounts. */
    OWN,
    /** A partner's account. */
    PARTNER,
    /** A vendor's account (monitoring, backup, security tooling). */
    VENDOR;

    /** The label as written in the file ({@code own}, {@code partner}, {@code vendor}). */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One known account.
   *
   * <p>Immutable and thread-safe.
   *
   * @param id the 12-digit account id
   * @param name the name
   * @param trust the trust label
   */
  public record Account(String id, String name, Trust trust) {}

  private final Map<String, Account> accounts;

  private KnownAccounts(Map<String, Account> accounts) {
    this.accounts = Collections.unmodifiableMap(accounts);
  }

  /**
   * Loads a file.
   *
   * @throws IOException when it cannot be read
   * @throws EnrichmentDataException naming the file and line of an invalid or repeated account
   */
  public static KnownAccounts load(Path file) throws IOException {
    return parse(file.toString(), EnrichFiles.readAll(file, MAX_BYTES, false));
  }

  /**
   * Parses file content.
   *
   * @param source the name used in error locations
   * @throws EnrichmentDataException naming the line of an invalid or repeated account
   */
  public static KnownAccounts parse(String source, byte[] content) {
    Map<String, Account> m = new LinkedHashMap<>();
    Map<String, Long> seenAt = new LinkedHashMap<>();
    int[] f = new int[8];
    boolean[] q = new boolean[4];
    Csv.Lines lines = new Csv.Lines(content);
    while (lines.next()) {
      int s = lines.start();
      int e = lines.end();
      long line = lines.line();
      if (line == 1 && startsWith(content, s, e, "account_id,")) {
        continue;
      }
      int n = Csv.split(content, s, e, f, q);
      if (n < 0 && n != Integer.MIN_VALUE) {
        throw error(source, s, line, "bad CSV quoting at column " + (-(n + 1) - s + 1));
      }
      if (n != 3) {
        throw error(source, s, line, "expected 3 fields account_id,name,trust");
      }
      String id = Csv.text(content, f[0], f[1], q[0]);
      String name = Csv.text(content, f[2], f[3], q[1]);
      String trust = Csv.text(content, f[4], f[5], q[2]);
      if (id == null || name == null || trust == null) {
        throw error(source, s, line, "not UTF-8");
      }
      id = id.trim();
      name = name.trim();
      if (id.length() != 12 || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw error(source, s, line, "account id is not 12 digits: " + id);
      }
      if (name.isEmpty()) {
        throw error(source, s, line, "empty account name");
      }
      Trust t = parseTrust(trust.trim());
      if (t == null) {
        throw error(source, s, line, "trust is not own, partner or vendor: " + trust);
      }
      Long before = seenAt.put(id, line);
      if (before != null) {
        throw error(source, s, line, "account " + id + " already listed at line " + before);
      }
      m.put(id, new Account(id, name, t));
    }
    return new KnownAccounts(m);
  }

  private static boolean startsWith(byte[] b, int s, int e, String prefix) {
    if (e - s < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if ((b[s + i] | 0x20) != (prefix.charAt(i) | 0x20)) {
        return false;
      }
    }
    return true;
  }

  private static @Nullable Trust parseTrust(String s) {
    for (Trust t : Trust.values()) {
      if (t.label().equalsIgnoreCase(s)) {
        return t;
      }
    }
    return null;
  }

  private static EnrichmentDataException error(String source, int offset, long line, String why) {
    return new EnrichmentDataException(new Location(source, offset, line, null), why);
  }

  /** The account with this id, or null when it is not known. */
  public @Nullable Account get(String accountId) {
    return accounts.get(accountId);
  }

  /** The trust of this account, or null when it is not known. */
  public @Nullable Trust trustOf(String accountId) {
    Account a = accounts.get(accountId);
    return a == null ? null : a.trust();
  }

  /** Whether the account is listed. */
  public boolean isKnown(String accountId) {
    return accounts.containsKey(accountId);
  }

  /** Whether the account is listed as the organisation's own. */
  public boolean isOwn(String accountId) {
    Account a = accounts.get(accountId);
    return a != null && a.trust() == Trust.OWN;
  }

  /** Every account, in file order. */
  public List<Account> accounts() {
    return new ArrayList<>(accounts.values());
  }
}
