package io.cloudir.parsers.internal;

import io.cloudir.model.SourceType;
import io.cloudir.parsers.ReadLimits;
import java.nio.charset.StandardCharsets;

/**
 * CloudTrail: JSON whose first object is an event, the delivery envelope, a digest file (or the
 * {@code .metadata.json} holding its signature), or an
 * EventBridge / CloudWatch Logs envelope around events.
 */
final class CloudTrailFormat implements FormatSupport {
  private static final byte[][] MARKER_BYTES = markers();
  private static final byte[] CONTROL = "CONTROL_MESSAGE".getBytes(StandardCharsets.US_ASCII);
  private static final String[] ENVELOPE_MARKERS = {"AWS API Call via CloudTrail",
    "AWS Console Sign In via CloudTrail", "CloudTrail", "eventVersion", "\"aws.", "eventSource"};

  private static byte[][] markers() {
    io.cloudir.model.cloudtrail.CloudTrailField[] f = io.cloudir.model.cloudtrail.CloudTrailField.values();
    byte[][] out = new byte[f.length + 3][];
    for (int i = 0; i < f.length; i++) {
      out[i] = ("\"" + f[i].jsonName() + "\"").getBytes(StandardCharsets.US_ASCII);
    }
    out[f.length] = "\"Records\"".getBytes(StandardCharsets.US_ASCII);
    out[f.length + 1] = "\"digestStartTime\"".getBytes(StandardCharsets.US_ASCII);
    // the S3 object metadata of a digest, saved beside it as <digest>.metadata.json
    out[f.length + 2] = "\"signature-algorithm\"".getBytes(StandardCharsets.US_ASCII);
    return out;
  }

  @Override
  public SourceType type() {
    return SourceType.CLOUDTRAIL;
  }

  @Override
  public int detect(byte[] head, int len) {
    byte[] message = Detect.firstCloudWatchMessage(head, len);
    if (message != null) {
      // a CloudWatch Logs envelope: CloudTrail's if its messages are CloudTrail events; a control
      // message (no records at all) is read, and skipped, by the CloudTrail reader unless another
      // format claims the source
      if (detectJson(message, message.length) >= 80) {
        return 70;
      }
      return Detect.indexOf(head, 0, len, CONTROL) >= 0 ? 1 : 0;
    }
    return detectJson(head, len);
  }

  private static int detectJson(byte[] head, int len) {
    int p = Detect.firstNonWhitespace(head, len);
    if (p >= len || (head[p] != '{' && head[p] != '[')) {
      return 0;
    }
    int n = Math.min(len, p + 16384);
    for (byte[] m : MARKER_BYTES) {
      if (Detect.indexOf(head, p, n, m) >= 0) {
        return 80;
      }
    }
    String text = new String(head, p, n - p, StandardCharsets.UTF_8);
    if (text.contains("\"detail-type\"")) {
      for (String m : ENVELOPE_MARKERS) {
        if (text.contains(m)) {
          return 60;
        }
      }
      return 0;
    }
    // JSON that names no CloudTrail field: CloudTrail's reader reports it as an unknown format
    // unless another JSON format claims it
    return 1;
  }

  @Override
  public RecordEngine open(ByteSource in, String sourceName, ReadLimits limits, boolean shared,
      ReaderOptions options) {
    return new CloudTrailEngine(in, sourceName, limits, shared, options.get(ReaderOptions.DETECTED) != null,
        false, 1 << 20);
  }
}
