package io.cloudir.parsers;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The parts of an AWS log object key in the layout AWS delivers to S3:
 * {@code [prefix/]AWSLogs/[o-orgid/]ACCOUNT/SERVICE/REGION/YYYY/MM/DD/FILE}, where SERVICE is
 * {@code CloudTrail}, {@code CloudTrail-Digest}, {@code CloudTrail-Insight}, {@code vpcflowlogs},
 * {@code elasticloadbalancing}… Works on S3 keys and on local paths that keep the layout.
 *
 * <p>Used to select objects by account, region and day without reading them; the format of the
 * content is still detected from the bytes.
 *
 * <p>Immutable and thread-safe.
 *
 * @param prefix the part before {@code AWSLogs/} (empty if none)
 * @param organizationId the organization id for organization trails ({@code o-…}), or null
 * @param accountId the 12-digit account
 * @param service the service folder, e.g. {@code CloudTrail}
 * @param region the region
 * @param date the delivery day
 * @param fileName the object's file name
 */
public record AwsLogKey(String prefix, @Nullable String organizationId, String accountId,
    String service, String region, LocalDate date, String fileName) {

  /** Parses a key or path (with {@code /} or {@code \} separators); empty if it is not in the layout. */
  public static Optional<AwsLogKey> parse(String key) {
    String k = key.replace('\\', '/');
    int a = k.lastIndexOf("AWSLogs/");
    if (a < 0 || (a > 0 && k.charAt(a - 1) != '/')) {
      return Optional.empty();
    }
    String prefix = a == 0 ? "" : k.substring(0, a - 1);
    String[] p = k.substring(a + "AWSLogs/".length()).split("/", -1);
    int i = 0;
    String org = null;
    if (p.length > 0 && p[0].startsWith("o-")) {
      org = p[0];
      i = 1;
    }
    if (p.length - i != 7) {
      return Optional.empty();
    }
    String account = p[i];
    if (account.length() != 12 || !account.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    String service = p[i + 1];
    String region = p[i + 2];
    if (service.isEmpty() || region.isEmpty() || p[i + 6].isEmpty()) {
      return Optional.empty();
    }
    try {
      LocalDate d = LocalDate.of(Integer.parseInt(p[i + 3]), Integer.parseInt(p[i + 4]),
          Integer.parseInt(p[i + 5]));
      if (p[i + 3].length() != 4 || p[i + 4].length() != 2 || p[i + 5].length() != 2) {
        return Optional.empty();
      }
      return Optional.of(new AwsLogKey(prefix, org, account, service, region, d, p[i + 6]));
    } catch (NumberFormatException | DateTimeException e) {
      return Optional.empty();
    }
  }

  /** Whether this is a CloudTrail log file (not a digest or Insight file). */
  public boolean isCloudTrail() {
    return service.equals("CloudTrail");
  }

  /** Whether this is a CloudTrail digest file. */
  public boolean isDigest() {
    return service.equals("CloudTrail-Digest");
  }

  /** Whether this is a CloudTrail Insights file. */
  public boolean isInsight() {
    return service.equals("CloudTrail-Insight");
  }
}
