package io.cloudir.model.route53;

/**
 * The documented fields of a Route 53 Resolver query log record, for the zero-copy accessors of
 * {@link ResolverQueryLogRecord}: the top-level fields, then the fields of {@code srcids} (whose
 * {@link #jsonName()} is the name inside that object).
 *
 * <p>Immutable and thread-safe.
 */
public enum ResolverField {
  /** {@code version}, e.g. {@code 1.100000}. */
  VERSION("version"),
  /** {@code account_id}. */
  ACCOUNT_ID("account_id"),
  /** {@code region}. */
  REGION("region"),
  /** {@code vpc_id}. */
  VPC_ID("vpc_id"),
  /** {@code query_timestamp}: ISO-8601 UTC. */
  QUERY_TIMESTAMP("query_timestamp"),
  /** {@code query_name}. */
  QUERY_NAME("query_name"),
  /** {@code query_type}. */
  QUERY_TYPE("query_type"),
  /** {@code query_class}. */
  QUERY_CLASS("query_class"),
  /** {@code rcode}. */
  RCODE("rcode"),
  /** {@code answers}. */
  ANSWERS("answers"),
  /** {@code srcaddr}. */
  SRCADDR("srcaddr"),
  /** {@code srcport} (AWS writes it as a string). */
  SRCPORT("srcport"),
  /** {@code transport}. */
  TRANSPORT("transport"),
  /** {@code srcids}. */
  SRCIDS("srcids"),
  /** {@code firewall_rule_action}. */
  FIREWALL_RULE_ACTION("firewall_rule_action"),
  /** {@code firewall_rule_group_id}. */
  FIREWALL_RULE_GROUP_ID("firewall_rule_group_id"),
  /** {@code firewall_domain_list_id}. */
  FIREWALL_DOMAIN_LIST_ID("firewall_domain_list_id"),
  /** {@code srcids.instance}. */
  INSTANCE("instance"),
  /** {@code srcids.resolver_endpoint}. */
  RESOLVER_ENDPOINT("resolver_endpoint"),
  /** {@code srcids.resolver_network_interface}. */
  RESOLVER_NETWORK_INTERFACE("resolver_network_interface");

  static final int FIRST_SRCIDS = 17;

  private final String jsonName;

  ResolverField(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The name in the JSON (inside {@code srcids} for its fields). */
  public String jsonName() {
    return jsonName;
  }

  /** Whether this is a field of {@code srcids}. */
  public boolean inSrcids() {
    return ordinal() >= FIRST_SRCIDS;
  }

  /** The dotted path: {@code srcids.instance} or {@code query_name}. */
  public String path() {
    return inSrcids() ? "srcids." + jsonName : jsonName;
  }
}
