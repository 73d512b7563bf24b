package io.cloudir.model.vpcflow;

import org.jspecify.annotations.Nullable;

/**
 * An IP protocol number (the {@code protocol} field of flow logs) with its IANA keyword: 6 is
 * {@code TCP}, 17 {@code UDP}, 1 {@code ICMP}, 58 {@code IPv6-ICMP}. Numbers 0 to 255 are valid;
 * numbers without a keyword (unassigned, experimental, or "any ..." entries of the registry) are
 * kept and {@link #keyword()} is null for them.
 *
 * <p>Immutable and thread-safe; value semantics; every value is a shared instance.
 */
public final class IpProtocol {
  private static final @Nullable String[] KEYWORDS = {
    "HOPOPT", "ICMP", "IGMP", "GGP", "IPv4", "ST", "TCP", "CBT", "EGP", "IGP", "BBN-RCC-MON",
    "NVP-II", "PUP", "ARGUS", "EMCON", "XNET", "CHAOS", "UDP", "MUX", "DCN-MEAS", "HMP", "PRM",
    "XNS-IDP", "TRUNK-1", "TRUNK-2", "LEAF-1", "LEAF-2", "RDP", "IRTP", "ISO-TP4", "NETBLT",
    "MFE-NSP", "MERIT-INP", "DCCP", "3PC", "IDPR", "XTP", "DDP", "IDPR-CMTP", "TP++", "IL", "IPv6",
    "SDRP", "IPv6-Route", "IPv6-Frag", "IDRP", "RSVP", "GRE", "DSR", "BNA", "ESP", "AH", "I-NLSP",
    "SWIPE", "NARP", "Min-IPv4", "TLSP", "SKIP", "IPv6-ICMP", "IPv6-NoNxt", "IPv6-Opts", null,
    "CFTP", null, "SAT-EXPAK", "KRYPTOLAN", "RVD", "IPPC", null, "SAT-MON", "VISA", "IPCV", "CPNX",
    "CPHB", "WSN", "PVP", "BR-SAT-MON", "SUN-ND", "WB-MON", "WB-EXPAK", "ISO-IP", "VMTP",
    "SECURE-VMTP", "VINES", "TTP", "NSFNET-IGP", "DGP", "TCF", "EIGRP", "OSPFIGP", "Sprite-RPC",
    "LARP", "MTP", "AX.25", "IPIP", "MICP", "SCC-SP", "ETHERIP", "ENCAP", null, "GMTP", "IFMP",
    "PNNI", "PIM", "ARIS", "SCPS", "QNX", "A/N", "IPComp", "SNP", "Compaq-Peer", "IPX-in-IP",
    "VRRP", "PGM", null, "L2TP", "DDX", "IATP", "STP", "SRP", "UTI", "SMP", "SM", "PTP",
    "ISIS over IPv4", "FIRE", "CRTP", "CRUDP", "SSCOPMCE", "IPLT", "SPS", "PIPE", "SCTP", "FC",
    "RSVP-E2E-IGNORE", "Mobility Header", "UDPLite", "MPLS-in-IP", "manet", "HIP", "Shim6", "WESP",
    "ROHC", "Ethernet", "AGGFRAG", "NSH",
  };
  private static final IpProtocol[] ALL = new IpProtocol[256];

  static {
    for (int i = 0; i < ALL.length; i++) {
      ALL[i] = new IpProtocol(i);
    }
  }

  /** 1: ICMP. */
  public static final IpProtocol ICMP = ALL[1];
  /** 6: TCP. */
  public static final IpProtocol TCP = ALL[6];
  /** 17: UDP. */
  public static final IpProtocol UDP = ALL[17];
  /** 41: IPv6 encapsulation. */
  public static final IpProtocol IPV6 = ALL[41];
  /** 47: GRE. */
  public static final IpProtocol GRE = ALL[47];
  /** 50: ESP. */
  public static final IpProtocol ESP = ALL[50];
  /** 51: AH. */
  public static final IpProtocol AH = ALL[51];
  /** 58: ICMP for IPv6. */
  public static final IpProtocol ICMPV6 = ALL[58];
  /** 132: SCTP. */
  public static final IpProtocol SCTP = ALL[132];

  private final int number;

  private IpProtocol(int number) {
    this.number = number;
  }

  /**
   * The protocol with this number.
   *
   * @throws IllegalArgumentException outside 0 to 255
   */
  public static IpProtocol of(int number) {
    if (number < 0 || number > 255) {
      throw new IllegalArgumentException("IP protocol numbers are 0 to 255, not " + number);
    }
    return ALL[number];
  }

  /** The protocol with this IANA keyword (case-insensitive), or null. */
  public static @Nullable IpProtocol ofKeyword(String keyword) {
    for (int i = 0; i < KEYWORDS.length; i++) {
      String k = KEYWORDS[i];
      if (k != null && k.equalsIgnoreCase(keyword)) {
        return ALL[i];
      }
    }
    return null;
  }

  /** The protocol number. */
  public int number() {
    return number;
  }

  /** The IANA keyword ({@code TCP}, {@code UDP}…), or null when the registry has none. */
  public @Nullable String keyword() {
    return number < KEYWORDS.length ? KEYWORDS[number] : null;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof IpProtocol p && p.number == number;
  }

  @Override
  public int hashCode() {
    return number;
  }

  /** The keyword, or the number when there is none. */
  @Override
  public String toString() {
    String k = keyword();
    return k != null ? k : Integer.toString(number);
  }
}
