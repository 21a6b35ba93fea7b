package org.ordo.forecasting.internal;

/**
 * The rule book of a computed stock policy: safety stock = z(service level) × σ of the forecast error over the lead
 * time, reorder point = expected demand over the lead time + safety stock, both rounded up to whole units (a policy
 * that falls short by a fraction of a unit misses its service level).
 */
final class ReorderPolicy {

    /** Service levels accepted: above one half (below it the safety stock would be negative) up to 99.99 %. */
    static final double LOWEST_SERVICE_LEVEL = 0.5;

    static final double HIGHEST_SERVICE_LEVEL = 0.9999;

    record Computed(long safetyStock, long reorderPoint, double expectedDemand, double deviation, double z) {}

    private ReorderPolicy() {}

    static boolean acceptable(double serviceLevel) {
        return serviceLevel > LOWEST_SERVICE_LEVEL && serviceLevel <= HIGHEST_SERVICE_LEVEL;
    }

    static Computed compute(double expectedDemand, double deviation, double serviceLevel) {
        double z = standardNormalQuantile(serviceLevel);
        long safety = (long) Math.ceil(z * deviation - 1e-9);
        long reorderPoint = (long) Math.ceil(expectedDemand - 1e-9) + safety;
        return new Computed(Math.max(0, safety), Math.max(0, reorderPoint), expectedDemand, deviation, z);
    }

    /**
     * The quantile of the standard normal distribution at {@code p} (0 < p < 1), by Acklam's rational approximation
     * (relative error below 1.2e-9, far finer than a service level is known).
     */
    static double standardNormalQuantile(double p) {
        double[] a = {
            -39.69683028665376,
            220.9460984245205,
            -275.9285104469687,
            138.3577518672690,
            -30.66479806614716,
            2.506628277459239
        };
        double[] b = {-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572};
        double[] c = {
            -0.007784894002430293,
            -0.3223964580411365,
            -2.400758277161838,
            -2.549732539343734,
            4.374664141464968,
            2.938163982698783
        };
        double[] d = {0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416};
        double low = 0.02425;
        double x;
        if (p < low) {
            double q = Math.sqrt(-2 * Math.log(p));
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        } else if (p <= 1 - low) {
            double q = p - 0.5;
            double r = q * q;
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5])
                    * q
                    / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
        } else {
            double q = Math.sqrt(-2 * Math.log(1 - p));
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        return x;
    }
}
