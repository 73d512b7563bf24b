package io.cloudir.aws.internal;

import io.cloudir.aws.AwsSourceException;
import io.cloudir.aws.S3LogObject;
import io.cloudir.aws.S3LogQuery;
import io.cloudir.aws.S3Uri;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Lists the objects an {@link S3LogQuery} selects, by date prefixes where the key layout allows.
 * Thread-safe (the S3 client is).
 */
public final class Lister {
  /** Longest range (in days) listed by enumerating day prefixes; longer ones walk the folders. */
  static final int ENUMERATE_DAYS = 62;

  private static final String AWS_LOGS = "AWSLogs/";

  private final S3Client s3;
  private final String bucket;
  private final S3LogQuery q;
  private final @Nullable LocalDate firstDay;
  private final @Nullable LocalDate lastDay;

  private Lister(S3Client s3, S3LogQuery q) {
    this.s3 = s3;
    this.q = q;
    this.bucket = q.location().bucket();
    Instant since = q.since();
    Instant until = q.until();
    this.firstDay = since == null ? null : LocalDate.ofInstant(since, ZoneOffset.UTC);
    this.lastDay = until == null
        ? null
        : LocalDate.ofInstant(until.plus(q.deliverySlack()).minusNanos(1), ZoneOffset.UTC);
  }

  /**
   * The objects the query selects, sorted by key, each once.
   *
   * @throws AwsSourceException if a listing fails
   */
  public static List<S3LogObject> list(S3Client s3, S3LogQuery q) {
    return new Lister(s3, q).run();
  }

  private List<S3LogObject> run() {
    TreeMap<String, S3LogObject> out = new TreeMap<>();
    String p = q.location().prefix();
    int a = awsLogsIndex(p);
    if (a >= 0) {
      String root = p.substring(0, a + AWS_LOGS.length());
      String rest = p.substring(root.length());
      if (!walkBelowRoot(root, rest, out)) {
        all(p, out);
      }
    } else {
      String dir = p.isEmpty() || p.endsWith("/") ? p : p + "/";
      if (children(dir).contains("AWSLogs")) {
        walkBelowRoot(dir + AWS_LOGS, "", out);
      } else {
        all(p, out);
      }
    }
    return new ArrayList<>(out.values());
  }

  static int awsLogsIndex(String p) {
    int from = 0;
    while (true) {
      int i = p.indexOf(AWS_LOGS, from);
      if (i < 0 || i == 0 || p.charAt(i - 1) == '/') {
        return i;
      }
      from = i + 1;
    }
  }

  /**
   * Walks the layout below {@code root} ({@code …AWSLogs/}) with the fixed folders in {@code rest}.
   * Returns false when {@code rest} goes deeper than the region (then the caller lists it whole).
   */
  private boolean walkBelowRoot(String root, String rest, TreeMap<String, S3LogObject> out) {
    List<String> fixed = new ArrayList<>();
    int start = 0;
    for (int i = rest.indexOf('/'); i >= 0; i = rest.indexOf('/', start)) {
      fixed.add(rest.substring(start, i));
      start = i + 1;
    }
    if (start < rest.length()) {
      return false; // a partial folder name: not a layout position
    }
    int i = 0;
    String org = null;
    if (i < fixed.size() && fixed.get(i).startsWith("o-")) {
      org = fixed.get(i++);
    }
    String account = i < fixed.size() ? fixed.get(i++) : null;
    String service = i < fixed.size() ? fixed.get(i++) : null;
    String region = i < fixed.size() ? fixed.get(i++) : null;
    if (i < fixed.size()) {
      return false;
    }
    for (String[] base : accountBases(root, org, account)) {
      boolean hive = base[1] != null;
      for (String serviceDir : dirs(base[0], hive ? "aws-service=" : "", service, q.services())) {
        for (String regionDir : dirs(serviceDir, hive ? "aws-region=" : "", region, q.regions())) {
          days(regionDir, hive, out);
        }
      }
    }
    return true;
  }

  /** The account folders below the root: [prefix, "hive" or null]. */
  private List<String[]> accountBases(String root, @Nullable String org, @Nullable String account) {
    List<String[]> out = new ArrayList<>();
    String orgRoot = org == null ? root : root + org + "/";
    if (account != null) {
      if (accountSelected(hiveValue(account, "aws-account-id="))) {
        out.add(new String[] {orgRoot + account + "/", account.startsWith("aws-account-id=") ? "hive" : null});
      }
      return out;
    }
    for (String e : children(orgRoot)) {
      if (org == null && e.startsWith("o-")) {
        for (String acct : children(root + e + "/")) {
          if (isAccount(acct) && accountSelected(acct)) {
            out.add(new String[] {root + e + "/" + acct + "/", null});
          }
        }
      } else if (isAccount(e)) {
        if (accountSelected(e)) {
          out.add(new String[] {orgRoot + e + "/", null});
        }
      } else if (e.startsWith("aws-account-id=")) {
        if (accountSelected(e.substring("aws-account-id=".length()))) {
          out.add(new String[] {orgRoot + e + "/", "hive"});
        }
      }
    }
    return out;
  }

  private boolean accountSelected(String acct) {
    return q.accounts().isEmpty() || q.accounts().contains(acct);
  }

  private static String hiveValue(String folder, String key) {
    return folder.startsWith(key) ? folder.substring(key.length()) : folder;
  }

  /** The sub-folders of {@code parent} selected by a fixed name or a filter set. */
  private List<String> dirs(String parent, String hiveKey, @Nullable String fixed, Set<String> filter) {
    List<String> out = new ArrayList<>();
    if (fixed != null) {
      String v = hiveValue(fixed, hiveKey);
      if (filter.isEmpty() || filter.contains(v)) {
        out.add(parent + fixed + "/");
      }
      return out;
    }
    for (String e : children(parent)) {
      if (!hiveKey.isEmpty() && !e.startsWith(hiveKey)) {
        continue;
      }
      String v = hiveValue(e, hiveKey);
      if (filter.isEmpty() || filter.contains(v)) {
        out.add(parent + e + "/");
      }
    }
    return out;
  }

  private void days(String regionDir, boolean hive, TreeMap<String, S3LogObject> out) {
    LocalDate first = firstDay;
    LocalDate last = lastDay;
    if (first == null && last == null) {
      all(regionDir, out);
      return;
    }
    if (first != null && last != null) {
      if (last.isBefore(first)) {
        return;
      }
      if (ChronoUnit.DAYS.between(first, last) < ENUMERATE_DAYS) {
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
          all(regionDir + dayPrefix(d, hive), out);
        }
        return;
      }
    }
    // an open or long range: walk year, month and day folders, listing the days in range
    for (String y : children(regionDir)) {
      int year = number(hiveValue(y, "year="), 4);
      if (year < 0 || (first != null && year < first.getYear()) || (last != null && year > last.getYear())) {
        continue;
      }
      for (String m : children(regionDir + y + "/")) {
        int month = number(hiveValue(m, "month="), 2);
        if (month < 1 || month > 12 || outside(LocalDate.of(year, month, 1), true, first, last)) {
          continue;
        }
        for (String d : children(regionDir + y + "/" + m + "/")) {
          int day = number(hiveValue(d, "day="), 2);
          if (day < 1 || day > LocalDate.of(year, month, 1).lengthOfMonth()
              || outside(LocalDate.of(year, month, day), false, first, last)) {
            continue;
          }
          all(regionDir + y + "/" + m + "/" + d + "/", out);
        }
      }
    }
  }

  private static boolean outside(LocalDate d, boolean wholeMonth, @Nullable LocalDate first,
      @Nullable LocalDate last) {
    LocalDate end = wholeMonth ? d.withDayOfMonth(d.lengthOfMonth()) : d;
    return (first != null && end.isBefore(first)) || (last != null && d.isAfter(last));
  }

  private static int number(String s, int digits) {
    if (s.length() != digits) {
      return -1;
    }
    int v = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** The day folder of a date: {@code YYYY/MM/DD/} or {@code year=YYYY/month=MM/day=DD/}. */
  public static String dayPrefix(LocalDate d, boolean hive) {
    String y = String.format("%04d", d.getYear());
    String m = String.format("%02d", d.getMonthValue());
    String dd = String.format("%02d", d.getDayOfMonth());
    return hive ? "year=" + y + "/month=" + m + "/day=" + dd + "/" : y + "/" + m + "/" + dd + "/";
  }

  static boolean isAccount(String s) {
    return s.length() == 12 && s.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  /** The names of the folders directly below a prefix (ending in {@code /}). */
  private List<String> children(String dir) {
    List<String> out = new ArrayList<>();
    try {
      ListObjectsV2Request req =
          ListObjectsV2Request.builder().bucket(bucket).prefix(dir).delimiter("/").build();
      for (ListObjectsV2Response page : s3.listObjectsV2Paginator(req)) {
        for (CommonPrefix cp : page.commonPrefixes()) {
          String p = cp.prefix();
          if (p != null && p.length() > dir.length() + 1 && p.endsWith("/")) {
            out.add(p.substring(dir.length(), p.length() - 1));
          }
        }
      }
    } catch (SdkException e) {
      throw new AwsSourceException(S3Uri.of(bucket, dir), "cannot list: " + e.getMessage(), e);
    }
    return out;
  }

  /** Every object under a prefix. */
  private void all(String prefix, TreeMap<String, S3LogObject> out) {
    try {
      ListObjectsV2Request req = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build();
      for (ListObjectsV2Response page : s3.listObjectsV2Paginator(req)) {
        for (S3Object o : page.contents()) {
          String key = o.key();
          if (key == null || key.endsWith("/")) {
            continue; // folder placeholder objects
          }
          Long size = o.size();
          out.put(key, new S3LogObject(bucket, key, unquote(o.eTag()), size == null ? 0 : size,
              o.lastModified()));
        }
      }
    } catch (SdkException e) {
      throw new AwsSourceException(S3Uri.of(bucket, prefix), "cannot list: " + e.getMessage(), e);
    }
  }

  /** An ETag without its quotes; null stays null. */
  public static @Nullable String unquote(@Nullable String etag) {
    if (etag != null && etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")) {
      return etag.substring(1, etag.length() - 1);
    }
    return etag;
  }
}
