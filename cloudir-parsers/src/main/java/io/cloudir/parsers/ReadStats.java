package io.cloudir.parsers;

/**
 * What a reader did. Always {@code records == parsed + rejected}: every record-sized piece of
 * input is either a record or a rejection. {@code warnings} counts parsed records that carry
 * warnings (they are kept); {@code skipped} counts things that are not records and not errors
 * (CloudTrail digest files, CloudWatch Logs control messages).
 *
 * <p>Immutable and thread-safe.
 *
 * @param files sources opened
 * @param records record-sized pieces read ({@code parsed + rejected})
 * @param parsed records returned
 * @param rejected rejections reported
 * @param warnings returned records that carry warnings
 * @param skipped non-record files and messages skipped
 * @param bytes decoded bytes read
 */
public record ReadStats(
    long files, long records, long parsed, long rejected, long warnings, long skipped, long bytes) {

  /** Checks that the counts add up. */
  public ReadStats {
    if (records != parsed + rejected) {
      throw new IllegalArgumentException("records != parsed + rejected");
    }
  }

  /** No work yet. */
  public static final ReadStats EMPTY = new ReadStats(0, 0, 0, 0, 0, 0, 0);

  /** The sum of two stats. */
  public ReadStats plus(ReadStats o) {
    return new ReadStats(files + o.files, records + o.records, parsed + o.parsed,
        rejected + o.rejected, warnings + o.warnings, skipped + o.skipped, bytes + o.bytes);
  }

  /** {@code parsed=N rejected=M warnings=W skipped=S}: the CLI's summary line. */
  public String summary() {
    return "parsed=" + parsed + " rejected=" + rejected + " warnings=" + warnings + " skipped="
        + skipped;
  }
}
