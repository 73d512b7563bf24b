package io.cloudir.model.cloudtrail;

import io.cloudir.model.RecordWarning;
import io.cloudir.model.internal.Ascii;
import io.cloudir.model.internal.json.ByteNames;
import io.cloudir.model.internal.json.Canonical;
import io.cloudir.model.internal.json.IsoTime;
import io.cloudir.model.internal.json.JsonScanner;
import io.cloudir.model.internal.json.JsonStrings;
import io.cloudir.model.internal.json.JsonSyntaxError;
import io.cloudir.model.json.JsonValue;
import io.cloudir.model.net.IpAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The accessors shared by {@link CloudTrailEvent} (immutable, safe to keep) and {@link
 * CloudTrailCursor} (reusable, valid only until the reader advances).
 *
 * <p>A view is a window on the UTF-8 bytes of one event plus an index of where each top-level
 * field's value (and each {@code userIdentity} field's value) starts and ends, built in the same
 * pass that validated the JSON. Typed getters decode on demand; low-cardinality values
 * (eventSource, eventName, awsRegion, errorCode, recipientAccountId, identity type…) come from a
 * table of canonical String instances and do not allocate once seen. The zero-copy accessors
 * ({@link #valueStart}, {@link #valueEnd}, {@link #buffer()}, {@link #valueHash}, {@link
 * #valueEquals}) expose the raw slices without decoding anything.
 *
 * <p>Getters return {@code null} when the field is absent or JSON {@code null}. String getters
 * applied to a field that holds another JSON type return its JSON text (and the record carries a
 * {@code field.type} warning).
 *
 * <p>Thread safety: see the subclasses ({@link CloudTrailEvent} is immutable and thread-safe;
 * {@link CloudTrailCursor} is confined to its reader's thread).
 */
public abstract sealed class CloudTrailView permits CloudTrailEvent, CloudTrailCursor {
  static final CloudTrailField[] FIELDS = CloudTrailField.values();
  static final UserIdentityField[] UI_FIELDS = UserIdentityField.values();
  static final ByteNames TOP_NAMES = names(FIELDS);
  static final ByteNames UI_NAMES = uiNames();

  static final int W_TIME_MISSING = 1;
  static final int W_TIME_MALFORMED = 2;
  static final int W_IDENTITY_TYPE = 4;
  static final int W_EVENT_TYPE = 8;
  static final int W_EVENT_CATEGORY = 16;
  static final int W_FIELD_TYPE = 32;
  static final int W_USER_IDENTITY_TYPE = 64;

  private static final int[] STRING_FIELDS = {
    CloudTrailField.EVENT_VERSION.ordinal(), CloudTrailField.EVENT_SOURCE.ordinal(),
    CloudTrailField.EVENT_NAME.ordinal(), CloudTrailField.AWS_REGION.ordinal(),
    CloudTrailField.SOURCE_IP_ADDRESS.ordinal(), CloudTrailField.EVENT_ID.ordinal(),
    CloudTrailField.EVENT_TYPE.ordinal(), CloudTrailField.RECIPIENT_ACCOUNT_ID.ordinal(),
    CloudTrailField.EVENT_CATEGORY.ordinal(), CloudTrailField.USER_AGENT.ordinal(),
    CloudTrailField.ERROR_CODE.ordinal(), CloudTrailField.ERROR_MESSAGE.ordinal(),
    CloudTrailField.REQUEST_ID.ordinal(), CloudTrailField.API_VERSION.ordinal(),
    CloudTrailField.SHARED_EVENT_ID.ordinal(), CloudTrailField.VPC_ENDPOINT_ID.ordinal(),
    CloudTrailField.VPC_ENDPOINT_ACCOUNT_ID.ordinal()
  };

  private static final int[] BOOLEAN_FIELDS = {
    CloudTrailField.READ_ONLY.ordinal(), CloudTrailField.MANAGEMENT_EVENT.ordinal(),
    CloudTrailField.SESSION_CREDENTIAL_FROM_CONSOLE.ordinal()
  };

  private static final int[] UI_STRING_FIELDS = {
    UserIdentityField.TYPE.ordinal(), UserIdentityField.PRINCIPAL_ID.ordinal(),
    UserIdentityField.ARN.ordinal(), UserIdentityField.ACCOUNT_ID.ordinal(),
    UserIdentityField.ACCESS_KEY_ID.ordinal(), UserIdentityField.USER_NAME.ordinal(),
    UserIdentityField.INVOKED_BY.ordinal(), UserIdentityField.IDENTITY_PROVIDER.ordinal(),
    UserIdentityField.CREDENTIAL_ID.ordinal()
  };

  // ---- index state. In CloudTrailEvent these are never modified after construction.
  byte[] buf;
  int start;
  int end;
  final long[] spans = new long[FIELDS.length];
  final long[] uiSpans = new long[UI_FIELDS.length];
  int escMask;
  int uiEscMask;
  int uiStart;
  int uiEnd;
  /** Unknown members: name start, value start and value end, three entries each. */
  int[] extras = NO_EXTRAS;
  int extraCount;
  /** eventTime in epoch seconds, or {@link IsoTime#INVALID}; its fraction is {@link #timeNano}. */
  long timeSecs = IsoTime.INVALID;
  int timeNano;
  int warnMask;
  /** Known top-level fields whose value is a JSON string, and those whose value is null. */
  int strMask;
  int nullMask;
  /** The same for the known {@code userIdentity} fields. */
  int uiStrMask;
  int uiNullMask;

  // The date of the last eventTime parsed (its first ten bytes, packed) and its epoch second at
  // midnight: consecutive events mostly share the date, so only the time of day is parsed then.
  private long lastDate = -1;
  private int lastDateTail = -1;
  private long lastDateSecs;

  static final int[] NO_EXTRAS = new int[0];
  private static final byte[] NO_BYTES = new byte[0];

  CloudTrailView() {
    this.buf = NO_BYTES;
  }

  private static ByteNames names(CloudTrailField[] f) {
    String[] n = new String[f.length];
    for (int i = 0; i < f.length; i++) {
      n[i] = f[i].jsonName();
    }
    return new ByteNames(n);
  }

  private static ByteNames uiNames() {
    String[] n = new String[UI_FIELDS.length];
    for (int i = 0; i < n.length; i++) {
      n[i] = UI_FIELDS[i].jsonName();
    }
    return new ByteNames(n);
  }

  /** Checks that this view may still be read (cursors check their lifetime here). */
  void checkLive() {}

  // ================= indexing =================

  /**
   * Validates the JSON object starting at {@code p} and indexes its fields. Returns the index after
   * the object, or {@link JsonScanner#INCOMPLETE}. Adds the line feeds inside the object to {@code
   * sc.newlines} (valid JSON holds them only as white space, and all of it is skipped with {@link
   * JsonScanner#ws}), so a reader knows the line after the object without a second pass.
   */
  final int index(byte[] b, int p, int limit, boolean atEof, JsonScanner sc, int depth)
      throws JsonSyntaxError {
    Arrays.fill(spans, 0L);
    Arrays.fill(uiSpans, 0L);
    escMask = 0;
    uiEscMask = 0;
    uiStart = 0;
    uiEnd = 0;
    extraCount = 0;
    warnMask = 0;
    strMask = 0;
    nullMask = 0;
    uiStrMask = 0;
    uiNullMask = 0;
    timeSecs = IsoTime.INVALID;
    timeNano = 0;
    buf = b;
    start = p;
    if (b[p] != '{') {
      throw new JsonSyntaxError(p, "a CloudTrail event must be a JSON object");
    }
    if (depth + 1 > sc.maxDepth()) {
      throw new JsonSyntaxError(p, "nesting deeper than " + sc.maxDepth(), true);
    }
    p = sc.ws(b, p + 1, limit);
    if (p >= limit) {
      return eof(p, atEof);
    }
    if (b[p] != '}') {
      while (true) {
        if (b[p] != '"') {
          throw new JsonSyntaxError(p, "expected a member name but found '" + JsonScanner.printable(b[p]) + "'");
        }
        int ns = p;
        int id;
        int ne;
        boolean nameEsc;
        // A name spelled exactly as a known one (and its closing quote) is a valid string, so it
        // needs no scan: found from its first eight bytes.
        id = TOP_NAMES.matchQuoted(b, p, limit);
        if (id >= 0) {
          ne = p + TOP_NAMES.name(id).length + 2;
          nameEsc = false;
          p = ne;
        } else {
          p = sc.scanString(b, p, limit);
          if (p < 0) {
            return eof(limit, atEof);
          }
          ne = p;
          nameEsc = sc.lastStringEscaped;
          id = nameEsc ? lookupEscaped(TOP_NAMES, b, ns + 1, ne - 1)
              : TOP_NAMES.lookup(b, ns + 1, ne - 1);
        }
        p = sc.ws(b, p, limit);
        if (p >= limit) {
          return eof(p, atEof);
        }
        if (b[p] != ':') {
          throw new JsonSyntaxError(p, "expected ':' but found '" + JsonScanner.printable(b[p]) + "'");
        }
        p = sc.ws(b, p + 1, limit);
        if (p >= limit) {
          return eof(p, atEof);
        }
        int vs = p;
        if (id >= 0 && spans[id] != 0) {
          // reported before the value is read, so the offset is the repeated key's
          throw JsonSyntaxError.wellFormed(ns, "duplicate key \"" + FIELDS[id].jsonName() + "\"");
        }
        int ve;
        if (id == CloudTrailField.USER_IDENTITY.ordinal() && b[vs] == '{') {
          ve = indexUserIdentity(b, vs, limit, atEof, sc, depth + 1);
        } else if (b[vs] == '"') {
          ve = sc.scanString(b, vs, limit); // most values: no trip through the general scanner
        } else {
          ve = sc.skipValue(b, vs, limit, depth + 1, false);
        }
        if (ve < 0) {
          return eof(limit, atEof);
        }
        if (id >= 0) {
          spans[id] = ((long) vs << 32) | ve;
          int k = kind(b[vs], sc);
          strMask |= (k & 1) << id;
          escMask |= (k >>> 1 & 1) << id;
          nullMask |= (k >>> 2) << id;
        } else {
          addExtra(b, ns, nameEsc, vs, ve);
        }
        p = sc.ws(b, ve, limit);
        if (p >= limit) {
          return eof(p, atEof);
        }
        if (b[p] == ',') {
          p = sc.ws(b, p + 1, limit);
          if (p >= limit) {
            return eof(p, atEof);
          }
          continue;
        }
        if (b[p] == '}') {
          break;
        }
        throw new JsonSyntaxError(p, "expected ',' or '}' but found '" + JsonScanner.printable(b[p]) + "'");
      }
    }
    end = p + 1;
    finish();
    return end;
  }

  /**
   * The kind of a value that starts with {@code first}, as bits: 1 a string, 2 a string with
   * escapes (the last one {@code sc} scanned), 4 null.
   */
  private static int kind(byte first, JsonScanner sc) {
    if (first == '"') {
      return sc.lastStringEscaped ? 3 : 1;
    }
    return first == 'n' ? 4 : 0;
  }

  private static int eof(int p, boolean atEof) throws JsonSyntaxError {
    if (atEof) {
      throw new JsonSyntaxError(p, "unexpected end of input");
    }
    return JsonScanner.INCOMPLETE;
  }

  static int lookupEscaped(ByteNames names, byte[] b, int s, int e) {
    byte[] d = JsonStrings.decode(b, s, e).getBytes(StandardCharsets.UTF_8);
    return names.lookup(d, 0, d.length);
  }

  private void addExtra(byte[] b, int ns, boolean nameEsc, int vs, int ve) throws JsonSyntaxError {
    int nlen = 0;
    String decoded = null;
    for (int i = 0; i < extraCount; i++) {
      int os = extras[3 * i];
      int oe = JsonScanner.skipValidatedString(b, os);
      if (nlen == 0) {
        nlen = JsonScanner.skipValidatedString(b, ns) - ns;
      }
      boolean same = oe - os == nlen && Arrays.equals(b, os, oe, b, ns, ns + nlen);
      if (!same && (nameEsc || JsonStrings.hasEscape(b, os + 1, oe - 1))) {
        // the same name may be spelled with and without escapes
        if (decoded == null) {
          decoded = JsonStrings.decode(b, ns + 1, ns + nlen - 1);
        }
        same = decoded.equals(JsonStrings.decode(b, os + 1, oe - 1));
      }
      if (same) {
        throw JsonSyntaxError.wellFormed(ns, "duplicate key " + new String(b, ns, nlen, StandardCharsets.UTF_8));
      }
    }
    if (3 * extraCount + 3 > extras.length) {
      extras = Arrays.copyOf(extras, Math.max(12, extras.length * 2));
    }
    extras[3 * extraCount] = ns;
    extras[3 * extraCount + 1] = vs;
    extras[3 * extraCount + 2] = ve;
    extraCount++;
  }

  private int indexUserIdentity(byte[] b, int p, int limit, boolean atEof, JsonScanner sc, int depth)
      throws JsonSyntaxError {
    if (depth + 1 > sc.maxDepth()) {
      throw new JsonSyntaxError(p, "nesting deeper than " + sc.maxDepth(), true);
    }
    int s = p;
    p = sc.ws(b, p + 1, limit);
    if (p >= limit) {
      return eof(p, atEof);
    }
    if (b[p] != '}') {
      while (true) {
        if (b[p] != '"') {
          throw new JsonSyntaxError(p, "expected a member name but found '" + JsonScanner.printable(b[p]) + "'");
        }
        int ns = p;
        int id = UI_NAMES.matchQuoted(b, p, limit); // as for the top-level members
        if (id >= 0) {
          p += UI_NAMES.name(id).length + 2;
        } else {
          p = sc.scanString(b, p, limit);
          if (p < 0) {
            return eof(limit, atEof);
          }
          int ne = p;
          id = sc.lastStringEscaped ? lookupEscaped(UI_NAMES, b, ns + 1, ne - 1)
              : UI_NAMES.lookup(b, ns + 1, ne - 1);
        }
        p = sc.ws(b, p, limit);
        if (p >= limit) {
          return eof(p, atEof);
        }
        if (b[p] != ':') {
          throw new JsonSyntaxError(p, "expected ':' but found '" + JsonScanner.printable(b[p]) + "'");
        }
        p = sc.ws(b, p + 1, limit);
        if (p >= limit) {
          return eof(p, atEof);
        }
        int vs = p;
        int ve = b[vs] == '"' ? sc.scanString(b, vs, limit) : sc.skipValue(b, vs, limit, depth + 1, false);
        if (ve < 0) {
          return eof(limit, atEof);
        }
        if (id >= 0) {
          if (uiSpans[id] != 0) {
            throw JsonSyntaxError.wellFormed(ns, "duplicate key \"userIdentity." + UI_FIELDS[id].jsonName() + "\"");
          }
          uiSpans[id] = ((long) vs << 32) | ve;
          int k = kind(b[vs], sc);
          uiStrMask |= (k & 1) << id;
          uiEscMask |= (k >>> 1 & 1) << id;
          uiNullMask |= (k >>> 2) << id;
        }
        p = sc.ws(b, ve, limit);
        if (p >= limit) {
          return eof(p, atEof);
        }
        if (b[p] == ',') {
          p = sc.ws(b, p + 1, limit);
          if (p >= limit) {
            return eof(p, atEof);
          }
          continue;
        }
        if (b[p] == '}') {
          break;
        }
        throw new JsonSyntaxError(p, "expected ',' or '}' but found '" + JsonScanner.printable(b[p]) + "'");
      }
    }
    uiStart = s;
    uiEnd = p + 1;
    return p + 1;
  }

  private void finish() {
    long t = spans[CloudTrailField.EVENT_TIME.ordinal()];
    if (t == 0 || buf[(int) (t >>> 32)] == 'n') {
      warnMask |= W_TIME_MISSING;
    } else {
      int s = (int) (t >>> 32);
      int e = (int) t;
      if (buf[s] == '"') {
        if ((escMask & (1 << CloudTrailField.EVENT_TIME.ordinal())) == 0) {
          parseTime(buf, s + 1, e - 1);
        } else {
          byte[] d = JsonStrings.decode(buf, s + 1, e - 1).getBytes(StandardCharsets.UTF_8);
          parseTime(d, 0, d.length);
        }
      }
      if (timeSecs == IsoTime.INVALID) {
        warnMask |= W_TIME_MALFORMED;
      }
    }
    int present = 0;
    for (int f : STRING_FIELDS) {
      present |= spans[f] != 0 ? 1 << f : 0;
    }
    if ((present & ~(strMask | nullMask)) != 0) {
      warnMask |= W_FIELD_TYPE;
    }
    for (int f : BOOLEAN_FIELDS) {
      long sp = spans[f];
      if (sp != 0 && buf[(int) (sp >>> 32)] != 'n' && boolAt(sp, (escMask & (1 << f)) != 0) == null) {
        warnMask |= W_FIELD_TYPE;
      }
    }
    if (!typeIs(spans[CloudTrailField.USER_IDENTITY.ordinal()], '{')
        || !typeIs(spans[CloudTrailField.RESOURCES.ordinal()], '[')
        || !typeIs(uiSpans[UserIdentityField.SESSION_CONTEXT.ordinal()], '{')) {
      warnMask |= W_FIELD_TYPE;
    }
    int uiPresent = 0;
    for (int f : UI_STRING_FIELDS) {
      uiPresent |= uiSpans[f] != 0 ? 1 << f : 0;
    }
    if ((uiPresent & ~(uiStrMask | uiNullMask)) != 0) {
      warnMask |= W_FIELD_TYPE;
    }
    if (!knownEnum(uiSpans[UserIdentityField.TYPE.ordinal()], 0)) {
      warnMask |= W_IDENTITY_TYPE;
    }
    if (!knownEnum(spans[CloudTrailField.EVENT_TYPE.ordinal()], 1)) {
      warnMask |= W_EVENT_TYPE;
    }
    if (!knownEnum(spans[CloudTrailField.EVENT_CATEGORY.ordinal()], 2)) {
      warnMask |= W_EVENT_CATEGORY;
    }
  }

  /**
   * Sets {@link #timeSecs} and {@link #timeNano} from the ISO timestamp in bytes {@code [s, e)}.
   * The common shape {@code YYYY-MM-DDThh:mm:ssZ} with the date of the previous call parses only
   * the time of day; anything else goes through {@link IsoTime}.
   */
  private void parseTime(byte[] b, int s, int e) {
    boolean plain = e - s == 20 && b[s + 19] == 'Z' && b[s + 10] == 'T';
    if (plain) {
      long date = (long) LONGS.get(b, s);
      int tail = (b[s + 8] & 0xFF) | (b[s + 9] & 0xFF) << 8;
      if (date == lastDate && tail == lastDateTail) {
        int hh = digit(b[s + 11]) * 10 + digit(b[s + 12]);
        int mm = digit(b[s + 14]) * 10 + digit(b[s + 15]);
        int ss = digit(b[s + 17]) * 10 + digit(b[s + 18]);
        if (b[s + 13] == ':' && b[s + 16] == ':' && hh >= 0 && hh <= 23 && mm >= 0 && mm <= 59
            && ss >= 0 && ss <= 59) {
          timeSecs = lastDateSecs + hh * 3600 + mm * 60 + ss;
          timeNano = 0;
          return;
        }
      }
    }
    timeSecs = IsoTime.parseEpochSecond(b, s, e);
    timeNano = timeSecs == IsoTime.INVALID ? 0 : IsoTime.nanoOfSecond(b, s, e);
    if (plain && timeSecs != IsoTime.INVALID) {
      lastDate = (long) LONGS.get(b, s);
      lastDateTail = (b[s + 8] & 0xFF) | (b[s + 9] & 0xFF) << 8;
      lastDateSecs = timeSecs - Math.floorMod(timeSecs, 86_400L);
    }
  }

  private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles
      .byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

  /** The value of an ASCII digit, or a negative number far below any valid field. */
  private static int digit(byte c) {
    int v = c - '0';
    return v >= 0 && v <= 9 ? v : -1000;
  }

  /** Whether the value is absent, null, or starts with {@code first}. */
  private boolean typeIs(long sp, char first) {
    if (sp == 0) {
      return true;
    }
    byte c = buf[(int) (sp >>> 32)];
    return c == first || c == 'n';
  }

  private boolean knownEnum(long sp, int which) {
    if (sp == 0) {
      return true;
    }
    int s = (int) (sp >>> 32);
    int e = (int) sp;
    if (buf[s] != '"') {
      return true; // reported as a type warning, or null
    }
    return switch (which) {
      case 0 -> IdentityType.knownOrNull(buf, s + 1, e - 1) != null;
      case 1 -> EventType.knownOrNull(buf, s + 1, e - 1) != null;
      default -> EventCategory.knownOrNull(buf, s + 1, e - 1) != null;
    };
  }

  // ================= zero-copy accessors =================

  /** The bytes this view reads from (shared: never modify them). */
  public final byte[] buffer() {
    checkLive();
    return buf;
  }

  /** Index in {@link #buffer()} of the first byte of the event's JSON object. */
  public final int recordStart() {
    checkLive();
    return start;
  }

  /** Index in {@link #buffer()} after the last byte of the event's JSON object. */
  public final int recordEnd() {
    checkLive();
    return end;
  }

  /** Whether the field is present (even if JSON null). */
  public final boolean has(CloudTrailField f) {
    checkLive();
    return spans[f.ordinal()] != 0;
  }

  /**
   * Index in {@link #buffer()} of the first byte of the field's JSON value (the opening quote of a
   * string), or -1 if absent.
   */
  public final int valueStart(CloudTrailField f) {
    checkLive();
    long sp = spans[f.ordinal()];
    return sp == 0 ? -1 : (int) (sp >>> 32);
  }

  /** Index in {@link #buffer()} after the last byte of the field's JSON value, or -1 if absent. */
  public final int valueEnd(CloudTrailField f) {
    checkLive();
    long sp = spans[f.ordinal()];
    return sp == 0 ? -1 : (int) sp;
  }

  /** Index of the first byte of a {@code userIdentity} field's JSON value, or -1. */
  public final int valueStart(UserIdentityField f) {
    checkLive();
    long sp = uiSpans[f.ordinal()];
    return sp == 0 ? -1 : (int) (sp >>> 32);
  }

  /** Index after the last byte of a {@code userIdentity} field's JSON value, or -1. */
  public final int valueEnd(UserIdentityField f) {
    checkLive();
    long sp = uiSpans[f.ordinal()];
    return sp == 0 ? -1 : (int) sp;
  }

  /**
   * The 64-bit FNV-1a hash of the field's decoded UTF-8 text (for strings the decoded contents,
   * for other values their JSON text), or 0 if absent or null. No allocation unless the string
   * has escapes.
   */
  public final long valueHash(CloudTrailField f) {
    checkLive();
    return hash(spans[f.ordinal()], (escMask & (1 << f.ordinal())) != 0);
  }

  /** {@link #valueHash(CloudTrailField)} for a {@code userIdentity} field. */
  public final long valueHash(UserIdentityField f) {
    checkLive();
    return hash(uiSpans[f.ordinal()], (uiEscMask & (1 << f.ordinal())) != 0);
  }

  /** The FNV-1a 64-bit offset basis, the hash of the empty text. */
  public static final long FNV_BASIS = 0xcbf29ce484222325L;

  private long hash(long sp, boolean escaped) {
    if (sp == 0) {
      return 0;
    }
    int s = (int) (sp >>> 32);
    int e = (int) sp;
    if (buf[s] == 'n') {
      return 0;
    }
    byte[] b = buf;
    if (b[s] == '"') {
      if (escaped) {
        b = JsonStrings.decode(buf, s + 1, e - 1).getBytes(StandardCharsets.UTF_8);
        s = 0;
        e = b.length;
      } else {
        s++;
        e--;
      }
    }
    long h = FNV_BASIS;
    for (int i = s; i < e; i++) {
      h ^= b[i] & 0xFF;
      h *= 0x100000001b3L;
    }
    return h;
  }

  /** Whether the field is a string equal to {@code ascii} (compared as bytes, no allocation). */
  public final boolean valueEquals(CloudTrailField f, String ascii) {
    checkLive();
    return equalsAscii(spans[f.ordinal()], (escMask & (1 << f.ordinal())) != 0, ascii);
  }

  /** Whether the {@code userIdentity} field is a string equal to {@code ascii}. */
  public final boolean valueEquals(UserIdentityField f, String ascii) {
    checkLive();
    return equalsAscii(uiSpans[f.ordinal()], (uiEscMask & (1 << f.ordinal())) != 0, ascii);
  }

  private boolean equalsAscii(long sp, boolean escaped, String s) {
    if (sp == 0) {
      return false;
    }
    int vs = (int) (sp >>> 32);
    int ve = (int) sp;
    if (buf[vs] != '"') {
      return false;
    }
    if (escaped) {
      return JsonStrings.decode(buf, vs + 1, ve - 1).equals(s);
    }
    return Ascii.equals(buf, vs + 1, ve - 1, s);
  }

  // ================= decoding helpers =================

  final @Nullable String text(long sp, boolean escaped, boolean canonical) {
    if (sp == 0) {
      return null;
    }
    int s = (int) (sp >>> 32);
    int e = (int) sp;
    byte c = buf[s];
    if (c == '"') {
      if (escaped) {
        return JsonStrings.decode(buf, s + 1, e - 1);
      }
      return canonical ? Canonical.of(buf, s + 1, e - 1)
          : new String(buf, s + 1, e - s - 2, StandardCharsets.UTF_8);
    }
    if (c == 'n') {
      return null;
    }
    return new String(buf, s, e - s, StandardCharsets.UTF_8);
  }

  final @Nullable String str(CloudTrailField f) {
    checkLive();
    return text(spans[f.ordinal()], (escMask & (1 << f.ordinal())) != 0, false);
  }

  final @Nullable String canon(CloudTrailField f) {
    checkLive();
    return text(spans[f.ordinal()], (escMask & (1 << f.ordinal())) != 0, true);
  }

  /** The field's decoded text: a string's contents, another scalar's JSON text, or null. */
  public final @Nullable String string(CloudTrailField f) {
    return str(f);
  }

  /** A {@code userIdentity} field's decoded text, or null if absent or null. */
  public final @Nullable String userIdentityString(UserIdentityField f) {
    checkLive();
    boolean canonical = f == UserIdentityField.TYPE || f == UserIdentityField.ACCOUNT_ID
        || f == UserIdentityField.INVOKED_BY;
    return text(uiSpans[f.ordinal()], (uiEscMask & (1 << f.ordinal())) != 0, canonical);
  }

  /** The field's value as JSON, or null if absent. */
  public final @Nullable JsonValue field(CloudTrailField f) {
    checkLive();
    long sp = spans[f.ordinal()];
    return sp == 0 ? null : JsonValue.ofValidated(buf, (int) (sp >>> 32), (int) sp);
  }

  private @Nullable JsonValue nonNullField(CloudTrailField f) {
    JsonValue v = field(f);
    return v == null || v.isNull() ? null : v;
  }

  private @Nullable Boolean bool(CloudTrailField f) {
    checkLive();
    return boolAt(spans[f.ordinal()], (escMask & (1 << f.ordinal())) != 0);
  }

  private @Nullable Boolean boolAt(long sp, boolean escaped) {
    if (sp == 0) {
      return null;
    }
    int s = (int) (sp >>> 32);
    int e = (int) sp;
    byte c = buf[s];
    if (c == 't') {
      return Boolean.TRUE;
    }
    if (c == 'f') {
      return Boolean.FALSE;
    }
    if (c == '"') {
      // AWS writes some flags as strings ("true")
      String v = escaped ? JsonStrings.decode(buf, s + 1, e - 1)
          : new String(buf, s + 1, e - s - 2, StandardCharsets.UTF_8);
      if (v.equalsIgnoreCase("true")) {
        return Boolean.TRUE;
      }
      if (v.equalsIgnoreCase("false")) {
        return Boolean.FALSE;
      }
    }
    return null;
  }

  // ================= typed accessors =================

  /** {@code eventVersion}, e.g. {@code 1.08}. */
  public final @Nullable String eventVersion() {
    return canon(CloudTrailField.EVENT_VERSION);
  }

  /**
   * {@code userIdentity} as a typed view, or null if absent or not an object. (Allocates; the
   * zero-copy way is {@link #userIdentityString(UserIdentityField)}.)
   */
  public final @Nullable UserIdentity userIdentity() {
    checkLive();
    if (uiEnd == 0) {
      return null;
    }
    return new UserIdentity(buf, uiStart, uiEnd, uiSpans.clone(), uiEscMask);
  }

  /**
   * The identity type, or null when there is no {@code userIdentity.type} (or it is JSON null).
   * Like {@link UserIdentity#type()}, a type of another JSON type gives its JSON text (with a
   * {@code field.type} warning).
   */
  public final @Nullable IdentityType identityType() {
    checkLive();
    long sp = uiSpans[UserIdentityField.TYPE.ordinal()];
    if (sp == 0 || buf[(int) (sp >>> 32)] == 'n') {
      return null;
    }
    int s = (int) (sp >>> 32);
    int e = (int) sp;
    if (buf[s] != '"') {
      return IdentityType.of(new String(buf, s, e - s, StandardCharsets.UTF_8));
    }
    IdentityType t = IdentityType.knownOrNull(buf, s + 1, e - 1);
    return t != null ? t : IdentityType.of(JsonStrings.decode(buf, s + 1, e - 1));
  }

  /** {@code eventTime} as an instant, or null when missing or malformed (see {@link #warnings}). */
  public final @Nullable Instant eventTime() {
    checkLive();
    if (timeSecs == IsoTime.INVALID) {
      return null;
    }
    return Instant.ofEpochSecond(timeSecs, timeNano);
  }

  /**
   * {@code eventTime} in epoch nanoseconds (no allocation), or {@link Long#MIN_VALUE} when missing,
   * malformed, or outside what a long of nanoseconds holds (1677-09-21 to 2262-04-11; {@link
   * #eventTime()} and {@link #eventTimeMillis()} hold any year up to 9999).
   */
  public final long eventTimeNanos() {
    checkLive();
    if (timeSecs == IsoTime.INVALID) {
      return Long.MIN_VALUE;
    }
    // a negative second with a fraction: count from the next second, so that the product cannot
    // overflow where the sum does not
    long secs = timeNano > 0 && timeSecs < 0 ? timeSecs + 1 : timeSecs;
    long nanos = secs == timeSecs ? timeNano : timeNano - 1_000_000_000L;
    try {
      return Math.addExact(Math.multiplyExact(secs, 1_000_000_000L), nanos);
    } catch (ArithmeticException beyond) {
      return Long.MIN_VALUE; // before 1677-09-21 or after 2262-04-11
    }
  }

  /**
   * {@code eventTime} in epoch milliseconds (any year up to 9999), or {@link Long#MIN_VALUE} when
   * missing or malformed.
   */
  public final long eventTimeMillis() {
    checkLive();
    return timeSecs == IsoTime.INVALID ? Long.MIN_VALUE : timeSecs * 1000L + timeNano / 1_000_000;
  }

  /** {@code eventTime} exactly as written (also when it is malformed), or null. */
  public final @Nullable String eventTimeText() {
    return str(CloudTrailField.EVENT_TIME);
  }

  /** {@code eventSource}, e.g. {@code iam.amazonaws.com} (canonical instance). */
  public final @Nullable String eventSource() {
    return canon(CloudTrailField.EVENT_SOURCE);
  }

  /** {@code eventName}, e.g. {@code AttachRolePolicy} (canonical instance). */
  public final @Nullable String eventName() {
    return canon(CloudTrailField.EVENT_NAME);
  }

  /** {@code awsRegion} (canonical instance). */
  public final @Nullable String awsRegion() {
    return canon(CloudTrailField.AWS_REGION);
  }

  /** {@code sourceIPAddress} as written: an IP address or a service name. */
  public final @Nullable String sourceIPAddress() {
    return str(CloudTrailField.SOURCE_IP_ADDRESS);
  }

  /** {@code sourceIPAddress} as an IP address or a service name, or null if absent. */
  public final @Nullable SourceAddress sourceAddress() {
    checkLive();
    long sp = spans[CloudTrailField.SOURCE_IP_ADDRESS.ordinal()];
    if (sp == 0 || buf[(int) (sp >>> 32)] != '"') {
      return null;
    }
    int s = (int) (sp >>> 32) + 1;
    int e = (int) sp - 1;
    if ((escMask & (1 << CloudTrailField.SOURCE_IP_ADDRESS.ordinal())) != 0) {
      return SourceAddress.of(JsonStrings.decode(buf, s, e));
    }
    IpAddress ip = IpAddress.tryParse(buf, s, e);
    String text = str(CloudTrailField.SOURCE_IP_ADDRESS);
    return new SourceAddress(text == null ? "" : text, ip);
  }

  /** {@code userAgent}. */
  public final @Nullable String userAgent() {
    return str(CloudTrailField.USER_AGENT);
  }

  /** {@code errorCode} (canonical instance), null when the call succeeded. */
  public final @Nullable String errorCode() {
    return canon(CloudTrailField.ERROR_CODE);
  }

  /** {@code errorMessage}. */
  public final @Nullable String errorMessage() {
    return str(CloudTrailField.ERROR_MESSAGE);
  }

  /** {@code requestParameters}, or null if absent or JSON null. */
  public final @Nullable JsonValue requestParameters() {
    return nonNullField(CloudTrailField.REQUEST_PARAMETERS);
  }

  /** {@code responseElements}, or null if absent or JSON null. */
  public final @Nullable JsonValue responseElements() {
    return nonNullField(CloudTrailField.RESPONSE_ELEMENTS);
  }

  /** {@code additionalEventData}, or null if absent or JSON null. */
  public final @Nullable JsonValue additionalEventData() {
    return nonNullField(CloudTrailField.ADDITIONAL_EVENT_DATA);
  }

  /** {@code requestID}. */
  public final @Nullable String requestID() {
    return str(CloudTrailField.REQUEST_ID);
  }

  /** {@code eventID}. */
  public final @Nullable String eventID() {
    return str(CloudTrailField.EVENT_ID);
  }

  /** {@code readOnly}, also when written as a string. */
  public final @Nullable Boolean readOnly() {
    return bool(CloudTrailField.READ_ONLY);
  }

  /** {@code resources}: the resources the call touched (empty if absent). */
  public final List<TrailResource> resources() {
    JsonValue v = nonNullField(CloudTrailField.RESOURCES);
    if (v == null) {
      return List.of();
    }
    List<TrailResource> out = new ArrayList<>();
    for (JsonValue r : v.elements()) {
      out.add(new TrailResource(r.getString("ARN"), r.getString("ARNPrefix"),
          r.getString("accountId"), r.getString("type")));
    }
    return Collections.unmodifiableList(out);
  }

  /** {@code eventType}, or null if absent. */
  public final @Nullable EventType eventType() {
    String s = canon(CloudTrailField.EVENT_TYPE);
    return s == null ? null : EventType.of(s);
  }

  /** {@code apiVersion}. */
  public final @Nullable String apiVersion() {
    return str(CloudTrailField.API_VERSION);
  }

  /** {@code managementEvent}. */
  public final @Nullable Boolean managementEvent() {
    return bool(CloudTrailField.MANAGEMENT_EVENT);
  }

  /** {@code recipientAccountId} (canonical instance). */
  public final @Nullable String recipientAccountId() {
    return canon(CloudTrailField.RECIPIENT_ACCOUNT_ID);
  }

  /** {@code serviceEventDetails}, or null. */
  public final @Nullable JsonValue serviceEventDetails() {
    return nonNullField(CloudTrailField.SERVICE_EVENT_DETAILS);
  }

  /** {@code sharedEventID}: the same id in every account that received a copy of the event. */
  public final @Nullable String sharedEventID() {
    return str(CloudTrailField.SHARED_EVENT_ID);
  }

  /** {@code vpcEndpointId}. */
  public final @Nullable String vpcEndpointId() {
    return str(CloudTrailField.VPC_ENDPOINT_ID);
  }

  /** {@code vpcEndpointAccountId}. */
  public final @Nullable String vpcEndpointAccountId() {
    return canon(CloudTrailField.VPC_ENDPOINT_ACCOUNT_ID);
  }

  /** {@code eventCategory}, or null if absent. */
  public final @Nullable EventCategory eventCategory() {
    String s = canon(CloudTrailField.EVENT_CATEGORY);
    return s == null ? null : EventCategory.of(s);
  }

  /** {@code addendum}, or null. */
  public final @Nullable JsonValue addendum() {
    return nonNullField(CloudTrailField.ADDENDUM);
  }

  /** {@code sessionCredentialFromConsole} (AWS writes it as the string {@code "true"}). */
  public final @Nullable Boolean sessionCredentialFromConsole() {
    return bool(CloudTrailField.SESSION_CREDENTIAL_FROM_CONSOLE);
  }

  /** {@code edgeDeviceDetails}, or null. */
  public final @Nullable JsonValue edgeDeviceDetails() {
    return nonNullField(CloudTrailField.EDGE_DEVICE_DETAILS);
  }

  /** {@code tlsDetails}, or null. */
  public final @Nullable JsonValue tlsDetails() {
    return nonNullField(CloudTrailField.TLS_DETAILS);
  }

  /** {@code insightDetails}, or null. */
  public final @Nullable JsonValue insightDetails() {
    return nonNullField(CloudTrailField.INSIGHT_DETAILS);
  }

  /** Top-level fields this version of cloudir does not know, in order, as written. */
  public final Map<String, JsonValue> unknownFields() {
    checkLive();
    Map<String, JsonValue> m = new LinkedHashMap<>();
    for (int i = 0; i < extraCount; i++) {
      int ns = extras[3 * i];
      int ne = JsonScanner.skipValidatedString(buf, ns);
      m.put(JsonStrings.decode(buf, ns + 1, ne - 1),
          JsonValue.ofValidated(buf, extras[3 * i + 1], extras[3 * i + 2]));
    }
    return Collections.unmodifiableMap(m);
  }

  /** The whole event as a JSON value (exactly the bytes read). */
  public final JsonValue json() {
    checkLive();
    return JsonValue.ofValidated(buf, start, end);
  }

  /** The event's JSON exactly as read: lossless. */
  public final String toJson() {
    checkLive();
    return new String(buf, start, end - start, StandardCharsets.UTF_8);
  }

  /** Whether the event carries warnings (no allocation). */
  public final boolean hasWarnings() {
    checkLive();
    return warnMask != 0;
  }

  /** The warnings about odd but well-formed content (empty for a clean event). */
  public final List<RecordWarning> warnings() {
    checkLive();
    if (warnMask == 0) {
      return List.of();
    }
    List<RecordWarning> w = new ArrayList<>();
    if ((warnMask & W_TIME_MISSING) != 0) {
      w.add(new RecordWarning("eventTime.missing", "the event has no eventTime"));
    }
    if ((warnMask & W_TIME_MALFORMED) != 0) {
      w.add(new RecordWarning("eventTime.malformed",
          "eventTime is not an ISO-8601 UTC timestamp: " + abbreviate(String.valueOf(eventTimeText()))));
    }
    if ((warnMask & W_FIELD_TYPE) != 0) {
      w.add(new RecordWarning("field.type", "a documented field has an unexpected JSON type"));
    }
    if ((warnMask & W_IDENTITY_TYPE) != 0) {
      w.add(new RecordWarning("userIdentity.type.unknown",
          "unknown userIdentity.type " + userIdentityString(UserIdentityField.TYPE)));
    }
    if ((warnMask & W_EVENT_TYPE) != 0) {
      w.add(new RecordWarning("eventType.unknown", "unknown eventType " + str(CloudTrailField.EVENT_TYPE)));
    }
    if ((warnMask & W_EVENT_CATEGORY) != 0) {
      w.add(new RecordWarning("eventCategory.unknown",
          "unknown eventCategory " + str(CloudTrailField.EVENT_CATEGORY)));
    }
    return Collections.unmodifiableList(w);
  }

  private static String abbreviate(String s) {
    return s.length() > 64 ? s.substring(0, 61) + "..." : s;
  }
}
