package io.cloudir.parsers.internal;

import io.cloudir.model.SourceType;
import io.cloudir.parsers.ReadLimits;
import java.nio.charset.StandardCharsets;

/**
 * CloudTrail: JSON whose first object is an event, the delivery envelope, a digest file, or an
 * EventBridge / CloudWatch Logs envelope around events.
 */
final class CloudTrailFormat implements FormatSupport {
  private static final String[] MARKERS = {
    "\"Records\"", "\"eventVersion\"", "\"eventSource\"", "\"eventName\"", "\"userIdentity\"",
    "\"digestStartTime\"", "\"eventID\""
  };
  private static final String[] ENVELOPE_MARKERS = {"AWS API Call via CloudTrail",
    "AWS Console Sign In via CloudTrail", "CloudTrail", "eventVersion", "\"aws.", "eventSource"};

  @Override
  public SourceType type() {
    return SourceType.CLOUDTRAIL;
  }

  @Override
  public int detect(byte[] head, int len) {
    int p = 0;
    if (len >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
      p = 3;
    }
    while (p < len && (head[p] == ' ' || head[p] == '\n' || head[p] == '\r' || head[p] == '\t')) {
      p++;
    }
    if (p >= len || (head[p] != '{' && head[p] != '[')) {
      return 0;
    }
    String text = new String(head, p, Math.min(len - p, 8192), StandardCharsets.UTF_8);
    boolean eventLike = false;
    for (String m : MARKERS) {
      if (text.contains(m)) {
        eventLike = true;
        break;
      }
    }
    if (!eventLike && (text.contains("\"logEvents\"") || text.contains("\"detail-type\""))) {
      for (String m : ENVELOPE_MARKERS) {
        if (text.contains(m)) {
          return 60;
        }
      }
      return 0;
    }
    // JSON that names CloudTrail fields; weaker for JSON that names none (still CloudTrail's job
    // to report it as unknown when no other JSON format claims it)
    return eventLike ? 80 : 1;
  }

  @Override
  public RecordEngine open(ByteSource in, String sourceName, ReadLimits limits, boolean shared,
      ReaderOptions options) {
    return new CloudTrailEngine(in, sourceName, limits, shared, options.get(ReaderOptions.DETECTED) != null,
        false, 1 << 20);
  }
}
