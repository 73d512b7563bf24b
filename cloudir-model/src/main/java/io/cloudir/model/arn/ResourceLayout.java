package io.cloudir.model.arn;

/**
 * How a service lays out the resource part of its ARNs, as one small table: which services (and
 * which of their resource types) split the resource into type, id and qualifier in which way. Every
 * service not in the table uses {@link #GENERIC}. {@link Arn} applies the layout at parse time to
 * character indices into the ARN string (no allocation; the split itself is in {@code Arn}'s
 * scanner, which passes the indices to the constructor).
 *
 * <p>The tables are arrays indexed by the {@link ArnNames} slot of the service or the resource type,
 * which {@link Arn#parse} has already found: a lookup is one array read.
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

  // per ArnNames slot (see ArnNames.find), in one int so that a lookup reads one cache line: the
  // layout of a service (LAYOUT bits); for a resource type, its override plus one (OVERRIDE bits,
  // 0 for none), the slot plus one of the service the override is for (OWNER bits), and whether
  // it has an IAM path (IAM_PATH_BIT)
  private static final int[] INFO = new int[ArnNames.SLOTS];
  private static final int LAYOUT = 0xF;
  private static final int OVERRIDE_SHIFT = 4;
  private static final int IAM_PATH_BIT = 1 << 8;
  private static final int OWNER_SHIFT = 16;

  /** The slot of {@code s3}. */
  static final int S3 = slot("s3");

  static {
    for (Object[] row : BY_SERVICE) {
      INFO[slot((String) row[0])] |= (Integer) row[1];
    }
    for (Object[] row : BY_TYPE) {
      INFO[slot((String) row[0])] |= (((Integer) row[2] + 1) << OVERRIDE_SHIFT)
          | ((slot((String) row[1]) + 1) << OWNER_SHIFT);
    }
    for (String t : IAM_PATH_TYPES) {
      INFO[slot(t)] |= IAM_PATH_BIT;
    }
  }

  /** The slot of a name of the tables, which must be an ArnNames constant. */
  private static int slot(String name) {
    int i = ArnNames.find(name, 0, name.length());
    if (i < 0) {
      throw new IllegalStateException("not an ArnNames constant: " + name);
    }
    return i;
  }

  /** The layout of a service given by its ArnNames slot ({@link #GENERIC} for -1). */
  static int ofService(int service) {
    return service < 0 ? GENERIC : INFO[service] & LAYOUT;
  }

  /**
   * The override of the layout for the resource type in slot {@code type} of the service in slot
   * {@code service} (-1 for a name that is not a constant), or -1.
   */
  static int ofType(int service, int type) {
    if (service < 0 || type < 0) {
      return -1;
    }
    int info = INFO[type];
    return info >>> OWNER_SHIFT == service + 1 ? ((info >>> OVERRIDE_SHIFT) & LAYOUT) - 1 : -1;
  }

  /**
   * The layout of a resource of the service in slot {@code service} laid out as {@code layout}
   * whose type is in slot {@code type}: the type's override for a {@link #GENERIC} or {@link
   * #IAM_PATH} service that has one, else {@code layout}.
   */
  static int withType(int layout, int service, int type) {
    if (layout == GENERIC || layout == IAM_PATH) {
      int byType = ofType(service, type);
      if (byType >= 0) {
        return byType;
      }
    }
    return layout;
  }

  /** Whether the resource type in slot {@code type} (-1: not a constant) is an IAM entity with a path. */
  static boolean isIamPathType(int type) {
    return type >= 0 && (INFO[type] & IAM_PATH_BIT) != 0;
  }
}
