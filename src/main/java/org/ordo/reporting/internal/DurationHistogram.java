package org.ordo.reporting.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Durations in whole seconds, kept per day as a fixed-bucket histogram (report_timing_day): bucket 0 holds durations
 * under a second, bucket b from 1 on those from 1.01^(b-1) up to 1.01^b seconds, each with its smallest and largest
 * value. A percentile is interpolated between ranks as PERCENTILE_CONT does, with each value replaced by an estimate
 * within its bucket's smallest and largest value: so an estimate is off by less than 1 % of the value, and the
 * percentile, a weighted mean of two such estimates, by less than 1 % of the exact percentile (before rounding to
 * hundredths of an hour). A bucket whose values are all equal, or that holds two values, is exact.
 */
final class DurationHistogram {

    /** Growth from one bucket's lower bound to the next: the relative error bound of a percentile. */
    static final double GROWTH = 1.01;

    /** The bucket of {@code seconds} in SQL, for an expression of whole seconds as BIGINT. */
    static String bucketSql(String seconds) {
        return "CASE WHEN " + seconds + " < 1 THEN 0 ELSE 1 + CAST(FLOOR(LN(CAST(" + seconds
                + " AS DOUBLE PRECISION)) / LN(CAST(" + GROWTH + " AS DOUBLE PRECISION))) AS INTEGER) END";
    }

    /** One bucket of one or more days. */
    record Bucket(int bucket, long count, long minSeconds, long maxSeconds) {

        /** The {@code i}-th smallest value of the bucket (0-based), spread evenly from its smallest to its largest. */
        double estimate(long i) {
            if (count == 1 || minSeconds == maxSeconds) {
                return minSeconds;
            }
            return minSeconds + (double) (maxSeconds - minSeconds) * i / (count - 1);
        }
    }

    private final List<Bucket> buckets;
    private final long count;

    /** {@code buckets} in ascending order. */
    DurationHistogram(List<Bucket> buckets) {
        this.buckets = List.copyOf(buckets);
        this.count = buckets.stream().mapToLong(Bucket::count).sum();
    }

    long count() {
        return count;
    }

    /** The {@code fraction} percentile in hours (two decimals), null without values. */
    BigDecimal percentileHours(double fraction) {
        if (count == 0) {
            return null;
        }
        double position = fraction * (count - 1);
        long lower = (long) Math.floor(position);
        double low = value(lower);
        double high = lower + 1 < count ? value(lower + 1) : low;
        double seconds = low + (position - lower) * (high - low);
        return BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_EVEN);
    }

    /** The estimate of the {@code rank}-th smallest value (0-based). */
    private double value(long rank) {
        long before = 0;
        for (Bucket b : buckets) {
            if (rank < before + b.count()) {
                return b.estimate(rank - before);
            }
            before += b.count();
        }
        throw new IllegalArgumentException("rank " + rank + " of " + count);
    }
}
