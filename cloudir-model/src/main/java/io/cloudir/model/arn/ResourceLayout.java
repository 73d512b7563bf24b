package io.cloudir.model.arn;

import org.jspecify.annotations.Nullable;

/**
 * How a service lays out the resource part of its ARNs, as one small table: which services (and
 * which of their resource types) split the resource into type, id and qualifier in which way. Every
 * service not in the table uses {@link #GENERIC}. {@link Arn} applies the layout at parse time to
 * character indices into the ARN string (no allocation; the split itself is in {@code Arn}'s
 * constructor, which owns the final fields it fills).
 *
 * <p>The tables are keyed by the canonical {@link ArnNames} constants and probed by identity ({@code
 * ==}) at the slot given by the constant's cached hash code, so a lookup is one or two reference
 * comparisons.
 *
 * <p>Stateless; immutable after class initialisation; thread-safe.
 */
final class ResourceLayout {
  private ResourceLayout() {}

  /** {@code type<sep>id}: the first {@code /} or {@code :} splits type from id; no qualifier. */
  static final int GENERIC = 0;
  /** The whole resource is the id (SQS queues). */
  static final int ID_ONLY = 1;
  /** {@code id[:qualifier]} (SNS topics and {@code topic:subscription-id}). */
  static final int ID_COLON_QUALIFIER = 2;
  /** {@code id[/qualifier]} (API Gateway execute-api: {@code api-id/stage/METHOD/path}). */
  static final int ID_SLASH_QUALIFIER = 3;
  /** {@code type<sep>id[:qualifier]} (Lambda aliases and versions, log streams, Step Functions). */
  static final int TYPE_ID_COLON_QUALIFIER = 4;
  /** {@code type<sep>id[/qualifier]} (DynamoDB {@code table/t/stream/x}, STS sessions). */
  static final int TYPE_ID_SLASH_QUALIFIER = 5;
  /** {@code type/path/name}: IAM entities with paths; the id is the name after the last slash. */
  static final int IAM_PATH = 6;
  /** {@code bucket[/key]}: S3 bucket and object ARNs (no type; empty region and account). */
  static final int S3_BUCKET = 7;
  /** {@code /type/id[/qualifier]}: API Gateway management ARNs ({@code /restapis/a/stages/b}). */
  static final int LEADING_SLASH = 8;

  /** {service, layout}: services whose every resource uses one layout (other than GENERIC). */
  private static final Object[][] BY_SERVICE = {
    {"sqs", ID_ONLY},
    {"sns", ID_COLON_QUALIFIER},
    {"execute-api", ID_SLASH_QUALIFIER},
    {"lambda", TYPE_ID_COLON_QUALIFIER},
    {"logs", TYPE_ID_COLON_QUALIFIER},
    {"states", TYPE_ID_COLON_QUALIFIER},
    {"dynamodb", TYPE_ID_SLASH_QUALIFIER},
    {"kinesis", TYPE_ID_SLASH_QUALIFIER},
    {"iam", IAM_PATH},
    {"apigateway", LEADING_SLASH},
  };

  /**
   * {resource type, service, layout}: overrides for one resource type of one service (each type
   * appears once).
   */
  private static final Object[][] BY_TYPE = {
    {"assumed-role", "sts", TYPE_ID_SLASH_QUALIFIER},
    {"task-definition", "ecs", TYPE_ID_COLON_QUALIFIER},
    {"stack", "cloudformation", TYPE_ID_SLASH_QUALIFIER},
    {"stackset", "cloudformation", TYPE_ID_COLON_QUALIFIER},
    {"accesspoint", "s3", TYPE_ID_SLASH_QUALIFIER},
  };

  /** IAM resource types whose ARNs carry an IAM path ({@code role/path/name}). */
  private static final String[] IAM_PATH_TYPES = {
    "user", "role", "group", "policy", "instance-profile", "server-certificate", "mfa"
  };

  private static final int MASK = 63;
  // services: name -> layout
  private static final @Nullable String[] SERVICE_KEY = new String[MASK + 1];
  private static final int[] SERVICE_LAYOUT = new int[MASK + 1];
  // resource types: name -> (service of the override or null, layout, IAM path type)
  private static final @Nullable String[] TYPE_KEY = new String[MASK + 1];
  private static final @Nullable String[] TYPE_SERVICE = new String[MASK + 1];
  private static final int[] TYPE_LAYOUT = new int[MASK + 1];
  private static final boolean[] TYPE_IAM_PATH = new boolean[MASK + 1];

  static {
    for (Object[] row : BY_SERVICE) {
      int i = slot(SERVICE_KEY, canonical((String) row[0]));
      SERVICE_KEY[i] = (String) row[0];
      SERVICE_LAYOUT[i] = (Integer) row[1];
    }
    for (Object[] row : BY_TYPE) {
      int i = slot(TYPE_KEY, canonical((String) row[0]));
      TYPE_KEY[i] = (String) row[0];
      TYPE_SERVICE[i] = canonical((String) row[1]);
      TYPE_LAYOUT[i] = (Integer) row[2];
    }
    for (String t : IAM_PATH_TYPES) {
      int i = slot(TYPE_KEY, canonical(t));
      TYPE_KEY[i] = t;
      TYPE_IAM_PATH[i] = true;
    }
    canonical("s3");
  }

  /** The identity comparisons below need every name of the tables to be an ArnNames constant. */
  @SuppressWarnings("ReferenceEquality")
  private static String canonical(String name) {
    if (ArnNames.canonical(name, 0, name.length()) != name) {
      throw new IllegalStateException("not an ArnNames constant: " + name);
    }
    return name;
  }

  /** The slot of {@code key} in an identity table: its own, or the empty one where it goes. */
  @SuppressWarnings("ReferenceEquality")
  private static int slot(@Nullable String[] keys, String key) {
    int i = key.hashCode() & MASK;
    for (String k = keys[i]; k != null && k != key; k = keys[i]) {
      i = (i + 1) & MASK;
    }
    return i;
  }

  /** The layout of a service given by its canonical name ({@link #GENERIC} for null). */
  static int ofService(@Nullable String service) {
    if (service == null) {
      return GENERIC;
    }
    int i = slot(SERVICE_KEY, service);
    return SERVICE_KEY[i] == null ? GENERIC : SERVICE_LAYOUT[i];
  }

  /**
   * The override of the layout for resource type {@code type} of {@code service} (both canonical
   * or null), or -1.
   */
  @SuppressWarnings("ReferenceEquality")
  static int ofType(@Nullable String service, @Nullable String type) {
    if (service == null || type == null) {
      return -1;
    }
    int i = slot(TYPE_KEY, type);
    return TYPE_KEY[i] != null && TYPE_SERVICE[i] == service ? TYPE_LAYOUT[i] : -1;
  }

  /** Whether the canonical resource type {@code type} is an IAM entity with a path. */
  static boolean isIamPathType(@Nullable String type) {
    if (type == null) {
      return false;
    }
    int i = slot(TYPE_KEY, type);
    return TYPE_KEY[i] != null && TYPE_IAM_PATH[i];
  }
}
