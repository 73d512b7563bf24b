package io.cloudir.aws;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What to list in an S3 log bucket: a bucket and prefix, and optionally accounts, regions,
 * service folders and a UTC time range.
 *
 * <p>Under a prefix that holds (or is inside) the AWS delivery layout — {@code
 * AWSLogs/[o-org/]ACCOUNT/SERVICE/REGION/YYYY/MM/DD/…}, hourly partitions {@code …/DD/HH/…} and the
 * Hive-compatible {@code AWSLogs/aws-account-id=…/aws-service=…/aws-region=…/year=…/month=…/day=…/}
 * — objects are listed by date prefixes: only the days the range touches are listed, never the
 * whole bucket. Accounts, organizations and regions that are not given are discovered with
 * delimiter listings. A prefix without that layout is listed whole ("generic prefix").
 *
 * <p>AWS delivers a log file some minutes after the events it holds, so a file with events at
 * 23:58 may sit in the next day's folder: {@link #deliverySlack} (default one hour) extends the
 * listed days past {@code until}. Records are not filtered by time here.
 *
 * <p>Immutable and thread-safe.
 *
 * @param location the bucket and prefix
 * @param accounts the accounts to list (empty: all found)
 * @param regions the regions to list (empty: all found)
 * @param services the service folders to list (empty: all found); see the constants
 * @param since the start of the range (inclusive), or null for no lower bound
 * @param until the end of the range (exclusive), or null for no upper bound
 * @param deliverySlack how far past {@code until} the days are extended
 */
public record S3LogQuery(
    S3Uri location,
    Set<String> accounts,
    Set<String> regions,
    Set<String> services,
    @Nullable Instant since,
    @Nullable Instant until,
    Duration deliverySlack) {

  /** The service folder of CloudTrail log files. */
  public static final String CLOUDTRAIL = "CloudTrail";

  /** The service folder of CloudTrail digest files. */
  public static final String CLOUDTRAIL_DIGEST = "CloudTrail-Digest";

  /** The service folder of CloudTrail Insights files. */
  public static final String CLOUDTRAIL_INSIGHT = "CloudTrail-Insight";

  /** The service folder of VPC flow logs. */
  public static final String VPC_FLOW_LOGS = "vpcflowlogs";

  /** Checks and copies the parts. */
  public S3LogQuery {
    Objects.requireNonNull(location);
    accounts = Set.copyOf(accounts);
    regions = Set.copyOf(regions);
    services = Set.copyOf(services);
    Objects.requireNonNull(deliverySlack);
    if (deliverySlack.isNegative()) {
      throw new IllegalArgumentException("negative delivery slack");
    }
    if (since != null && until != null && !since.isBefore(until)) {
      throw new IllegalArgumentException("since must be before until");
    }
    for (String a : accounts) {
      if (a.length() != 12 || !a.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new IllegalArgumentException("not a 12-digit account id: '" + a + "'");
      }
    }
  }

  /** Everything under a location: all accounts, regions and services, no time range. */
  public static S3LogQuery of(S3Uri location) {
    return builder(location).build();
  }

  /** A builder for a location. */
  public static Builder builder(S3Uri location) {
    return new Builder(location);
  }

  /** Whether a time range (either bound) is set. */
  public boolean hasTimeRange() {
    return since != null || until != null;
  }

  /** Builds an {@link S3LogQuery}. Not thread-safe. */
  public static final class Builder {
    private final S3Uri location;
    private final Set<String> accounts = new LinkedHashSet<>();
    private final Set<String> regions = new LinkedHashSet<>();
    private final Set<String> services = new LinkedHashSet<>();
    private @Nullable Instant since;
    private @Nullable Instant until;
    private Duration slack = Duration.ofHours(1);

    private Builder(S3Uri location) {
      this.location = Objects.requireNonNull(location);
    }

    /** Adds accounts (12-digit ids). */
    public Builder accounts(List<String> ids) {
      accounts.addAll(ids);
      return this;
    }

    /** Adds regions. */
    public Builder regions(List<String> names) {
      regions.addAll(names);
      return this;
    }

    /** Adds service folders (e.g. {@link #CLOUDTRAIL}). */
    public Builder services(List<String> names) {
      services.addAll(names);
      return this;
    }

    /** Sets the start of the range (inclusive); null for none. */
    public Builder since(@Nullable Instant t) {
      this.since = t;
      return this;
    }

    /** Sets the end of the range (exclusive); null for none. */
    public Builder until(@Nullable Instant t) {
      this.until = t;
      return this;
    }

    /** Sets how far past {@code until} the listed days are extended (default one hour). */
    public Builder deliverySlack(Duration d) {
      this.slack = Objects.requireNonNull(d);
      return this;
    }

    /** The query. */
    public S3LogQuery build() {
      return new S3LogQuery(location, accounts, regions, services, since, until, slack);
    }
  }
}
