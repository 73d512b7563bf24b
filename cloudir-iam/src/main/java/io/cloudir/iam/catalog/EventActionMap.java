package io.cloudir.iam.catalog;

import io.cloudir.iam.internal.catalog.CatalogFormatException;
import io.cloudir.iam.internal.catalog.EventTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The map from a CloudTrail event (eventSource, eventName) to the IAM action the call needed:
 * {@code ("s3.amazonaws.com", "GetObject")} gives {@code s3:GetObject}.
 *
 * <p>How an answer is found, in order:
 *
 * <ol>
 *   <li>A hand-kept table (the resource {@code event-actions.txt}) of events whose action differs
 *       from the default: S3 operations named unlike their actions ({@code ListObjectsV2} needs
 *       {@code s3:ListBucket}, {@code HeadObject} {@code s3:GetObject}, {@code CopyObject} {@code
 *       s3:PutObject} and {@code s3:GetObject}), Lambda's {@code Invoke}, KMS's {@code ReEncrypt};
 *       and events that need <em>no</em> IAM action: console sign-in ({@code ConsoleLogin}, {@code
 *       CheckMfa}, {@code SwitchRole} …) and events AWS records for its own work (automatic key
 *       rotation, secret rotation).
 *   <li>The default rule: the service prefix is the eventSource without {@code .amazonaws.com}
 *       when the catalog has that service ({@code iam.amazonaws.com} → {@code iam}), or the
 *       table's prefix for the sources named differently ({@code monitoring.amazonaws.com} → {@code
 *       cloudwatch}, {@code email.amazonaws.com} → {@code ses}, {@code tagging.amazonaws.com} →
 *       {@code tag}); the action is that prefix and the eventName when the catalog has it (ignoring
 *       case). A trailing API-version suffix is dropped when the full name is not an action
 *       ({@code UpdateFunctionCode20150331v2} → {@code lambda:UpdateFunctionCode}, {@code
 *       …2020_05_31} likewise).
 * </ol>
 *
 * <p>How complete it is (measured by the test tagged {@code corpus} over the project's CloudTrail
 * corpus: real delivery files, AWS documentation examples and rule-test fixtures): of its 410
 * distinct (eventSource, eventName) pairs, 378 (92.2 %) map to an action of the catalog (363 by
 * the default rule, 15 through the table), 10 (2.4 %) to "no IAM action", and 22 (5.4 %) are
 * {@link EventMapping.Kind#UNKNOWN} — all of them synthetic placeholders ({@code eventSource1}) or
 * fixture events with an invented name or the wrong eventSource ({@code iam NotCreateUser},
 * {@code ec2 PutBucketVersioning}). Beyond the corpus, the default rule is right for the great
 * majority of AWS APIs, whose operation and action names agree; the known exceptions outside S3,
 * Lambda and KMS are not all in the table yet, and an event the map cannot place is reported as
 * {@link EventMapping.Kind#UNKNOWN}, never guessed.
 *
 * <p>Answers are cached (up to {@value #CACHE_LIMIT} pairs); a lookup that hits the cache does not
 * allocate. Immutable (apart from the cache) and thread-safe.
 */
public final class EventActionMap {
  /** The most (eventSource, eventName) answers kept in the cache. */
  public static final int CACHE_LIMIT = 16384;

  private static final String SUFFIX = ".amazonaws.com";

  private final ActionCatalog catalog;
  private final Map<String, String> sourcePrefixes;
  private final Map<String, Map<String, EventMapping>> table;
  private final ConcurrentHashMap<String, ConcurrentHashMap<String, EventMapping>> cache =
      new ConcurrentHashMap<>();
  private final AtomicInteger cached = new AtomicInteger();

  private static final class Bundled {
    static final EventActionMap INSTANCE =
        new EventActionMap(ActionCatalog.bundled(), EventTable.readBundled());
  }

  /**
   * The map bundled with cloudir-iam, over {@link ActionCatalog#bundled()}, read on first use.
   */
  public static EventActionMap bundled() {
    return Bundled.INSTANCE;
  }

  private EventActionMap(ActionCatalog catalog, EventTable t) {
    this.catalog = catalog;
    for (Map.Entry<String, String> e : t.sourcePrefixes().entrySet()) {
      if (catalog.service(e.getValue()).isEmpty()) {
        throw new CatalogFormatException(
            EventTable.RESOURCE, -1, -1, "source " + e.getKey() + ": no service " + e.getValue());
      }
    }
    this.sourcePrefixes = t.sourcePrefixes();
    Map<String, Map<String, EventMapping>> tab = new HashMap<>();
    for (Map.Entry<String, Map<String, List<String>>> s : t.events().entrySet()) {
      Map<String, EventMapping> byName = new HashMap<>();
      for (Map.Entry<String, List<String>> e : s.getValue().entrySet()) {
        List<ActionInfo> actions = new ArrayList<>();
        for (String a : e.getValue()) {
          actions.add(
              catalog
                  .action(a)
                  .orElseThrow(
                      () ->
                          new CatalogFormatException(
                              EventTable.RESOURCE,
                              -1,
                              t.lineOf(s.getKey(), e.getKey()),
                              "action " + a + " is not in the catalog")));
        }
        byName.put(
            e.getKey(),
            new EventMapping(
                actions.isEmpty() ? EventMapping.Kind.NO_IAM_ACTION : EventMapping.Kind.TABLE,
                actions));
      }
      tab.put(s.getKey(), Map.copyOf(byName));
    }
    this.table = Map.copyOf(tab);
  }

  /** The catalog the actions come from. */
  public ActionCatalog catalog() {
    return catalog;
  }

  /**
   * The IAM action ({@code s3:GetObject}) the call needed, as the catalog spells it; for a call
   * that needed several, the main one (see {@link #resolve(String, String)}). Empty when the event
   * needs no IAM action or the map cannot place it.
   */
  public Optional<String> actionFor(String eventSource, String eventName) {
    List<ActionInfo> a = resolve(eventSource, eventName).actions();
    return a.isEmpty() ? Optional.empty() : Optional.of(a.get(0).fullName());
  }

  /**
   * The service prefix the eventSource stands for ({@code monitoring.amazonaws.com} → {@code
   * cloudwatch}), or empty when it is not an AWS service the catalog knows.
   */
  public Optional<String> servicePrefixFor(String eventSource) {
    return Optional.ofNullable(prefixOf(eventSource));
  }

  /** The full answer for one event: its kind and every action it needed, main one first. */
  public EventMapping resolve(String eventSource, String eventName) {
    ConcurrentHashMap<String, EventMapping> bySource = cache.get(eventSource);
    if (bySource != null) {
      EventMapping hit = bySource.get(eventName);
      if (hit != null) {
        return hit;
      }
    }
    EventMapping m = compute(eventSource, eventName);
    if (cached.get() < CACHE_LIMIT) {
      ConcurrentHashMap<String, EventMapping> map =
          cache.computeIfAbsent(eventSource, x -> new ConcurrentHashMap<>());
      if (map.putIfAbsent(eventName, m) == null) {
        cached.incrementAndGet();
      }
    }
    return m;
  }

  private EventMapping compute(String eventSource, String eventName) {
    Map<String, EventMapping> bySource = table.get(eventSource);
    if (bySource != null) {
      EventMapping m = bySource.get(eventName);
      if (m != null) {
        return m;
      }
    }
    String prefix = prefixOf(eventSource);
    if (prefix != null) {
      ServiceInfo s = catalog.service(prefix).orElseThrow();
      Optional<ActionInfo> a = s.action(eventName);
      if (a.isEmpty()) {
        int cut = versionSuffixStart(eventName);
        if (cut > 0) {
          a = s.action(eventName.substring(0, cut));
        }
      }
      if (a.isPresent()) {
        return new EventMapping(EventMapping.Kind.DEFAULT_RULE, List.of(a.get()));
      }
    }
    return new EventMapping(EventMapping.Kind.UNKNOWN, List.of());
  }

  private @Nullable String prefixOf(String eventSource) {
    String p = sourcePrefixes.get(eventSource);
    if (p != null) {
      return p;
    }
    if (eventSource.endsWith(SUFFIX) && eventSource.length() > SUFFIX.length()) {
      String candidate = eventSource.substring(0, eventSource.length() - SUFFIX.length());
      return catalog.service(candidate).map(ServiceInfo::prefix).orElse(null);
    }
    return null;
  }

  /**
   * Where an API-version suffix starts ({@code 20150331}, {@code 20150331v2}, {@code 2020_05_31},
   * {@code 2020_05_31v2} at the end of a name), or -1 when there is none.
   */
  static int versionSuffixStart(String name) {
    int end = name.length();
    int i = end;
    while (i > 0 && isDigit(name.charAt(i - 1))) {
      i--;
    }
    if (i < end && i > 0 && name.charAt(i - 1) == 'v') {
      end = i - 1;
    }
    // YYYYMMDD
    if (end >= 9 && allDigits(name, end - 8, end) && !isDigit(name.charAt(end - 9))) {
      return end - 8;
    }
    // YYYY_MM_DD
    if (end >= 11
        && allDigits(name, end - 10, end - 6)
        && name.charAt(end - 6) == '_'
        && allDigits(name, end - 5, end - 3)
        && name.charAt(end - 3) == '_'
        && allDigits(name, end - 2, end)
        && !isDigit(name.charAt(end - 11))) {
      return end - 10;
    }
    return -1;
  }

  private static boolean allDigits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  @Override
  public String toString() {
    return "EventActionMap[" + catalog + "]";
  }
}
