package io.cloudir.model.waf;

/**
 * The documented fields of an AWS WAF log record, for the zero-copy accessors of {@link
 * WafLogRecord}: the top-level fields, then the fields of {@code httpRequest} (whose {@link
 * #jsonName()} is the name inside that object).
 *
 * <p>Immutable and thread-safe.
 */
public enum WafField {
  /** {@code timestamp}: epoch milliseconds. */
  TIMESTAMP("timestamp"),
  /** {@code formatVersion}. */
  FORMAT_VERSION("formatVersion"),
  /** {@code webaclId}: the web ACL ARN (a bare id for WAF Classic). */
  WEBACL_ID("webaclId"),
  /** {@code terminatingRuleId}. */
  TERMINATING_RULE_ID("terminatingRuleId"),
  /** {@code terminatingRuleType}: REGULAR, RATE_BASED, GROUP, MANAGED_RULE_GROUP. */
  TERMINATING_RULE_TYPE("terminatingRuleType"),
  /** {@code action}. */
  ACTION("action"),
  /** {@code terminatingRuleMatchDetails}. */
  TERMINATING_RULE_MATCH_DETAILS("terminatingRuleMatchDetails"),
  /** {@code httpSourceName}: CF, ALB, APIGW, APPSYNC, COGNITOIDP, APPRUNNER, VERIFIED_ACCESS… */
  HTTP_SOURCE_NAME("httpSourceName"),
  /** {@code httpSourceId}. */
  HTTP_SOURCE_ID("httpSourceId"),
  /** {@code ruleGroupList}. */
  RULE_GROUP_LIST("ruleGroupList"),
  /** {@code rateBasedRuleList}. */
  RATE_BASED_RULE_LIST("rateBasedRuleList"),
  /** {@code nonTerminatingMatchingRules}. */
  NON_TERMINATING_MATCHING_RULES("nonTerminatingMatchingRules"),
  /** {@code requestHeadersInserted}. */
  REQUEST_HEADERS_INSERTED("requestHeadersInserted"),
  /** {@code responseCodeSent}. */
  RESPONSE_CODE_SENT("responseCodeSent"),
  /** {@code httpRequest}. */
  HTTP_REQUEST("httpRequest"),
  /** {@code labels}. */
  LABELS("labels"),
  /** {@code captchaResponse}. */
  CAPTCHA_RESPONSE("captchaResponse"),
  /** {@code challengeResponse}. */
  CHALLENGE_RESPONSE("challengeResponse"),
  /** {@code ja3Fingerprint}. */
  JA3_FINGERPRINT("ja3Fingerprint"),
  /** {@code ja4Fingerprint}. */
  JA4_FINGERPRINT("ja4Fingerprint"),
  /** {@code oversizeFields}. */
  OVERSIZE_FIELDS("oversizeFields"),
  /** {@code requestBodySize}. */
  REQUEST_BODY_SIZE("requestBodySize"),
  /** {@code requestBodySizeInspectedByWAF}. */
  REQUEST_BODY_SIZE_INSPECTED_BY_WAF("requestBodySizeInspectedByWAF"),
  /** {@code cfDistributionTenantId}. */
  CF_DISTRIBUTION_TENANT_ID("cfDistributionTenantId"),
  /** {@code clientAsn}. */
  CLIENT_ASN("clientAsn"),
  /** {@code forwardedAsn}. */
  FORWARDED_ASN("forwardedAsn"),
  /** {@code httpRequest.clientIp}. */
  CLIENT_IP("clientIp"),
  /** {@code httpRequest.country}. */
  COUNTRY("country"),
  /** {@code httpRequest.headers}. */
  HEADERS("headers"),
  /** {@code httpRequest.uri}. */
  URI("uri"),
  /** {@code httpRequest.args}. */
  ARGS("args"),
  /** {@code httpRequest.httpVersion}. */
  HTTP_VERSION("httpVersion"),
  /** {@code httpRequest.httpMethod}. */
  HTTP_METHOD("httpMethod"),
  /** {@code httpRequest.requestId}. */
  REQUEST_ID("requestId"),
  /** {@code httpRequest.fragment}. */
  FRAGMENT("fragment"),
  /** {@code httpRequest.scheme}. */
  SCHEME("scheme"),
  /** {@code httpRequest.host}. */
  HOST("host");

  static final int FIRST_HTTP = 26;

  private final String jsonName;

  WafField(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The name in the JSON (inside {@code httpRequest} for its fields). */
  public String jsonName() {
    return jsonName;
  }

  /** Whether this is a field of {@code httpRequest}. */
  public boolean inHttpRequest() {
    return ordinal() >= FIRST_HTTP;
  }

  /** The dotted path: {@code httpRequest.clientIp} or {@code action}. */
  public String path() {
    return inHttpRequest() ? "httpRequest." + jsonName : jsonName;
  }
}
