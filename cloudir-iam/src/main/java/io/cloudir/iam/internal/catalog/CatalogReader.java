package io.cloudir.iam.internal.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Reads the catalog format {@code cloudir-action-catalog 1} (described in {@code
 * cloudir-iam/tools/catalog/README.md}) from its gzip'd bytes. Strict: an unknown record kind, a
 * wrong field count, an index out of range, or counts that differ from the end marker are errors
 * naming the line. The actions ({@code A} lines) are only located and counted here; {@link
 * ActionLines} parses them when a service is first used, so that loading stays fast.
 *
 * <p>Stateless; each call reads one resource. Thread-safe.
 */
public final class CatalogReader {
  /** The name of the bundled resource, beside this class. */
  public static final String RESOURCE = "actions.cat.gz";

  private static final String MAGIC = "cloudir-action-catalog";
  private static final String FORMAT_VERSION = "1";
  private static final int[] NO_INTS = new int[0];

  private final String source;
  private final byte[] text;
  private int pos;
  private int lineStart;
  private long lineNo;
  private int pendingStart;
  private int pendingEnd;
  private long pendingLine;
  private int pendingCount;

  private CatalogReader(String source, byte[] text) {
    this.source = source;
    this.text = text;
  }

  /** Reads the bundled catalog resource. */
  public static RawCatalog readBundled() {
    try (InputStream in = CatalogReader.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new CatalogFormatException(RESOURCE, -1, -1, "bundled resource is missing");
      }
      return read(RESOURCE, in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /**
   * Reads a gzip'd catalog.
   *
   * @param source a name for error messages
   * @throws CatalogFormatException if the content is not a well-formed catalog
   * @throws IOException if the stream cannot be read or is not gzip
   */
  public static RawCatalog read(String source, InputStream gzipped) throws IOException {
    byte[] bytes;
    try (GZIPInputStream gz = new GZIPInputStream(gzipped, 1 << 16)) {
      bytes = gz.readAllBytes();
    }
    return parse(source, bytes);
  }

  /**
   * Parses an uncompressed catalog.
   *
   * @param source a name for error messages
   * @throws CatalogFormatException if the content is not a well-formed catalog
   */
  public static RawCatalog parse(String source, byte[] text) {
    return new CatalogReader(source, text).parse();
  }

  private RawCatalog parse() {
    String[] f = nextLine();
    if (f == null || f.length != 2 || !MAGIC.equals(f[0])) {
      throw error("not a cloudir action catalog");
    }
    if (!FORMAT_VERSION.equals(f[1])) {
      throw error("unsupported catalog format version " + f[1]);
    }
    Map<String, String> header = new LinkedHashMap<>();
    List<String> notice = new ArrayList<>();
    List<String> levels = new ArrayList<>();
    List<String> types = new ArrayList<>();
    List<RawCatalog.Key> globals = new ArrayList<>();
    List<RawCatalog.Service> services = new ArrayList<>();
    List<RawCatalog.Key> keys = new ArrayList<>();
    List<RawCatalog.ResourceType> rts = new ArrayList<>();
    @Nullable String prefix = null;
    String serviceName = "";
    int nActions = 0;
    int nTypes = 0;
    int nKeys = 0;
    boolean ended = false;
    while (true) {
      if (pos + 1 < text.length && text[pos] == 'A' && text[pos + 1] == '\t') {
        skipActionLines(prefix);
        nActions += pendingCount;
        continue;
      }
      f = nextLine();
      if (f == null) {
        break;
      }
      if (ended) {
        throw error("content after the end marker");
      }
      String kind = f[0];
      switch (kind) {
        case "#notice" -> {
          fields(f, 2, 1);
          notice.add(f[1]);
        }
        case "L" -> {
          fields(f, 2);
          levels.add(f[1]);
        }
        case "T" -> {
          fields(f, 2);
          types.add(f[1]);
        }
        case "G" -> {
          fields(f, 3);
          globals.add(new RawCatalog.Key(f[1], index(f[2], types.size())));
        }
        case "S" -> {
          fields(f, 3);
          if (prefix != null) {
            services.add(
                service(
                    prefix,
                    serviceName,
                    keys,
                    rts,
                    takeActions(levels.size(), keys.size(), rts.size())));
          }
          prefix = f[1];
          serviceName = f[2];
          keys = new ArrayList<>();
          rts = new ArrayList<>();
        }
        case "K" -> {
          fields(f, 3);
          inService(prefix);
          notAfterActions();
          keys.add(new RawCatalog.Key(f[1], index(f[2], types.size())));
          nKeys++;
        }
        case "R" -> {
          fields(f, 4, 3);
          inService(prefix);
          notAfterActions();
          rts.add(new RawCatalog.ResourceType(f[1], f[2], indexes(f[3], keys.size())));
          nTypes++;
        }
        case "E" -> {
          fields(f, 6);
          if (prefix != null) {
            services.add(
                service(
                    prefix,
                    serviceName,
                    keys,
                    rts,
                    takeActions(levels.size(), keys.size(), rts.size())));
            prefix = null;
          }
          int[] counts = {services.size(), nActions, nTypes, nKeys, globals.size()};
          for (int i = 0; i < counts.length; i++) {
            if (index(f[i + 1], Integer.MAX_VALUE) != counts[i]) {
              throw error("end marker says " + f[i + 1] + " but " + counts[i] + " were read");
            }
          }
          ended = true;
        }
        default -> {
          if (kind.startsWith("#")) {
            fields(f, 2);
            header.put(kind.substring(1), f[1]);
          } else {
            throw error("unknown record kind '" + kind + "'");
          }
        }
      }
    }
    if (!ended) {
      throw error("truncated: no end marker");
    }
    return new RawCatalog(
        Collections.unmodifiableMap(header),
        List.copyOf(notice),
        List.copyOf(levels),
        List.copyOf(types),
        List.copyOf(globals),
        List.copyOf(services));
  }

  private static RawCatalog.Service service(
      String prefix,
      String name,
      List<RawCatalog.Key> keys,
      List<RawCatalog.ResourceType> rts,
      ActionLines actions) {
    return new RawCatalog.Service(prefix, name, List.copyOf(keys), List.copyOf(rts), actions);
  }

  /**
   * Skips the block of {@code A} lines at the current position (the actions of the current
   * service, parsed later by {@link ActionLines}), remembering where it is.
   */
  private void skipActionLines(@Nullable String prefix) {
    lineStart = pos;
    lineNo++;
    if (prefix == null) {
      throw error("record outside a service");
    }
    if (pendingCount > 0) {
      throw error("a second block of actions in one service");
    }
    pendingStart = pos;
    pendingLine = lineNo;
    int n = 0;
    while (pos + 1 < text.length && text[pos] == 'A' && text[pos + 1] == '\t') {
      if (n > 0) {
        lineStart = pos;
        lineNo++;
      }
      int nl = pos;
      while (nl < text.length && text[nl] != '\n') {
        nl++;
      }
      if (nl == text.length) {
        throw error("last line has no line feed");
      }
      pos = nl + 1;
      n++;
    }
    pendingEnd = pos;
    pendingCount = n;
  }

  private void notAfterActions() {
    if (pendingCount > 0) {
      throw error("K and R records must come before the service's actions");
    }
  }

  private ActionLines takeActions(int levels, int keys, int types) {
    ActionLines a =
        new ActionLines(
            source, text, pendingStart, pendingEnd, pendingLine, pendingCount, levels, keys, types);
    pendingStart = 0;
    pendingEnd = 0;
    pendingLine = 0;
    pendingCount = 0;
    return a;
  }

  private void inService(@Nullable String prefix) {
    if (prefix == null) {
      throw error("record outside a service");
    }
  }

  private void fields(String[] f, int n) {
    fields(f, n, n);
  }

  /** Checks the field count; fields from {@code emptyFrom} (0-based) on may be empty. */
  private void fields(String[] f, int n, int emptyFrom) {
    if (f.length != n) {
      throw error("expected " + n + " fields, found " + f.length);
    }
    for (int i = 0; i < Math.min(n, emptyFrom); i++) {
      if (f[i].isEmpty()) {
        throw error("field " + (i + 1) + " is empty");
      }
    }
  }

  private int index(String s, int limit) {
    return index(s, 0, s.length(), limit);
  }

  private int index(String s, int from, int to, int limit) {
    if (from >= to || to - from > 9) {
      throw error("bad number '" + s.substring(from, to) + "'");
    }
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw error("bad number '" + s.substring(from, to) + "'");
      }
      v = v * 10 + (c - '0');
    }
    if (v >= limit) {
      throw error("index " + v + " out of range (" + limit + ")");
    }
    return v;
  }

  private int[] indexes(String s, int limit) {
    return indexes(s, 0, s.length(), limit);
  }

  private int[] indexes(String s, int from, int to, int limit) {
    if (from == to) {
      return NO_INTS;
    }
    int n = 1;
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == ',') {
        n++;
      }
    }
    int[] out = new int[n];
    int k = 0;
    int start = from;
    for (int i = from; i <= to; i++) {
      if (i == to || s.charAt(i) == ',') {
        out[k++] = index(s, start, i, limit);
        start = i + 1;
      }
    }
    return out;
  }

  /** The next line split on TAB, or null at the end. */
  private String @Nullable [] nextLine() {
    if (pos >= text.length) {
      return null;
    }
    lineStart = pos;
    lineNo++;
    int end = pos;
    int tabs = 0;
    while (end < text.length && text[end] != '\n') {
      if (text[end] == '\t') {
        tabs++;
      }
      end++;
    }
    if (end == text.length) {
      throw error("last line has no line feed");
    }
    String[] f = new String[tabs + 1];
    int k = 0;
    int start = pos;
    for (int i = pos; i <= end; i++) {
      if (i == end || text[i] == '\t') {
        f[k++] = string(start, i);
        start = i + 1;
      }
    }
    pos = end + 1;
    return f;
  }

  private String string(int from, int to) {
    for (int i = from; i < to; i++) {
      if (text[i] < 0) {
        return new String(text, from, to - from, StandardCharsets.UTF_8);
      }
    }
    return new String(text, from, to - from, StandardCharsets.ISO_8859_1);
  }

  private CatalogFormatException error(String reason) {
    return new CatalogFormatException(source, lineStart, lineNo, reason);
  }
}
