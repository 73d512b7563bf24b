package io.cloudir.parsers.internal;

import io.cloudir.model.SourceType;
import io.cloudir.model.internal.vpcflow.FlowLogAccess;
import io.cloudir.model.vpcflow.FlowLogFormat;
import io.cloudir.parsers.ReadLimits;
import org.jspecify.annotations.Nullable;

/**
 * VPC flow logs: detected from a header line naming flow log fields, or from a first line shaped
 * like the default version 2 layout (14 fields: a version number, an {@code eni-} interface, a
 * log status last); also inside CloudWatch Logs envelopes. Option {@code vpcflow.format} gives
 * the field order of files without a header (a format string {@code ${a} ${b}} or a header line).
 *
 * <p>Immutable and thread-safe.
 */
public final class VpcFlowFormat implements FormatSupport {
  /** The reader option naming the field order of flow logs without a header line. */
  public static final String OPTION_FORMAT = "vpcflow.format";

  @Override
  public SourceType type() {
    return SourceType.VPC_FLOW;
  }

  @Override
  public int detect(byte[] head, int len) {
    boolean[] env = new boolean[1];
    byte[] line = FirstLine.of(head, len, env);
    if (line == null || line.length == 0) {
      return 0;
    }
    FlowLogFormat h = FlowLogAccess.get().header(line, 0, line.length);
    if (h != null && (h.size() >= 2 || !h.hasUnknownFields())) {
      return env[0] ? 80 : 95;
    }
    return looksLikeDefault(FirstLine.tokens(line)) ? (env[0] ? 75 : 85) : 0;
  }

  /** 14 fields: version digits, account, {@code eni-…} or {@code -}, …, a log status last. */
  static boolean looksLikeDefault(String[] t) {
    if (t.length != 14 || t[0].isEmpty() || !t[0].chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    if (!t[2].startsWith("eni-") && !t[2].equals("-")) {
      return false;
    }
    String st = t[13];
    return st.equals("OK") || st.equals("NODATA") || st.equals("SKIPDATA");
  }

  /**
   * The format of option {@code vpcflow.format}, or null when not given.
   *
   * @throws IllegalArgumentException when the option is not a flow log format
   */
  static @Nullable FlowLogFormat formatOption(ReaderOptions options) {
    String f = options.get(OPTION_FORMAT);
    if (f == null) {
      return null;
    }
    try {
      return FlowLogFormat.parse(f);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("option " + OPTION_FORMAT + ": " + e.getMessage(), e);
    }
  }

  @Override
  public RecordEngine open(ByteSource in, String sourceName, ReadLimits limits, boolean shared,
      ReaderOptions options) {
    return new LineEngine(in, sourceName, limits, shared, new FlowLogLineParser(formatOption(options), shared));
  }
}
