package io.cloudir.aws.internal;

import io.cloudir.aws.AwsSourceException;
import io.cloudir.aws.RetryPolicy;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Runs one AWS API call with bounded retries on throttling and server errors. Thread-safe. */
public final class ApiCalls {
  private static final Set<String> THROTTLING = Set.of("Throttling", "ThrottlingException",
      "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
      "RequestLimitExceeded", "ProvisionedThroughputExceededException", "RequestThrottled",
      "SlowDown", "LimitExceededException", "ServiceUnavailable", "ServiceUnavailableException",
      "InternalFailure", "InternalError");

  private final Backoff backoff;
  private int retries;

  /** Calls under a policy. */
  public ApiCalls(RetryPolicy policy) {
    this.backoff = new Backoff(policy.maxAttempts(), policy.initialBackoff(), policy.maxBackoff());
  }

  /** How many retries were made so far (not thread-safe: one caller). */
  public int retries() {
    return retries;
  }

  /**
   * The call's result.
   *
   * @param api the call's name for errors, e.g. {@code cloudtrail:LookupEvents}
   * @throws AwsSourceException when the call fails for good
   */
  public <T> T call(String api, Supplier<T> call) {
    int attempt = 0;
    while (true) {
      attempt++;
      String why;
      try {
        return call.get();
      } catch (AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        boolean retryable = e.isThrottlingException() || e.statusCode() >= 500
            || e.statusCode() == 429 || (code != null && THROTTLING.contains(code));
        why = (code == null ? "HTTP " + e.statusCode() : code) + ": " + e.getMessage();
        if (!retryable) {
          throw new AwsSourceException(api, why, e);
        }
      } catch (SdkClientException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("Unable to unmarshall") || m.contains("unmarshall")) {
          throw new AwsSourceException(api, "malformed response: " + m, e);
        }
        why = m;
      } catch (SdkException e) {
        throw new AwsSourceException(api, String.valueOf(e.getMessage()), e);
      }
      if (attempt >= backoff.maxAttempts()) {
        throw new AwsSourceException(api, "gave up after " + attempt + " attempts: " + why, null);
      }
      retries++;
      if (!backoff.pause(attempt)) {
        throw new AwsSourceException(api, "interrupted", null);
      }
    }
  }
}
