package io.cloudir.model.elb;

import io.cloudir.model.internal.text.TextFields.Kind;

/**
 * The documented fields of Application, Network and Classic load balancer access logs (their
 * union; {@link LoadBalancerLogRecord#layout()} gives the fields of one line in order). Fields AWS
 * appends later are kept by position.
 *
 * <p>Immutable and thread-safe.
 */
public enum LoadBalancerField {
  /** {@code type}: The type of request or connection ({@code http}, {@code https}, {@code h2}, {@code grpcs}, {@code ws}, {@code wss}; {@code tls} for NLB). */
  TYPE("type", "type", Kind.CANONICAL),
  /** {@code version}: NLB: the version of the log entry format, such as {@code 2.0}. */
  VERSION("version", "version", Kind.CANONICAL),
  /** {@code time}: The time the load balancer generated the response (NLB: the end of the log window), ISO-8601. */
  TIME("time", "time", Kind.TIME_ISO),
  /** {@code elb}: The resource ID of the load balancer (it can contain slashes). */
  ELB("elb", "elb", Kind.CANONICAL),
  /** {@code listener}: NLB: the resource ID of the TLS listener. */
  LISTENER("listener", "listener", Kind.CANONICAL),
  /** {@code client:port}: The IP address and port of the client ({@code [ipv6]:port} for IPv6). */
  CLIENT("client:port", "client", Kind.IP_PORT),
  /** {@code target:port}: ALB: the IP address and port of the target, or {@code -}. */
  TARGET("target:port", "target", Kind.IP_PORT),
  /** {@code backend:port}: CLB: the IP address and port of the registered instance, or {@code -}. */
  BACKEND("backend:port", "backend", Kind.IP_PORT),
  /** {@code destination:port}: NLB: the IP address and port of the destination (the listener). */
  DESTINATION("destination:port", "destination", Kind.IP_PORT),
  /** {@code request_processing_time}: Seconds from receiving the request to sending it to a target; -1 when not dispatched. */
  REQUEST_PROCESSING_TIME("request_processing_time", "request_processing_time", Kind.DECIMAL),
  /** {@code target_processing_time}: ALB: seconds from sending the request to the target until its response headers; -1 when none. */
  TARGET_PROCESSING_TIME("target_processing_time", "target_processing_time", Kind.DECIMAL),
  /** {@code backend_processing_time}: CLB: seconds from sending the request to the instance until its response headers; -1 when none. */
  BACKEND_PROCESSING_TIME("backend_processing_time", "backend_processing_time", Kind.DECIMAL),
  /** {@code response_processing_time}: Seconds from receiving the response headers until sending the response to the client; -1 when none. */
  RESPONSE_PROCESSING_TIME("response_processing_time", "response_processing_time", Kind.DECIMAL),
  /** {@code elb_status_code}: The status code of the load balancer's response. */
  ELB_STATUS_CODE("elb_status_code", "elb_status_code", Kind.INT),
  /** {@code target_status_code}: ALB: the status code of the target's response, or {@code -}. */
  TARGET_STATUS_CODE("target_status_code", "target_status_code", Kind.INT),
  /** {@code backend_status_code}: CLB: the status code of the instance's response, or {@code -}. */
  BACKEND_STATUS_CODE("backend_status_code", "backend_status_code", Kind.INT),
  /** {@code connection_time}: NLB: milliseconds from the start to the end of the connection. */
  CONNECTION_TIME("connection_time", "connection_time", Kind.INT),
  /** {@code tls_handshake_time}: NLB: milliseconds the TLS handshake took, or {@code -}. */
  TLS_HANDSHAKE_TIME("tls_handshake_time", "tls_handshake_time", Kind.INT),
  /** {@code received_bytes}: Bytes received from the client. */
  RECEIVED_BYTES("received_bytes", "received_bytes", Kind.INT),
  /** {@code sent_bytes}: Bytes sent to the client. */
  SENT_BYTES("sent_bytes", "sent_bytes", Kind.INT),
  /** {@code incoming_tls_alert}: NLB: the TLS alert received from the client, or {@code -}. */
  INCOMING_TLS_ALERT("incoming_tls_alert", "incoming_tls_alert", Kind.CANONICAL),
  /** {@code request}: The request line ({@code METHOD protocol://host:port/uri HTTP/version}), quoted in the log. */
  REQUEST("request", "request", Kind.STRING),
  /** {@code user_agent}: The User-Agent of the client, quoted in the log. */
  USER_AGENT("user_agent", "user_agent", Kind.STRING),
  /** {@code ssl_cipher}: The TLS cipher of an HTTPS/SSL listener, or {@code -}. */
  SSL_CIPHER("ssl_cipher", "ssl_cipher", Kind.CANONICAL),
  /** {@code ssl_protocol}: The TLS protocol of an HTTPS/SSL listener, or {@code -}. */
  SSL_PROTOCOL("ssl_protocol", "ssl_protocol", Kind.CANONICAL),
  /** {@code target_group_arn}: ALB: the ARN of the target group, or {@code -}. */
  TARGET_GROUP_ARN("target_group_arn", "target_group_arn", Kind.CANONICAL),
  /** {@code trace_id}: ALB: the contents of the X-Amzn-Trace-Id header, quoted in the log. */
  TRACE_ID("trace_id", "trace_id", Kind.STRING),
  /** {@code domain_name}: The SNI domain of the TLS handshake, or {@code -}. */
  DOMAIN_NAME("domain_name", "domain_name", Kind.CANONICAL),
  /** {@code chosen_cert_arn}: The ARN of the certificate presented to the client ({@code session-reused} on resumption), or {@code -}. */
  CHOSEN_CERT_ARN("chosen_cert_arn", "chosen_cert_arn", Kind.CANONICAL),
  /** {@code chosen_cert_serial}: NLB: the serial number of the chosen certificate, or {@code -}. */
  CHOSEN_CERT_SERIAL("chosen_cert_serial", "chosen_cert_serial", Kind.STRING),
  /** {@code tls_cipher}: NLB: the cipher suite negotiated with the client. */
  TLS_CIPHER("tls_cipher", "tls_cipher", Kind.CANONICAL),
  /** {@code tls_protocol_version}: NLB: the TLS protocol negotiated with the client, such as {@code tlsv12}. */
  TLS_PROTOCOL_VERSION("tls_protocol_version", "tls_protocol_version", Kind.CANONICAL),
  /** {@code tls_named_group}: NLB: the TLS named group, or {@code -}. */
  TLS_NAMED_GROUP("tls_named_group", "tls_named_group", Kind.CANONICAL),
  /** {@code matched_rule_priority}: ALB: the priority of the matching rule (0 for the default action, -1 on a rule evaluation error), or {@code -}. */
  MATCHED_RULE_PRIORITY("matched_rule_priority", "matched_rule_priority", Kind.INT),
  /** {@code request_creation_time}: ALB: when the load balancer received the request, ISO-8601. */
  REQUEST_CREATION_TIME("request_creation_time", "request_creation_time", Kind.TIME_ISO),
  /** {@code actions_executed}: ALB: the comma-separated actions taken ({@code waf}, {@code authenticate}, {@code forward}, …), quoted in the log. */
  ACTIONS_EXECUTED("actions_executed", "actions_executed", Kind.CANONICAL),
  /** {@code redirect_url}: ALB: the redirect target of a redirect action, or {@code -}. */
  REDIRECT_URL("redirect_url", "redirect_url", Kind.STRING),
  /** {@code error_reason}: ALB: the error reason code (Lambda and authentication errors), or {@code -}. */
  ERROR_REASON("error_reason", "error_reason", Kind.CANONICAL),
  /** {@code target:port_list}: ALB: the space-delimited list of the targets' {@code ip:port} that processed the request. */
  TARGET_PORT_LIST("target:port_list", "target_port_list", Kind.STRING),
  /** {@code target_status_code_list}: ALB: the space-delimited list of the targets' status codes. */
  TARGET_STATUS_CODE_LIST("target_status_code_list", "target_status_code_list", Kind.STRING),
  /** {@code classification}: ALB: the desync mitigation classification ({@code Acceptable}, {@code Ambiguous}, {@code Severe}), or {@code -}. */
  CLASSIFICATION("classification", "classification", Kind.CANONICAL),
  /** {@code classification_reason}: ALB: the classification reason code, or {@code -}. */
  CLASSIFICATION_REASON("classification_reason", "classification_reason", Kind.CANONICAL),
  /** {@code conn_trace_id}: ALB: the connection traceability ID ({@code TID_…}). */
  CONN_TRACE_ID("conn_trace_id", "conn_trace_id", Kind.STRING),
  /** {@code transformed_host}: ALB: the host header after a transform rule, or {@code -}. */
  TRANSFORMED_HOST("transformed_host", "transformed_host", Kind.STRING),
  /** {@code transformed_uri}: ALB: the URI after a transform rule, or {@code -}. */
  TRANSFORMED_URI("transformed_uri", "transformed_uri", Kind.STRING),
  /** {@code request_transform_status}: ALB: the status of the transform rule, or {@code -}. */
  REQUEST_TRANSFORM_STATUS("request_transform_status", "request_transform_status", Kind.CANONICAL),
  /** {@code alpn_fe_protocol}: NLB: the application protocol negotiated with the client, or {@code -}. */
  ALPN_FE_PROTOCOL("alpn_fe_protocol", "alpn_fe_protocol", Kind.CANONICAL),
  /** {@code alpn_be_protocol}: NLB: the application protocol negotiated with the target, or {@code -}. */
  ALPN_BE_PROTOCOL("alpn_be_protocol", "alpn_be_protocol", Kind.CANONICAL),
  /** {@code alpn_client_preference_list}: NLB: the client's ALPN preference list as written ({@code "h2","http/1.1"}), or {@code -}. */
  ALPN_CLIENT_PREFERENCE_LIST("alpn_client_preference_list", "alpn_client_preference_list", Kind.CANONICAL),
  /** {@code tls_connection_creation_time}: NLB: the time the TLS connection was created, ISO-8601. */
  TLS_CONNECTION_CREATION_TIME("tls_connection_creation_time", "tls_connection_creation_time", Kind.TIME_ISO);

  private final String documentedName;
  private final String jsonName;
  private final Kind kind;

  LoadBalancerField(String documentedName, String jsonName, Kind kind) {
    this.documentedName = documentedName;
    this.jsonName = jsonName;
    this.kind = kind;
  }

  /** The name in the AWS documentation, such as {@code client:port}. */
  public String documentedName() {
    return documentedName;
  }

  /**
   * The key in {@code cloudir parse} JSON; for {@code ip:port} fields the prefix of the two keys
   * {@code <name>_ip} and {@code <name>_port}.
   */
  public String jsonName() {
    return jsonName;
  }

  /** Whether this is an {@code ip:port} field. */
  public boolean isAddressAndPort() {
    return kind == Kind.IP_PORT;
  }

  Kind kind() {
    return kind;
  }
}
