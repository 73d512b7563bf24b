package io.cloudir.model.cloudtrail;

/**
 * The documented top-level fields of a CloudTrail event, with their JSON names. Used by the
 * zero-copy accessors of {@link CloudTrailView}. Fields AWS adds later are reachable through
 * {@link CloudTrailView#unknownFields()}.
 */
public enum CloudTrailField {
  /** {@code eventVersion}. */
  EVENT_VERSION("eventVersion"),
  /** {@code userIdentity}. */
  USER_IDENTITY("userIdentity"),
  /** {@code eventTime}. */
  EVENT_TIME("eventTime"),
  /** {@code eventSource}. */
  EVENT_SOURCE("eventSource"),
  /** {@code eventName}. */
  EVENT_NAME("eventName"),
  /** {@code awsRegion}. */
  AWS_REGION("awsRegion"),
  /** {@code sourceIPAddress}. */
  SOURCE_IP_ADDRESS("sourceIPAddress"),
  /** {@code userAgent}. */
  USER_AGENT("userAgent"),
  /** {@code errorCode}. */
  ERROR_CODE("errorCode"),
  /** {@code errorMessage}. */
  ERROR_MESSAGE("errorMessage"),
  /** {@code requestParameters}. */
  REQUEST_PARAMETERS("requestParameters"),
  /** {@code responseElements}. */
  RESPONSE_ELEMENTS("responseElements"),
  /** {@code additionalEventData}. */
  ADDITIONAL_EVENT_DATA("additionalEventData"),
  /** {@code requestID}. */
  REQUEST_ID("requestID"),
  /** {@code eventID}. */
  EVENT_ID("eventID"),
  /** {@code readOnly}. */
  READ_ONLY("readOnly"),
  /** {@code resources}. */
  RESOURCES("resources"),
  /** {@code eventType}. */
  EVENT_TYPE("eventType"),
  /** {@code apiVersion}. */
  API_VERSION("apiVersion"),
  /** {@code managementEvent}. */
  MANAGEMENT_EVENT("managementEvent"),
  /** {@code recipientAccountId}. */
  RECIPIENT_ACCOUNT_ID("recipientAccountId"),
  /** {@code serviceEventDetails}. */
  SERVICE_EVENT_DETAILS("serviceEventDetails"),
  /** {@code sharedEventID}. */
  SHARED_EVENT_ID("sharedEventID"),
  /** {@code vpcEndpointId}. */
  VPC_ENDPOINT_ID("vpcEndpointId"),
  /** {@code vpcEndpointAccountId}. */
  VPC_ENDPOINT_ACCOUNT_ID("vpcEndpointAccountId"),
  /** {@code eventCategory}. */
  EVENT_CATEGORY("eventCategory"),
  /** {@code addendum}. */
  ADDENDUM("addendum"),
  /** {@code sessionCredentialFromConsole}. */
  SESSION_CREDENTIAL_FROM_CONSOLE("sessionCredentialFromConsole"),
  /** {@code edgeDeviceDetails}. */
  EDGE_DEVICE_DETAILS("edgeDeviceDetails"),
  /** {@code tlsDetails}. */
  TLS_DETAILS("tlsDetails"),
  /** {@code insightDetails}. */
  INSIGHT_DETAILS("insightDetails");

  private final String jsonName;

  CloudTrailField(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The member name in the event's JSON. */
  public String jsonName() {
    return jsonName;
  }
}
