package io.cloudir.parsers.internal;

import io.cloudir.model.SourceType;
import io.cloudir.model.internal.json.JsonRecordFactories;
import io.cloudir.parsers.ReadLimits;

/**
 * AWS WAF logs: JSON records (lines, pretty-printed, concatenated, arrays, CloudWatch Logs
 * envelopes) recognised by the members of their first record ({@code webaclId} with {@code
 * httpRequest} or {@code terminatingRuleId}).
 *
 * <p>Immutable and thread-safe.
 */
final class WafFormat implements FormatSupport {
  @Override
  public SourceType type() {
    return SourceType.WAF;
  }

  @Override
  public int detect(byte[] head, int len) {
    return JsonHead.score(head, len, "webaclId", "httpRequest", "terminatingRuleId");
  }

  @Override
  public RecordEngine open(ByteSource in, String sourceName, ReadLimits limits, boolean shared,
      ReaderOptions options) {
    return new JsonRecordEngine(in, sourceName, limits, shared, JsonRecordFactories.waf(), 1 << 20);
  }

  /** Reads an in-memory source in place: no block copies. */
  @Override
  public RecordEngine openInPlace(byte[] data, String sourceName, ReadLimits limits, boolean shared,
      ReaderOptions options) {
    return JsonRecordEngine.inPlace(data, sourceName, limits, shared, JsonRecordFactories.waf());
  }
}
