package io.cloudir.model.arn;

/**
 * Test oracle: the resource split as {@link Arn} computed it before the single-pass parser (an
 * eager {@code int[]} of start and end indices, from a table walked with {@code ==}). {@code
 * ArnSplitOracleTest} checks that {@link Arn} still splits every resource the same way.
 *
 * <p>How a service lays out the resource part of its ARNs, as one small table: which services (and
 * which of their resource types) split the resource into type, id and qualifier in which way. Every
 * service not in the table uses {@link #GENERIC}.
 *
 * <p>The split is computed by {@link #split} as character indices into the whole ARN string, so
 * that {@link Arn} allocates nothing for it.
 *
 * <p>Stateless; thread-safe (an enum).
 */
enum ResourceLayoutOracle {
  /** {@code type<sep>id}: the first {@code /} or {@code :} splits type from id; no qualifier. */
  GENERIC,
  /** The whole resource is the id (SQS queues). */
  ID_ONLY,
  /** {@code id[:qualifier]} (SNS topics and {@code topic:subscription-id}). */
  ID_COLON_QUALIFIER,
  /** {@code id[/qualifier]} (API Gateway execute-api: {@code api-id/stage/METHOD/path}). */
  ID_SLASH_QUALIFIER,
  /** {@code type<sep>id[:qualifier]} (Lambda aliases and versions, log streams, Step Functions executions). */
  TYPE_ID_COLON_QUALIFIER,
  /** {@code type<sep>id[/qualifier]} (DynamoDB {@code table/t/stream/x}, STS {@code assumed-role/Role/session}). */
  TYPE_ID_SLASH_QUALIFIER,
  /** {@code type/path/name}: IAM entities with paths; the id is the name after the last slash. */
  IAM_PATH,
  /** {@code bucket[/key]}: S3 bucket and object ARNs (no type; empty region and account). */
  S3_BUCKET,
  /** {@code /type/id[/qualifier]}: API Gateway management ARNs ({@code /restapis/a/stages/b}). */
  LEADING_SLASH;

  /** Services whose every resource uses one layout (other than GENERIC). */
  private static final String[][] BY_SERVICE = {
    {"sqs", "ID_ONLY"},
    {"sns", "ID_COLON_QUALIFIER"},
    {"execute-api", "ID_SLASH_QUALIFIER"},
    {"lambda", "TYPE_ID_COLON_QUALIFIER"},
    {"logs", "TYPE_ID_COLON_QUALIFIER"},
    {"states", "TYPE_ID_COLON_QUALIFIER"},
    {"dynamodb", "TYPE_ID_SLASH_QUALIFIER"},
    {"kinesis", "TYPE_ID_SLASH_QUALIFIER"},
    {"iam", "IAM_PATH"},
    {"apigateway", "LEADING_SLASH"},
  };

  /** {service, resource type, layout}: overrides for one resource type of a service. */
  private static final String[][] BY_TYPE = {
    {"sts", "assumed-role", "TYPE_ID_SLASH_QUALIFIER"},
    {"ecs", "task-definition", "TYPE_ID_COLON_QUALIFIER"},
    {"cloudformation", "stack", "TYPE_ID_SLASH_QUALIFIER"},
    {"cloudformation", "stackset", "TYPE_ID_COLON_QUALIFIER"},
    {"s3", "accesspoint", "TYPE_ID_SLASH_QUALIFIER"},
  };

  /** IAM resource types whose ARNs carry an IAM path ({@code role/path/name}). */
  private static final String[] IAM_PATH_TYPES = {
    "user", "role", "group", "policy", "instance-profile", "server-certificate", "mfa"
  };

  private static final ResourceLayoutOracle[] SERVICE_LAYOUT = new ResourceLayoutOracle[BY_SERVICE.length];
  private static final ResourceLayoutOracle[] TYPE_LAYOUT = new ResourceLayoutOracle[BY_TYPE.length];

  static {
    for (int i = 0; i < BY_SERVICE.length; i++) {
      SERVICE_LAYOUT[i] = valueOf(BY_SERVICE[i][1]);
      requireCanonical(BY_SERVICE[i][0]);
    }
    for (int i = 0; i < BY_TYPE.length; i++) {
      TYPE_LAYOUT[i] = valueOf(BY_TYPE[i][2]);
      requireCanonical(BY_TYPE[i][0]);
      requireCanonical(BY_TYPE[i][1]);
    }
    for (String t : IAM_PATH_TYPES) {
      requireCanonical(t);
    }
    requireCanonical("s3");
  }

  /** The identity comparisons below need every name of the tables to be an ArnNames constant. */
  @SuppressWarnings("ReferenceEquality")
  private static void requireCanonical(String name) {
    if (ArnNames.canonical(name, 0, name.length()) != name) {
      throw new IllegalStateException("not an ArnNames constant: " + name);
    }
  }

  // The names in the tables are String literals, as are ArnNames' constants: both are interned, so
  // a canonical name from ArnNames.canonical is compared with == (no character comparison).

  /** The layout of a service given by its canonical name (or null when it has none). */
  @SuppressWarnings("ReferenceEquality")
  static ResourceLayoutOracle ofService(@org.jspecify.annotations.Nullable String service) {
    if (service != null) {
      for (int i = 0; i < BY_SERVICE.length; i++) {
        if (BY_SERVICE[i][0] == service) {
          return SERVICE_LAYOUT[i];
        }
      }
    }
    return GENERIC;
  }

  /** The override for a resource type {@code s[tFrom, tTo)} of a service, or null. */
  @SuppressWarnings("ReferenceEquality")
  private static @org.jspecify.annotations.Nullable ResourceLayoutOracle ofType(
      @org.jspecify.annotations.Nullable String service, String s, int tFrom, int tTo) {
    if (service == null) {
      return null;
    }
    String type = null;
    for (int i = 0; i < BY_TYPE.length; i++) {
      if (BY_TYPE[i][0] == service) {
        if (type == null) {
          type = ArnNames.canonical(s, tFrom, tTo);
          if (type == null) {
            return null;
          }
        }
        if (BY_TYPE[i][1] == type) {
          return TYPE_LAYOUT[i];
        }
      }
    }
    return null;
  }

  @SuppressWarnings("ReferenceEquality")
  private static boolean isIamPathType(String s, int from, int to) {
    String type = ArnNames.canonical(s, from, to);
    if (type != null) {
      for (String t : IAM_PATH_TYPES) {
        if (t == type) {
          return true;
        }
      }
    }
    return false;
  }

  private static int indexOf(String s, char c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  private static int lastIndexOf(String s, char c, int from, int to) {
    for (int i = to - 1; i >= from; i--) {
      if (s.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  private static int firstSeparator(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '/' || c == ':') {
        return i;
      }
    }
    return -1;
  }

  // Indices into the int[] that split() fills.
  static final int TYPE_START = 0;
  static final int TYPE_END = 1;
  static final int ID_START = 2;
  static final int ID_END = 3;
  static final int QUAL_START = 4;
  static final int QUAL_END = 5;
  static final int PATH_START = 6;
  static final int PATH_END = 7;
  static final int SPLIT_SIZE = 8;

  /**
   * Splits the resource {@code s[r, end)} of an ARN whose service is {@code s[sFrom, sTo)} and
   * whose region and account are empty when {@code global} is true. Fills {@code out} with start
   * and end indices ({@code -1} for an absent part).
   */
  @SuppressWarnings("ReferenceEquality")
  static void split(String s, int sFrom, int sTo, boolean global, int r, int end, int[] out) {
    for (int i = 0; i < SPLIT_SIZE; i++) {
      out[i] = -1;
    }
    String service = ArnNames.canonical(s, sFrom, sTo);
    ResourceLayoutOracle layout = ofService(service);
    if (layout == GENERIC && service == "s3" && global) {
      layout = S3_BUCKET;
    }
    int sep = firstSeparator(s, r, end);
    if (layout == GENERIC || layout == IAM_PATH) {
      // a type-specific override wins over the service's layout
      if (sep > r) {
        ResourceLayoutOracle byType = ofType(service, s, r, sep);
        if (byType != null) {
          layout = byType;
        }
      }
    }
    switch (layout) {
      case ID_ONLY:
      case S3_BUCKET:
        set(out, ID_START, r, end);
        return;
      case ID_COLON_QUALIFIER:
        idThenQualifier(s, r, end, ':', out);
        return;
      case ID_SLASH_QUALIFIER:
        idThenQualifier(s, r, end, '/', out);
        return;
      case LEADING_SLASH:
        if (end - r > 1 && s.charAt(r) == '/') {
          int slash = indexOf(s, '/', r + 1, end);
          if (slash < 0) {
            set(out, TYPE_START, r + 1, end);
            set(out, ID_START, end, end);
          } else {
            set(out, TYPE_START, r + 1, slash);
            idThenQualifier(s, slash + 1, end, '/', out);
          }
          return;
        }
        break;
      default:
        break;
    }
    if (sep <= r) { // no separator, or the resource starts with one: no type
      set(out, ID_START, r, end);
      return;
    }
    set(out, TYPE_START, r, sep);
    switch (layout) {
      case TYPE_ID_COLON_QUALIFIER:
        idThenQualifier(s, sep + 1, end, ':', out);
        return;
      case TYPE_ID_SLASH_QUALIFIER:
        idThenQualifier(s, sep + 1, end, '/', out);
        return;
      case IAM_PATH:
        if (s.charAt(sep) == '/' && isIamPathType(s, r, sep)) {
          int last = lastIndexOf(s, '/', sep, end);
          set(out, PATH_START, sep, last + 1);
          set(out, ID_START, last + 1, end);
          return;
        }
        set(out, ID_START, sep + 1, end);
        return;
      default:
        set(out, ID_START, sep + 1, end);
    }
  }

  private static void idThenQualifier(String s, int from, int end, char sep, int[] out) {
    int q = indexOf(s, sep, from, end);
    if (q < 0) {
      set(out, ID_START, from, end);
    } else {
      set(out, ID_START, from, q);
      set(out, QUAL_START, q + 1, end);
    }
  }

  private static void set(int[] out, int at, int from, int to) {
    out[at] = from;
    out[at + 1] = to;
  }
}
