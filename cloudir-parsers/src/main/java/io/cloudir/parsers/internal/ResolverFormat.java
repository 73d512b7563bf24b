package io.cloudir.parsers.internal;

import io.cloudir.model.SourceType;
import io.cloudir.model.internal.json.JsonRecordFactories;
import io.cloudir.parsers.ReadLimits;

/**
 * Route 53 Resolver query logs: JSON records (lines, pretty-printed, concatenated, arrays,
 * CloudWatch Logs envelopes) recognised by the members of their first record ({@code query_name}
 * with {@code srcaddr}, {@code srcids} or {@code vpc_id}).
 *
 * <p>Immutable and thread-safe.
 */
final class ResolverFormat implements FormatSupport {
  @Override
  public SourceType type() {
    return SourceType.ROUTE53_RESOLVER;
  }

  @Override
  public int detect(byte[] head, int len) {
    return JsonHead.score(head, len, "query_name", "srcaddr", "srcids", "vpc_id");
  }

  @Override
  public RecordEngine open(ByteSource in, String sourceName, ReadLimits limits, boolean shared,
      ReaderOptions options) {
    return new JsonRecordEngine(in, sourceName, limits, shared, JsonRecordFactories.resolver(), 1 << 20);
  }

  /** Reads an in-memory source in place: no block copies. */
  @Override
  public RecordEngine openInPlace(byte[] data, String sourceName, ReadLimits limits, boolean shared,
      ReaderOptions options) {
    return JsonRecordEngine.inPlace(data, sourceName, limits, shared, JsonRecordFactories.resolver());
  }
}
