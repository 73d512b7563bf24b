package io.cloudir.iam.internal.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The hand-kept table of CloudTrail events whose IAM action is not the default one ({@code
 * event-actions.txt} beside this class; its format is described in its header comment), as read:
 * names only, not yet checked against the catalog.
 *
 * <p>Immutable after reading and thread-safe.
 */
public final class EventTable {
  /** The name of the bundled resource. */
  public static final String RESOURCE = "event-actions.txt";

  private final Map<String, String> sourcePrefixes;
  private final Map<String, Map<String, List<String>>> events;
  private final Map<String, Integer> lines;

  private EventTable(
      Map<String, String> sourcePrefixes,
      Map<String, Map<String, List<String>>> events,
      Map<String, Integer> lines) {
    this.sourcePrefixes = sourcePrefixes;
    this.events = events;
    this.lines = lines;
  }

  /** eventSource to service prefix, for the sources whose prefix differs. */
  public Map<String, String> sourcePrefixes() {
    return sourcePrefixes;
  }

  /**
   * eventSource to eventName to actions ({@code prefix:Name}); an empty list means the event needs
   * no IAM action.
   */
  public Map<String, Map<String, List<String>>> events() {
    return events;
  }

  /** The line of the file that names an action ({@code source eventName}), for error messages. */
  public int lineOf(String source, String name) {
    return lines.getOrDefault(source + " " + name, -1);
  }

  /** The words of a line, split on runs of spaces and tabs. */
  private static String[] words(String line) {
    List<String> out = new ArrayList<>(4);
    int i = 0;
    while (i < line.length()) {
      while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
        i++;
      }
      int start = i;
      while (i < line.length() && line.charAt(i) != ' ' && line.charAt(i) != '\t') {
        i++;
      }
      if (i > start) {
        out.add(line.substring(start, i));
      }
    }
    return out.toArray(new String[0]);
  }

  /** Reads the bundled table. */
  public static EventTable readBundled() {
    try (InputStream in = EventTable.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new CatalogFormatException(RESOURCE, -1, -1, "bundled resource is missing");
      }
      return parse(RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /**
   * Parses a table.
   *
   * @param source a name for error messages
   * @throws CatalogFormatException for a malformed or duplicate line
   */
  public static EventTable parse(String source, String text) {
    Map<String, String> prefixes = new HashMap<>();
    Map<String, Map<String, List<String>>> events = new HashMap<>();
    Map<String, Integer> lines = new HashMap<>();
    String[] all = text.split("\n", -1);
    for (int i = 0; i < all.length; i++) {
      String line = all[i].strip();
      int lineNo = i + 1;
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] f = words(line);
      if (f[0].equals("source") && f.length == 3) {
        if (prefixes.put(f[1], f[2]) != null) {
          throw new CatalogFormatException(source, -1, lineNo, "duplicate source " + f[1]);
        }
      } else if (f[0].equals("event") && f.length == 4) {
        List<String> actions = new ArrayList<>();
        if (!f[3].equals("-")) {
          for (String a : f[3].split(",", -1)) {
            int c = a.indexOf(':');
            if (c <= 0 || c == a.length() - 1) {
              throw new CatalogFormatException(source, -1, lineNo, "not an action: '" + a + "'");
            }
            actions.add(a);
          }
        }
        Map<String, List<String>> byName = events.computeIfAbsent(f[1], x -> new HashMap<>());
        if (byName.put(f[2], List.copyOf(actions)) != null) {
          throw new CatalogFormatException(
              source, -1, lineNo, "duplicate event " + f[1] + " " + f[2]);
        }
        lines.put(f[1] + " " + f[2], lineNo);
      } else {
        throw new CatalogFormatException(
            source, -1, lineNo, "expected 'source <eventSource> <prefix>' or "
                + "'event <eventSource> <eventName> <actions>|-'");
      }
    }
    Map<String, Map<String, List<String>>> frozen = new HashMap<>();
    events.forEach((k, v) -> frozen.put(k, Map.copyOf(v)));
    return new EventTable(Map.copyOf(prefixes), Map.copyOf(frozen), Map.copyOf(lines));
  }
}
