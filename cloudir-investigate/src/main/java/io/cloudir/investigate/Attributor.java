package io.cloudir.investigate;

import io.cloudir.investigate.internal.ByteKeyMap;
import io.cloudir.investigate.internal.Members;
import io.cloudir.investigate.internal.Mint;
import io.cloudir.investigate.internal.Names;
import io.cloudir.investigate.internal.Who;
import io.cloudir.model.cloudtrail.AccessKeys;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.model.cloudtrail.CloudTrailField;
import io.cloudir.model.cloudtrail.IdentityType;
import io.cloudir.model.cloudtrail.UserIdentityField;
import io.cloudir.model.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Resolves CloudTrail calls to the real actor behind them: the identity at the origin of the
 * credentials and the role sessions in between.
 *
 * <p>Two ways to use it:
 *
 * <ul>
 *   <li><b>Two passes</b> (files, a time range read in full): {@link #observe} every event first
 *       (any order), then {@link #attribute} each. Every mint in the data is then known.
 *   <li><b>Streaming</b> (events in time order): {@link #observeAndAttribute} each event. A call
 *       made with a key minted later in the stream (which only happens when the input is not in
 *       time order) is attributed as partial.
 * </ul>
 *
 * <p>What links a temporary key ({@code ASIA…}) to its origin: the STS event that minted it
 * ({@code AssumeRole}, {@code AssumeRoleWithSAML}, {@code AssumeRoleWithWebIdentity}, {@code
 * GetSessionToken}, {@code GetFederationToken}: {@code responseElements.credentials.accessKeyId}),
 * whose caller is followed in turn — through any depth of role chaining, cycle-safe. EC2
 * instance-profile sessions are tied to their instance (the {@code AWSService} {@code AssumeRole}
 * by {@code ec2.amazonaws.com} with the instance id as session name, or {@code ec2RoleDelivery} on
 * the session itself, which AWS sets); service-linked role sessions to their service; Identity
 * Center sessions ({@code AWSReservedSSO_…} roles) to the Identity Center {@code
 * GetRoleCredentials} (or the {@code AWSSSO_…} SAML assertion) of the same user, permission set
 * and account; console sessions to the {@code ConsoleLogin} (or {@code SwitchRole}) whose time
 * equals the session's {@code creationDate} to the second. Nothing is guessed: when a link is
 * missing, the attribution is {@link Completeness#PARTIAL} and says what is missing and what is
 * known (the session issuer role).
 *
 * <p>Memory: one small entry per minted key (a {@code Who} snapshot of the caller, about 0.5 KB
 * with its strings), plus a cache of attributions by access key id. Failed calls ({@code
 * errorCode} set) mint nothing.
 *
 * <p>Cached attributions stay right as data arrives: an attribution records what it looked for
 * and did not find (the mint of a key, a console sign-in, a {@code SwitchRole}, an Identity Center
 * {@code GetRoleCredentials}), and observing that thing later drops exactly the attributions that
 * waited for it; they are resolved again on their next call.
 *
 * <p>Not thread-safe: confine an instance to one thread, or finish observing before sharing it
 * (after the last {@link #observe}, {@link #attribute} only reads, except for its cache: guard it
 * externally or use one attributor per thread).
 */
public final class Attributor {
  /** The longest chain followed; longer chains (only possible in crafted data) are partial. */
  public static final int MAX_DEPTH = 64;

  /** Minting events by the access key id they minted. */
  private final ByteKeyMap<Mint> mintsByKey = new ByteKeyMap<>();
  /**
   * One instance per distinct origin identity, shared by the cached attributions: the many calls
   * of one user read one object (and its id) instead of one copy per session.
   */
  private final Map<Identity, Identity> origins = new HashMap<>();
  /** ConsoleLogin: user ARN + "|" + epoch second → eventID. */
  private final Map<String, String> signIns = new HashMap<>();
  /** SwitchRole: role ARN + "|" + epoch second → mint. */
  private final Map<String, Mint> switches = new HashMap<>();
  /** GetRoleCredentials: account|permissionSet|user → mints, in observation order. */
  private final Map<String, List<Mint>> ssoMints = new HashMap<>();
  /**
   * Attributions by access key id (its bytes: looked up in place, no String), with the keys in
   * use lately in a small table in front.
   */
  private final ByteKeyMap<Attribution> cache = new ByteKeyMap<>(RECENT_KEYS);
  /**
   * Attributions of calls without an access key, by their {@code userIdentity} JSON bytes and
   * console flag: only those that depend on nothing observed. Forgotten when full.
   */
  private final ByteKeyMap<Attribution> keyless = new ByteKeyMap<>();
  /**
   * What a cached attribution looked for and did not find (a kind letter and the lookup key: see
   * {@link #watch}) → the access keys of the attributions to drop when it is observed.
   */
  private final Map<String, List<String>> waiting = new HashMap<>();
  /**
   * A filter in front of {@link #waiting}: the bit of {@link #waitBit} of every lookup key put
   * there is set (bits are cleared only by {@link #rebuildWaitFilter}), so a clear bit proves
   * that nothing waits for a key and {@link #wake} need not build it nor look it up.
   */
  private final long[] waitFilter = new long[WAIT_FILTER_BITS / 64];
  /** Bits set in {@link #waitFilter}. */
  private int waitFilterSet;
  /** The number of set bits at which the filter is rebuilt (raised when it stays full). */
  private int waitFilterLimit = WAIT_FILTER_BITS / 4;
  /** The lookups of the resolution in progress, while {@link #attribute} resolves; else null. */
  private @Nullable List<String> watched;
  /** The list {@link #watched} is while {@link #attribute} resolves (emptied each time). */
  private final List<String> watchScratch = new ArrayList<>();
  private long mintCount;
  /** Scratch of {@link #mint}: the bytes of an ASCII key. */
  private final byte[] keyScratch = new byte[32];
  /** Scratch of {@link #stsFields}: member spans. */
  private final long[] spans = new long[7];
  /** Scratch of {@link #observeSts}: what a mint says ({@link #stsFields}). */
  private final @Nullable String[] stsFields = new String[8];
  /** Scratch of {@link #observeSts}: spans of what a mint says ({@link #stsFields}). */
  private final long[] stsSpans = new long[4];
  /** Indexes of {@link #stsSpans}. */
  private static final int KEY = 0;
  private static final int NAME_SPAN = 1;
  private static final int FEDERATED_ARN = 2;
  private static final int ASSUMED_ARN = 3;

  /** Slots of the table of keys in use lately in front of the attribution cache. */
  private static final int RECENT_KEYS = 8192;
  /** The most attributions of calls without an access key kept. */
  private static final int KEYLESS_MAX = 4096;
  /** Bits of the filter in front of {@link #waiting}. */
  private static final int WAIT_FILTER_BITS = 1 << 15;

  /** A new attributor with nothing observed. */
  public Attributor() {}

  /** Observes every event of a collection (the first pass). Returns this. */
  public Attributor observeAll(Iterable<? extends CloudTrailEvent> events) {
    for (CloudTrailEvent e : events) {
      observe(e);
    }
    return this;
  }

  /** Observes then attributes one event: the streaming API (events in time order). */
  public Attribution observeAndAttribute(CloudTrailEvent e) {
    observe(e);
    return attribute(e);
  }

  /** The number of minting events (and sign-ins) observed so far. */
  public long mints() {
    return mintCount;
  }

  /** The number of distinct temporary keys whose minting event has been observed. */
  public int trackedSessions() {
    return mintsByKey.size();
  }

  /**
   * Learns from one event if it mints credentials or starts a console session; other events are
   * ignored cheaply (a byte comparison of {@code eventSource}).
   */
  public void observe(CloudTrailEvent e) {
    // most events: a plain eventSource that does not start with "st", "si" or "ss" (nor an escape)
    int vs = e.valueStart(CloudTrailField.EVENT_SOURCE);
    if (vs < 0) {
      return;
    }
    byte[] b = e.buffer();
    if (b[vs] != '"' || vs + 2 >= b.length) {
      return;
    }
    if (b[vs + 1] != '\\') {
      byte c = b[vs + 2];
      if (b[vs + 1] != 's' || (c != 't' && c != 'i' && c != 's' && c != '\\')) {
        return;
      }
    }
    boolean sts = e.valueEquals(CloudTrailField.EVENT_SOURCE, "sts.amazonaws.com");
    boolean signin = !sts && e.valueEquals(CloudTrailField.EVENT_SOURCE, "signin.amazonaws.com");
    boolean sso = !sts && !signin && e.valueEquals(CloudTrailField.EVENT_SOURCE, "sso.amazonaws.com");
    if (!sts && !signin && !sso) {
      return;
    }
    if (e.has(CloudTrailField.ERROR_CODE) && e.errorCode() != null) {
      return;
    }
    String name = e.eventName();
    if (name == null) {
      return;
    }
    if (sts) {
      observeSts(e, name);
    } else if (signin) {
      observeSignIn(e, name);
    } else if (name.equals("GetRoleCredentials")) {
      observeSso(e);
    }
  }

  private void observeSts(CloudTrailEvent e, String name) {
    switch (name) {
      case "AssumeRole", "AssumeRoleWithSAML", "AssumeRoleWithWebIdentity", "GetSessionToken",
          "GetFederationToken", "AssumeRoot" -> {}
      default -> {
        return;
      }
    }
    String[] f = stsFields;
    byte[] b = e.buffer();
    long[] sp = stsSpans;
    boolean spans = stsFields(e, f, sp);
    if (!spans) {
      stsFieldsByName(e, f);
    }
    // the minted key: its bytes straight from the event when they are its text
    byte[] keyBytes = null;
    String key = null;
    if (spans && plainString(b, sp[KEY])) {
      int ks = Members.start(sp[KEY]) + 1;
      int ke = (int) sp[KEY] - 1;
      if (ks == ke) {
        return;
      }
      keyBytes = Arrays.copyOfRange(b, ks, ke);
    } else {
      key = spans ? Members.string(b, sp[KEY]) : f[0];
      if (key == null || key.isEmpty()) {
        return;
      }
    }
    String roleArn = f[1];
    String session = f[2];
    String sourceIdentity = f[3] != null ? f[3] : f[5];
    if (name.equals("GetFederationToken")) {
      roleArn = spans ? Members.string(b, sp[FEDERATED_ARN]) : f[6];
      session = spans ? Members.string(b, sp[NAME_SPAN]) : f[4];
    }
    if (roleArn == null) {
      String assumed = spans ? Members.string(b, sp[ASSUMED_ARN]) : f[7];
      if (assumed != null) {
        roleArn = io.cloudir.model.cloudtrail.UserIdentity.roleArnOfSession(assumed);
      }
    }
    Mint m = new Mint(e.eventID(), name, e.eventTime(), roleArn, session, sourceIdentity,
        Who.of(e));
    mintCount++;
    if (keyBytes != null) {
      mintsByKey.put(keyBytes, m);
      wake(MINT, keyBytes);
    } else if (key != null) {
      mintsByKey.put(key, m);
      wake(MINT, key);
    }
  }

  /** Whether a span found by {@link Members#find} is a string without escapes. */
  private static boolean plainString(byte[] b, long span) {
    int s = Members.start(span);
    int end = (int) span - 1;
    return span != 0 && b[s] == '"' && plain(b, s + 1, end);
  }

  /**
   * Reads what a mint says: into {@code f} (null when absent or not a string) {@code
   * requestParameters}' [1] {@code roleArn}, [2] {@code roleSessionName}, [3] {@code
   * sourceIdentity} and {@code responseElements}' [5] {@code sourceIdentity}; into {@code sp} the
   * spans (0: absent) of what is rarely needed or taken as bytes: {@link #KEY} {@code
   * responseElements.credentials.accessKeyId}, {@link #NAME_SPAN} {@code requestParameters.name},
   * {@link #FEDERATED_ARN} {@code responseElements.federatedUser.arn}, {@link #ASSUMED_ARN}
   * {@code responseElements.assumedRoleUser.arn}; in one pass over each object. False (f and sp
   * unspecified) when one of these objects has an escaped member name: then {@link
   * #stsFieldsByName} reads them.
   */
  private boolean stsFields(CloudTrailEvent e, @Nullable String[] f, long[] out) {
    Arrays.fill(f, null);
    Arrays.fill(out, 0);
    byte[] b = e.buffer();
    long[] sp = spans;
    int res = e.valueStart(CloudTrailField.RESPONSE_ELEMENTS);
    if (res >= 0 && b[res] == '{') {
      if (!Members.find(b, res, RESPONSE_NAMES, RESPONSE_INNER, sp)) {
        return false;
      }
      f[5] = Members.string(b, sp[1]);
      // the inner spans, after the four members': credentials', federatedUser's, assumedRoleUser's
      out[KEY] = Members.isObject(b, sp[0]) ? sp[4] : 0;
      out[FEDERATED_ARN] = Members.isObject(b, sp[2]) ? sp[5] : 0;
      out[ASSUMED_ARN] = Members.isObject(b, sp[3]) ? sp[6] : 0;
    }
    int rps = e.valueStart(CloudTrailField.REQUEST_PARAMETERS);
    if (rps >= 0 && b[rps] == '{') {
      if (!Members.find(b, rps, REQUEST_NAMES, sp)) {
        return false;
      }
      for (int i = 0; i < 3; i++) {
        f[1 + i] = Members.string(b, sp[i]);
      }
      out[NAME_SPAN] = sp[3];
    }
    return true;
  }

  /** {@link #stsFields} with every member looked up by its decoded name. */
  private static void stsFieldsByName(CloudTrailEvent e, @Nullable String[] f) {
    JsonValue re = e.responseElements();
    JsonValue rp = e.requestParameters();
    f[0] = re == null ? null : string(re.get(CREDENTIALS), ACCESS_KEY_ID);
    f[1] = string(rp, ROLE_ARN);
    f[2] = string(rp, ROLE_SESSION_NAME);
    f[3] = string(rp, SOURCE_IDENTITY);
    f[4] = string(rp, NAME);
    f[5] = string(re, SOURCE_IDENTITY);
    f[6] = re == null ? null : string(re.get(FEDERATED_USER), ARN);
    f[7] = re == null ? null : string(re.get(ASSUMED_ROLE_USER), ARN);
  }

  private void observeSignIn(CloudTrailEvent e, String name) {
    Instant t = e.eventTime();
    if (t == null) {
      return;
    }
    JsonValue re = e.responseElements();
    if (name.equals("ConsoleLogin")) {
      String outcome = re == null ? null : re.getString("ConsoleLogin");
      String arn = e.userIdentityString(UserIdentityField.ARN);
      String id = e.eventID();
      if ("Success".equals(outcome) && arn != null && id != null) {
        String k = arn + "|" + t.getEpochSecond();
        signIns.put(k, id);
        mintCount++;
        wake(SIGN_IN, k);
      }
    } else if (name.equals("SwitchRole")) {
      String outcome = re == null ? null : re.getString("SwitchRole");
      JsonValue add = e.additionalEventData();
      String to = add == null ? null : add.getString("SwitchTo");
      if ("Success".equals(outcome) && to != null) {
        Who caller = Who.of(e);
        String k = to + "|" + t.getEpochSecond();
        switches.put(k, new Mint(e.eventID(), name, t, to, null, null, caller));
        mintCount++;
        wake(SWITCH, k);
      }
    }
  }

  private void observeSso(CloudTrailEvent e) {
    JsonValue rp = e.requestParameters();
    if (rp == null) {
      return;
    }
    String role = rp.getString("roleName");
    String account = rp.getString("accountId");
    String user = e.userIdentityString(UserIdentityField.USER_NAME);
    if (role == null || account == null || user == null) {
      return;
    }
    String k = account + "|" + role + "|" + user;
    ssoMints.computeIfAbsent(k, x -> new ArrayList<>(2))
        .add(new Mint(e.eventID(), "GetRoleCredentials", e.eventTime(), null, null, null,
            Who.of(e)));
    mintCount++;
    wake(SSO, k);
  }

  /** Kinds of lookups an attribution may wait on: the mint of a key. */
  private static final char MINT = 'k';
  /** A console sign-in (user ARN | epoch second). */
  private static final char SIGN_IN = 'i';
  /** A SwitchRole (role ARN | epoch second). */
  private static final char SWITCH = 's';
  /** Identity Center role credentials (account | permission set | user). */
  private static final char SSO = 'o';

  /** Notes that the resolution in progress looked {@code key} up in the observations of a kind. */
  private void watch(char kind, String key) {
    List<String> w = watched;
    if (w != null) {
      w.add(kind + key);
    }
  }

  /**
   * The filter bit of the lookup key {@code kind + key}: from its {@link String#hashCode}, computed
   * without building it.
   */
  private static int waitBit(char kind, String key) {
    int h = kind;
    for (int i = 0; i < key.length(); i++) {
      h = 31 * h + key.charAt(i);
    }
    return waitBit(h);
  }

  /** The filter bit of a lookup key of {@link String#hashCode} {@code h}. */
  private static int waitBit(int h) {
    return (h ^ (h >>> 15)) & (WAIT_FILTER_BITS - 1);
  }

  /** Registers that the cached attribution of {@code accessKey} waits for {@code what}. */
  private void await(String what, String accessKey) {
    List<String> l = waiting.computeIfAbsent(what, x -> new ArrayList<>(1));
    if (!l.contains(accessKey)) {
      l.add(accessKey);
    }
    int bit = waitBit(what.charAt(0), what.substring(1));
    if ((waitFilter[bit >>> 6] & (1L << bit)) == 0) {
      waitFilter[bit >>> 6] |= 1L << bit;
      if (++waitFilterSet > waitFilterLimit) {
        rebuildWaitFilter();
      }
    }
  }

  /** Sets the filter bits of exactly the keys waited for now (clearing those of woken ones). */
  private void rebuildWaitFilter() {
    Arrays.fill(waitFilter, 0);
    waitFilterSet = 0;
    for (String what : waiting.keySet()) {
      int bit = waitBit(what.charAt(0), what.substring(1));
      if ((waitFilter[bit >>> 6] & (1L << bit)) == 0) {
        waitFilter[bit >>> 6] |= 1L << bit;
        waitFilterSet++;
      }
    }
    // many keys really waited for: rebuild only when twice as many bits are set again
    waitFilterLimit = Math.max(WAIT_FILTER_BITS / 4, 2 * waitFilterSet);
  }

  /**
   * {@link #wake} for a key given as its UTF-8 bytes, which builds the key's text only when the
   * filter does not rule it out.
   */
  private void wake(char kind, byte[] key) {
    if (waiting.isEmpty()) {
      return;
    }
    int h = kind;
    for (byte c : key) {
      if (c < 0) { // not ASCII: the bytes are not the chars
        wake(kind, new String(key, StandardCharsets.UTF_8));
        return;
      }
      h = 31 * h + c;
    }
    int bit = waitBit(h);
    if ((waitFilter[bit >>> 6] & (1L << bit)) != 0) {
      wake(kind, new String(key, StandardCharsets.US_ASCII));
    }
  }

  /** Something of a kind was observed: drops the cached attributions that looked for it. */
  private void wake(char kind, String key) {
    if (waiting.isEmpty()) {
      return;
    }
    int bit = waitBit(kind, key);
    if ((waitFilter[bit >>> 6] & (1L << bit)) == 0) {
      return; // nothing waits for it
    }
    List<String> keys = waiting.remove(kind + key);
    if (keys != null) {
      for (String k : keys) {
        cache.remove(k);
      }
    }
  }

  /** The attribution of one call, from what has been observed so far. */
  public Attribution attribute(CloudTrailEvent e) {
    // the common case: a plain key string, looked up in place
    boolean looked = false;
    Attribution cached;
    int vs = e.valueStart(UserIdentityField.ACCESS_KEY_ID);
    if (vs >= 0) {
      byte[] b = e.buffer();
      int ve = e.valueEnd(UserIdentityField.ACCESS_KEY_ID) - 1;
      if (b[vs] == '"' && ve > vs + 1) {
        // the raw bytes of a key in use lately (exact even with escapes: see ByteKeyMap.recent)
        cached = cache.recent(b, vs + 1, ve);
        if (cached != null) {
          return cached;
        }
        if (plain(b, vs + 1, ve)) {
          cached = cache.getPastRecent(b, vs + 1, ve);
          if (cached != null) {
            return cached;
          }
          looked = true; // the text of a plain string is its bytes: no need to look again
        }
      }
    }
    String key = e.userIdentityString(UserIdentityField.ACCESS_KEY_ID);
    String keyed = key != null && !key.isEmpty() ? key : null;
    if (!looked && keyed != null) {
      cached = cache.get(keyed);
      if (cached != null) {
        return cached;
      }
    }
    byte[] identityKey = keyed != null ? null : identityKey(e);
    if (identityKey != null) {
      cached = keyless.get(identityKey, 0, identityKey.length);
      if (cached != null) {
        return cached;
      }
    }
    List<String> w = watchScratch;
    w.clear();
    watched = w;
    Attribution a;
    try {
      a = resolve(Who.of(e, keyed));
    } finally {
      watched = null;
    }
    if (keyed != null || identityKey != null) {
      Identity o = origins.computeIfAbsent(a.origin(), x -> x);
      if (o != a.origin()) {
        a = new Attribution(o, a.via(), a.completeness(), a.reason(), a.keyAccountId(),
            a.sourceIdentity(), a.onBehalfOf(), a.signInEventId());
      }
    }
    if (keyed != null) {
      cache.put(keyed, a);
      for (String what : w) {
        await(what, keyed);
      }
    } else if (identityKey != null && w.isEmpty()) {
      if (keyless.size() >= KEYLESS_MAX) {
        keyless.clear();
      }
      keyless.put(identityKey, a);
    }
    return a;
  }

  /**
   * What the attribution of a call without an access key depends on in the event: the bytes of
   * its {@code userIdentity} value and its {@code sessionCredentialFromConsole} flag; null when it
   * has no {@code userIdentity}.
   */
  private static byte @Nullable [] identityKey(CloudTrailEvent e) {
    int s = e.valueStart(CloudTrailField.USER_IDENTITY);
    if (s < 0) {
      return null;
    }
    int end = e.valueEnd(CloudTrailField.USER_IDENTITY);
    byte[] k = Arrays.copyOfRange(e.buffer(), s, end + 1);
    Boolean console = e.sessionCredentialFromConsole();
    k[k.length - 1] = (byte) (console == null ? 'n' : console ? 't' : 'f');
    return k;
  }

  private static final JsonValue.Name CREDENTIALS = JsonValue.Name.of("credentials");
  private static final JsonValue.Name ACCESS_KEY_ID = JsonValue.Name.of("accessKeyId");
  private static final JsonValue.Name ROLE_ARN = JsonValue.Name.of("roleArn");
  private static final JsonValue.Name ROLE_SESSION_NAME = JsonValue.Name.of("roleSessionName");
  private static final JsonValue.Name SOURCE_IDENTITY = JsonValue.Name.of("sourceIdentity");
  private static final JsonValue.Name FEDERATED_USER = JsonValue.Name.of("federatedUser");
  private static final JsonValue.Name ASSUMED_ROLE_USER = JsonValue.Name.of("assumedRoleUser");
  private static final JsonValue.Name ARN = JsonValue.Name.of("arn");
  /** The members of a mint's responseElements read by {@link #observeSts}, in this order. */
  private static final byte[][] RESPONSE_NAMES =
      Members.names("credentials", "sourceIdentity", "federatedUser", "assumedRoleUser");
  /**
   * What {@link #stsFields} reads inside the members {@link #RESPONSE_NAMES}: {@code
   * credentials.accessKeyId}, {@code federatedUser.arn}, {@code assumedRoleUser.arn}.
   */
  private static final byte[][][] RESPONSE_INNER = {Members.names("accessKeyId"), {},
      Members.names("arn"), Members.names("arn")};
  private static final JsonValue.Name NAME = JsonValue.Name.of("name");
  /** The members of a mint's requestParameters read by {@link #observeSts}, in this order. */
  private static final byte[][] REQUEST_NAMES =
      Members.names("roleArn", "roleSessionName", "sourceIdentity", "name");

  /** The string member {@code name} of {@code v} ({@link JsonValue#getString}), or null. */
  private static @Nullable String string(@Nullable JsonValue v, JsonValue.Name name) {
    JsonValue x = v == null ? null : v.get(name);
    return x == null ? null : x.stringOrNull();
  }

  /** Whether {@code b[s, e)} holds no escape (so its bytes are the decoded text's UTF-8). */
  private static boolean plain(byte[] b, int s, int e) {
    for (int i = s; i < e; i++) {
      if (b[i] == '\\') {
        return false;
      }
    }
    return true;
  }

  /** Resolves an identity snapshot (exposed for the timeline of non-event identities). */
  Attribution resolve(Who who) {
    String key = who.accessKeyId();
    String keyAccount = key == null ? null : AccessKeys.accountOf(key);
    IdentityType t = who.type();
    if (IdentityType.ASSUMED_ROLE.equals(t)) {
      return chain(who, keyAccount);
    }
    if (IdentityType.ROOT.equals(t) && key != null && AccessKeys.isTemporary(key)) {
      Mint m = mint(key);
      if ((m != null && m.eventName().equals("AssumeRoot")) || who.assumedRoot()) {
        return assumedRoot(who, m, keyAccount);
      }
    }
    if (IdentityType.FEDERATED_USER.equals(t)) {
      Mint m = key == null ? null : mint(key);
      SessionHop hop = new SessionHop(who.arn(), who.sessionName(), key,
          m == null ? null : m.eventId(), m == null ? null : m.eventName(),
          m != null && m.time() != null ? m.time() : who.creationDate(), who.sourceIdentity());
      String issuer = who.issuerArn();
      if (m != null) {
        Identity o = terminal(m.caller(), m);
        return new Attribution(o, List.of(hop), Completeness.COMPLETE, null, keyAccount,
            who.sourceIdentity(), who.onBehalfOf(), null);
      }
      if (issuer != null && (issuer.contains(":user/") || issuer.endsWith(":root"))) {
        IdentityKind k = issuer.endsWith(":root") ? IdentityKind.ROOT : IdentityKind.IAM_USER;
        return new Attribution(new Identity(k, issuer, Names.accountOfArn(issuer)), List.of(hop),
            Completeness.COMPLETE, null, keyAccount, who.sourceIdentity(), who.onBehalfOf(), null);
      }
      return new Attribution(Identity.unknown(), List.of(hop), Completeness.PARTIAL,
          "the GetFederationToken that minted " + key + " is not in the data and the session"
              + " names no issuer", keyAccount, who.sourceIdentity(), who.onBehalfOf(), null);
    }
    Identity origin = terminal(who, null);
    if (origin.kind() == IdentityKind.UNKNOWN) {
      return new Attribution(origin, List.of(), Completeness.PARTIAL,
          "the event names no identity (type " + t + ")", keyAccount, who.sourceIdentity(),
          who.onBehalfOf(), null);
    }
    String signIn = null;
    Instant created = who.creationDate();
    String arn = who.arn();
    if (created != null && arn != null && key != null && AccessKeys.isTemporary(key)) {
      signIn = signIn(arn, created);
    }
    return new Attribution(origin, List.of(), Completeness.COMPLETE, null, keyAccount,
        who.sourceIdentity(), who.onBehalfOf(), signIn);
  }

  /**
   * A short-term privileged root session of a member account ({@code sts:AssumeRoot}, called by
   * the organization's management account or the delegated administrator for IAM): the root ARN
   * acts, but the actor is whoever called {@code AssumeRoot}, followed back like any caller.
   */
  private Attribution assumedRoot(Who call, @Nullable Mint m, @Nullable String keyAccount) {
    String acct = call.accountId();
    String rootArn = call.arn() != null ? call.arn()
        : acct == null ? null : "arn:aws:iam::" + acct + ":root";
    SessionHop hop = new SessionHop(rootArn, null, call.accessKeyId(),
        m == null ? null : m.eventId(), m == null ? null : m.eventName(),
        m != null && m.time() != null ? m.time() : call.creationDate(), call.sourceIdentity());
    if (m == null) {
      String key = call.accessKeyId();
      return new Attribution(Identity.unknown(), List.of(hop), Completeness.PARTIAL,
          "the AssumeRoot that minted " + key + " is not in the data; known: a privileged root"
              + " session of account " + acct + " opened from the organization's management or"
              + " delegated administrator account", keyAccount, call.sourceIdentity(),
          call.onBehalfOf(), null);
    }
    // root credentials cannot call AssumeRoot (AWS STS API reference), so a root caller here
    // is crafted data: it ends the chain instead of being followed (no cycle can form)
    Attribution caller = IdentityType.ROOT.equals(m.caller().type())
        ? new Attribution(terminal(m.caller(), m), List.of(), Completeness.COMPLETE, null, null,
            null, null, null)
        : resolve(m.caller());
    List<SessionHop> all = new ArrayList<>(caller.via());
    all.add(hop);
    return new Attribution(caller.origin(), all, caller.completeness(), caller.reason(),
        keyAccount, call.sourceIdentity() != null ? call.sourceIdentity() : caller.sourceIdentity(),
        call.onBehalfOf(), caller.signInEventId());
  }

  /** An assumed-role session, followed back mint by mint. */
  private Attribution chain(Who call, @Nullable String keyAccount) {
    List<SessionHop> hops = new ArrayList<>(4); // call first; reversed at the end
    String[] seen = new String[4]; // the keys followed so far (a chain is short: a linear search)
    int seenCount = 0;
    Who cur = call;
    String sourceIdentity = call.sourceIdentity();
    String signIn = null;
    Identity origin;
    String reason = null;
    while (true) {
      String key = cur.accessKeyId();
      Mint m = key == null ? null : mint(key);
      String roleArn = cur.roleArn();
      if (m == null && cur.creationDate() != null && roleArn != null) {
        String sk = roleArn + "|" + cur.creationDate().getEpochSecond();
        watch(SWITCH, sk);
        Mint sw = switches.get(sk);
        if (sw != null && cur.console()) {
          m = sw;
          signIn = signIn == null ? sw.eventId() : signIn;
        }
      }
      if (roleArn == null && m != null) {
        roleArn = m.roleArn();
      }
      String session = cur.sessionName();
      if (m == null) {
        // no minting event: what the session itself proves, else partial
        String service = Names.serviceOfLinkedRole(roleArn);
        String permissionSet = Names.permissionSetOf(Names.roleName(roleArn));
        Mint sso = null;
        if (permissionSet != null && session != null) {
          sso = latestSso(Names.accountOfArn(roleArn), permissionSet, session, cur.creationDate());
        }
        hops.add(hop(cur, roleArn, sso));
        if (cur.ec2RoleDelivery() != null && session != null && Names.isInstanceId(session)) {
          origin = new Identity(IdentityKind.EC2_INSTANCE, session, Names.accountOfArn(roleArn));
        } else if (service != null) {
          origin = new Identity(IdentityKind.AWS_SERVICE, service, null);
        } else if (permissionSet != null && session != null) {
          origin = new Identity(IdentityKind.IDENTITY_CENTER_USER, session,
              Names.accountOfArn(roleArn));
          if (sso == null) {
            reason = "the Identity Center GetRoleCredentials that minted "
                + (key == null ? "this session" : key) + " is not in the data; known: session"
                + " issuer " + roleArn + ", user name from the session name AWS sets";
          }
        } else {
          origin = roleArn == null ? Identity.unknown()
              : new Identity(IdentityKind.ROLE, roleArn, Names.accountOfArn(roleArn));
          reason = (key == null ? "the session shows no access key"
              : "the event that minted " + key + " is not in the data")
              + (roleArn == null ? "" : "; known: session issuer " + roleArn);
        }
        break;
      }
      hops.add(hop(cur, roleArn, m));
      if (sourceIdentity == null && m.sourceIdentity() != null) {
        sourceIdentity = m.sourceIdentity();
      }
      boolean cycle = false;
      if (key != null) {
        for (int i = 0; i < seenCount && !cycle; i++) {
          cycle = seen[i].equals(key);
        }
        if (!cycle) {
          if (seenCount == seen.length) {
            seen = Arrays.copyOf(seen, 2 * seenCount);
          }
          seen[seenCount++] = key;
        }
      }
      if (cycle || hops.size() >= MAX_DEPTH) {
        origin = roleArn == null ? Identity.unknown()
            : new Identity(IdentityKind.ROLE, roleArn, Names.accountOfArn(roleArn));
        reason = hops.size() >= MAX_DEPTH ? "role chain longer than " + MAX_DEPTH
            : "the minting events form a cycle at " + key;
        break;
      }
      Who caller = m.caller();
      if (IdentityType.ASSUMED_ROLE.equals(caller.type())) {
        if (sourceIdentity == null) {
          sourceIdentity = caller.sourceIdentity();
        }
        cur = caller;
        continue;
      }
      if (IdentityType.FEDERATED_USER.equals(caller.type())) {
        Attribution fed = resolve(caller);
        List<SessionHop> all = new ArrayList<>(fed.via());
        Collections.reverse(hops);
        all.addAll(hops);
        return new Attribution(fed.origin(), all, fed.completeness(), fed.reason(), keyAccount,
            sourceIdentity, call.onBehalfOf(), signIn);
      }
      origin = terminal(caller, m);
      if (origin.kind() == IdentityKind.UNKNOWN) {
        reason = "the " + m.eventName() + " " + m.eventId() + " names no caller identity";
      } else if (signIn == null) {
        Instant created = caller.creationDate();
        String arn = caller.arn();
        if (created != null && arn != null) {
          signIn = signIn(arn, created);
        }
      }
      break;
    }
    Collections.reverse(hops);
    return new Attribution(origin, hops,
        reason == null ? Completeness.COMPLETE : Completeness.PARTIAL, reason, keyAccount,
        sourceIdentity, call.onBehalfOf(), signIn);
  }

  private @Nullable Mint latestSso(@Nullable String account, String permissionSet, String user,
      @Nullable Instant created) {
    if (account == null) {
      return null;
    }
    String k = account + "|" + permissionSet + "|" + user;
    watch(SSO, k);
    List<Mint> l = ssoMints.get(k);
    if (l == null) {
      return null;
    }
    Mint best = null;
    for (Mint m : l) {
      Instant t = m.time();
      if (t == null || (created != null && t.isAfter(created))) {
        continue;
      }
      if (best == null || t.isAfter(best.time())) {
        best = m;
      }
    }
    return best;
  }

  /** The mint of a key, or null (then watched for). */
  private @Nullable Mint mint(String key) {
    byte[] b = keyScratch;
    Mint m = ascii(key, b) ? mintsByKey.get(b, 0, key.length()) : mintsByKey.get(key);
    if (m == null) {
      watch(MINT, key);
    }
    return m;
  }

  /**
   * Whether {@code key} is ASCII and fits in {@code b}: then {@code b} starts with its bytes (its
   * UTF-8 encoding), for a lookup that allocates nothing.
   */
  private static boolean ascii(String key, byte[] b) {
    int n = key.length();
    if (n > b.length) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = key.charAt(i);
      if (c >= 0x80) {
        return false;
      }
      b[i] = (byte) c;
    }
    return true;
  }

  /** The eventID of the console sign-in of a user ARN at a second (watched for), or null. */
  private @Nullable String signIn(String arn, Instant created) {
    String k = arn + "|" + created.getEpochSecond();
    watch(SIGN_IN, k);
    return signIns.get(k);
  }

  private static SessionHop hop(Who cur, @Nullable String roleArn, @Nullable Mint m) {
    Instant t = m != null && m.time() != null ? m.time() : cur.creationDate();
    String si = cur.sourceIdentity() != null ? cur.sourceIdentity()
        : m == null ? null : m.sourceIdentity();
    return new SessionHop(roleArn, cur.sessionName(), cur.accessKeyId(),
        m == null ? null : m.eventId(), m == null ? null : m.eventName(), t, si);
  }

  /** The identity of a caller that is not a role session; {@code m} is the event it called. */
  private static Identity terminal(Who w, @Nullable Mint m) {
    IdentityType t = w.type();
    String acct = w.accountId();
    if (IdentityType.ROOT.equals(t)) {
      String arn = w.arn() != null ? w.arn() : acct == null ? null : "arn:aws:iam::" + acct + ":root";
      return arn == null ? Identity.unknown() : new Identity(IdentityKind.ROOT, arn, acct);
    }
    if (IdentityType.IAM_USER.equals(t)) {
      String arn = w.arn();
      if (arn == null && acct != null && w.userName() != null) {
        arn = "arn:aws:iam::" + acct + ":user/" + w.userName();
      }
      return arn == null ? Identity.unknown() : new Identity(IdentityKind.IAM_USER, arn, acct);
    }
    if (IdentityType.SAML_USER.equals(t)) {
      String provider = w.identityProvider() != null ? w.identityProvider() : w.principalId();
      String user = w.userName();
      if (provider != null && provider.contains(":saml-provider/AWSSSO_") && user != null) {
        return new Identity(IdentityKind.IDENTITY_CENTER_USER, user, acct);
      }
      return named(IdentityKind.SAML_USER, provider, user, acct);
    }
    if (IdentityType.WEB_IDENTITY_USER.equals(t)) {
      return named(IdentityKind.WEB_IDENTITY_USER, w.identityProvider(), w.userName(), acct);
    }
    if (IdentityType.IDENTITY_CENTER_USER.equals(t)) {
      String user = w.userName() != null ? w.userName() : w.onBehalfOf();
      return user == null ? Identity.unknown()
          : new Identity(IdentityKind.IDENTITY_CENTER_USER, user, acct);
    }
    if (IdentityType.AWS_ACCOUNT.equals(t)) {
      String id = acct != null ? acct : w.principalId();
      return id == null ? Identity.unknown() : new Identity(IdentityKind.AWS_ACCOUNT, id, acct);
    }
    if (w.invokedBy() != null && (IdentityType.AWS_SERVICE.equals(t) || t == null)) {
      String session = m == null ? null : m.sessionName();
      if (m != null && session != null && "ec2.amazonaws.com".equals(w.invokedBy())
          && Names.isInstanceId(session)) {
        return new Identity(IdentityKind.EC2_INSTANCE, session, Names.accountOfArn(m.roleArn()));
      }
      return new Identity(IdentityKind.AWS_SERVICE, w.invokedBy(), null);
    }
    if ("GetRoleCredentials".equals(m == null ? null : m.eventName()) && w.userName() != null) {
      return new Identity(IdentityKind.IDENTITY_CENTER_USER, w.userName(), acct);
    }
    return Identity.unknown();
  }

  private static Identity named(IdentityKind k, @Nullable String provider, @Nullable String user,
      @Nullable String acct) {
    if (user == null && provider == null) {
      return Identity.unknown();
    }
    String id = provider == null ? String.valueOf(user) : user == null ? provider
        : provider + "/" + user;
    return new Identity(k, id, acct);
  }
}
