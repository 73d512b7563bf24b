package io.cloudir.model.vpcflow;

import io.cloudir.model.internal.json.ByteNames;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Every field AWS documents for VPC flow logs and Transit Gateway flow logs, with its name as
 * written in format strings and header lines, the flow log version that introduced it, and how
 * {@code cloudir parse} writes it (a JSON number or a JSON string; {@code -} is always {@code null}).
 *
 * <p>Field names AWS adds after this list are not lost: {@link FlowLogFormat} keeps unknown names
 * and {@link FlowLogRecord#text(String)} reads their values.
 *
 * <p>Immutable and thread-safe.
 */
public enum FlowLogField {
  /** {@code version}: the flow log version (the highest version among the format's fields). */
  VERSION("version", 2, Kind.NUMBER),
  /** {@code account-id}: the account that owns the network interface ({@code unknown} for some AWS-owned ones). */
  ACCOUNT_ID("account-id", 2, Kind.STRING),
  /** {@code interface-id}: the network interface. */
  INTERFACE_ID("interface-id", 2, Kind.STRING),
  /** {@code srcaddr}: source address (IPv4 or IPv6). */
  SRCADDR("srcaddr", 2, Kind.ADDRESS),
  /** {@code dstaddr}: destination address. */
  DSTADDR("dstaddr", 2, Kind.ADDRESS),
  /** {@code srcport}: source port. */
  SRCPORT("srcport", 2, Kind.NUMBER),
  /** {@code dstport}: destination port. */
  DSTPORT("dstport", 2, Kind.NUMBER),
  /** {@code protocol}: the IANA protocol number. */
  PROTOCOL("protocol", 2, Kind.NUMBER),
  /** {@code packets}: packets transferred during the window. */
  PACKETS("packets", 2, Kind.NUMBER),
  /** {@code bytes}: bytes transferred during the window. */
  BYTES("bytes", 2, Kind.NUMBER),
  /** {@code start}: first packet of the window, Unix seconds. */
  START("start", 2, Kind.NUMBER),
  /** {@code end}: last packet of the window, Unix seconds. */
  END("end", 2, Kind.NUMBER),
  /** {@code action}: {@code ACCEPT} or {@code REJECT}. */
  ACTION("action", 2, Kind.STRING),
  /** {@code log-status}: {@code OK}, {@code NODATA} or {@code SKIPDATA}. */
  LOG_STATUS("log-status", 2, Kind.STRING),
  /** {@code vpc-id}. */
  VPC_ID("vpc-id", 3, Kind.STRING),
  /** {@code subnet-id}. */
  SUBNET_ID("subnet-id", 3, Kind.STRING),
  /** {@code instance-id}: the instance of the network interface, when the owner is the account. */
  INSTANCE_ID("instance-id", 3, Kind.STRING),
  /** {@code tcp-flags}: the OR of the TCP flags seen during the window. */
  TCP_FLAGS("tcp-flags", 3, Kind.NUMBER),
  /** {@code type}: {@code IPv4}, {@code IPv6} or {@code EFA}. */
  TYPE("type", 3, Kind.STRING),
  /** {@code pkt-srcaddr}: the packet-level (original) source address. */
  PKT_SRCADDR("pkt-srcaddr", 3, Kind.ADDRESS),
  /** {@code pkt-dstaddr}: the packet-level (original) destination address. */
  PKT_DSTADDR("pkt-dstaddr", 3, Kind.ADDRESS),
  /** {@code region}. */
  REGION("region", 4, Kind.STRING),
  /** {@code az-id}: the Availability Zone id. */
  AZ_ID("az-id", 4, Kind.STRING),
  /** {@code sublocation-type}: {@code wavelength}, {@code outpost} or {@code localzone}. */
  SUBLOCATION_TYPE("sublocation-type", 4, Kind.STRING),
  /** {@code sublocation-id}. */
  SUBLOCATION_ID("sublocation-id", 4, Kind.STRING),
  /** {@code pkt-src-aws-service}: the AWS service (ip-ranges name) of pkt-srcaddr. */
  PKT_SRC_AWS_SERVICE("pkt-src-aws-service", 5, Kind.STRING),
  /** {@code pkt-dst-aws-service}: the AWS service (ip-ranges name) of pkt-dstaddr. */
  PKT_DST_AWS_SERVICE("pkt-dst-aws-service", 5, Kind.STRING),
  /** {@code flow-direction}: {@code ingress} or {@code egress}. */
  FLOW_DIRECTION("flow-direction", 5, Kind.STRING),
  /** {@code traffic-path}: the numeric code of the path egress traffic took. */
  TRAFFIC_PATH("traffic-path", 5, Kind.NUMBER),
  /** {@code resource-type} (Transit Gateway flow logs): {@code TransitGateway}. */
  RESOURCE_TYPE("resource-type", 6, Kind.STRING),
  /** {@code tgw-id}. */
  TGW_ID("tgw-id", 6, Kind.STRING),
  /** {@code tgw-attachment-id}. */
  TGW_ATTACHMENT_ID("tgw-attachment-id", 6, Kind.STRING),
  /** {@code tgw-src-vpc-account-id}. */
  TGW_SRC_VPC_ACCOUNT_ID("tgw-src-vpc-account-id", 6, Kind.STRING),
  /** {@code tgw-dst-vpc-account-id}. */
  TGW_DST_VPC_ACCOUNT_ID("tgw-dst-vpc-account-id", 6, Kind.STRING),
  /** {@code tgw-src-vpc-id}. */
  TGW_SRC_VPC_ID("tgw-src-vpc-id", 6, Kind.STRING),
  /** {@code tgw-dst-vpc-id}. */
  TGW_DST_VPC_ID("tgw-dst-vpc-id", 6, Kind.STRING),
  /** {@code tgw-src-subnet-id}. */
  TGW_SRC_SUBNET_ID("tgw-src-subnet-id", 6, Kind.STRING),
  /** {@code tgw-dst-subnet-id}. */
  TGW_DST_SUBNET_ID("tgw-dst-subnet-id", 6, Kind.STRING),
  /** {@code tgw-src-eni}. */
  TGW_SRC_ENI("tgw-src-eni", 6, Kind.STRING),
  /** {@code tgw-dst-eni}. */
  TGW_DST_ENI("tgw-dst-eni", 6, Kind.STRING),
  /** {@code tgw-src-az-id}. */
  TGW_SRC_AZ_ID("tgw-src-az-id", 6, Kind.STRING),
  /** {@code tgw-dst-az-id}. */
  TGW_DST_AZ_ID("tgw-dst-az-id", 6, Kind.STRING),
  /** {@code tgw-pair-attachment-id}. */
  TGW_PAIR_ATTACHMENT_ID("tgw-pair-attachment-id", 6, Kind.STRING),
  /** {@code packets-lost-no-route}: a counter. */
  PACKETS_LOST_NO_ROUTE("packets-lost-no-route", 6, Kind.NUMBER),
  /** {@code packets-lost-blackhole}: a counter. */
  PACKETS_LOST_BLACKHOLE("packets-lost-blackhole", 6, Kind.NUMBER),
  /** {@code packets-lost-mtu-exceeded}: a counter. */
  PACKETS_LOST_MTU_EXCEEDED("packets-lost-mtu-exceeded", 6, Kind.NUMBER),
  /** {@code packets-lost-ttl-expired}: a counter. */
  PACKETS_LOST_TTL_EXPIRED("packets-lost-ttl-expired", 6, Kind.NUMBER),
  /** {@code ecs-cluster-arn}. */
  ECS_CLUSTER_ARN("ecs-cluster-arn", 7, Kind.STRING),
  /** {@code ecs-cluster-name}. */
  ECS_CLUSTER_NAME("ecs-cluster-name", 7, Kind.STRING),
  /** {@code ecs-container-instance-arn}. */
  ECS_CONTAINER_INSTANCE_ARN("ecs-container-instance-arn", 7, Kind.STRING),
  /** {@code ecs-container-instance-id}. */
  ECS_CONTAINER_INSTANCE_ID("ecs-container-instance-id", 7, Kind.STRING),
  /** {@code ecs-container-id}. */
  ECS_CONTAINER_ID("ecs-container-id", 7, Kind.STRING),
  /** {@code ecs-second-container-id}. */
  ECS_SECOND_CONTAINER_ID("ecs-second-container-id", 7, Kind.STRING),
  /** {@code ecs-service-name}. */
  ECS_SERVICE_NAME("ecs-service-name", 7, Kind.STRING),
  /** {@code ecs-task-definition-arn}. */
  ECS_TASK_DEFINITION_ARN("ecs-task-definition-arn", 7, Kind.STRING),
  /** {@code ecs-task-arn}. */
  ECS_TASK_ARN("ecs-task-arn", 7, Kind.STRING),
  /** {@code ecs-task-id}. */
  ECS_TASK_ID("ecs-task-id", 7, Kind.STRING),
  /** {@code reject-reason}: why traffic was rejected ({@code BPA}: VPC Block Public Access). */
  REJECT_REASON("reject-reason", 8, Kind.STRING),
  /** {@code resource-id}: the resource (for example a regional NAT gateway) of the flow. */
  RESOURCE_ID("resource-id", 9, Kind.STRING),
  /**
   * {@code encryption-status}: a numeric code (0 clear text, 1 Nitro-encrypted, 2 application
   * TLS, 3 both). Written as a JSON string by {@code cloudir parse}, whose contract lists the
   * numeric fields explicitly; {@link FlowLogRecord#encryptionStatus()} gives the number.
   */
  ENCRYPTION_STATUS("encryption-status", 10, Kind.STRING);

  /** How a field's values look. */
  public enum Kind {
    /** Decimal digits; a JSON number. */
    NUMBER,
    /** An IPv4 or IPv6 address; a JSON string. */
    ADDRESS,
    /** Any other text; a JSON string. */
    STRING
  }

  private static final FlowLogField[] VALUES = values();
  private static final Map<String, FlowLogField> BY_NAME = new HashMap<>();
  private static final ByteNames NAMES;

  static {
    String[] n = new String[VALUES.length];
    for (FlowLogField f : VALUES) {
      BY_NAME.put(f.awsName, f);
      n[f.ordinal()] = f.awsName;
    }
    NAMES = new ByteNames(n);
  }

  private final String awsName;
  private final int sinceVersion;
  private final Kind kind;

  FlowLogField(String awsName, int sinceVersion, Kind kind) {
    this.awsName = awsName;
    this.sinceVersion = sinceVersion;
    this.kind = kind;
  }

  /** The name as in format strings and header lines, e.g. {@code pkt-srcaddr}. */
  public String awsName() {
    return awsName;
  }

  /** The flow log version that introduced the field. */
  public int sinceVersion() {
    return sinceVersion;
  }

  /** How the field's values look. */
  public Kind kind() {
    return kind;
  }

  /** Whether {@code cloudir parse} writes the field as a JSON number. */
  public boolean isJsonNumber() {
    return kind == Kind.NUMBER;
  }

  /** The field with this AWS name, or null. */
  public static @Nullable FlowLogField ofName(String awsName) {
    return BY_NAME.get(awsName);
  }

  /** The field whose AWS name is the ASCII bytes {@code [s, e)}, or null. No allocation. */
  static @Nullable FlowLogField ofName(byte[] b, int s, int e) {
    int i = NAMES.lookup(b, s, e);
    return i < 0 ? null : VALUES[i];
  }

  /** The field of that ordinal. */
  static FlowLogField byOrdinal(int ordinal) {
    return VALUES[ordinal];
  }

  /** How many fields this version knows. */
  static int count() {
    return VALUES.length;
  }
}
