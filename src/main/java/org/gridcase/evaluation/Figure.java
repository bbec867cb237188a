package org.gridcase.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One measure's value with its sample: {@code numerator} and {@code denominator} as counted (for the check-in
 * times: total minutes and the check-ins timed; for the 90th percentile the numerator is null). {@code value} is
 * null when there is nothing to count (an empty denominator), never a made-up zero.
 */
public record Figure(Measure measure, String label, String unit, Double value, Long numerator, long denominator) {

    static Figure of(Measure measure, long numerator, long denominator, Double percentile) {
        Double value = switch (measure.kind()) {
            case COUNT -> (double) numerator;
            case RATE -> denominator == 0 ? null : round(100.0 * numerator / denominator);
            case PER_100 -> denominator == 0 ? null : round(100.0 * numerator / denominator);
            case MINUTES_AVERAGE -> denominator == 0 ? null : round((double) numerator / denominator);
            case MINUTES_P90 -> denominator == 0 || percentile == null ? null : round(percentile);
            case NOT_YET -> null;
        };
        return new Figure(measure, measure.label(), measure.unit(), value,
                measure.kind() == Measure.Kind.MINUTES_P90 ? null : numerator,
                measure.kind() == Measure.Kind.COUNT ? numerator : denominator);
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
