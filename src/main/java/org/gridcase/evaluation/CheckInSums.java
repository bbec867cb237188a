package org.gridcase.evaluation;

import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;

import org.gridcase.casework.CaseScope;

/**
 * The check-ins' monthly sums ({@code checkin_fact_month}, V57): the level whose rows answer a question, the
 * column each of the check-in measures' sums reads, and the P90 from a distribution of whole minutes. Rows count
 * the summonses of a month with the same minutes to check in, at five levels: the district, a street, a community,
 * a grid (each row with its units above it) and a department in its role within the district.
 */
final class CheckInSums {

    /** A level of the rows, with the rank of the finest unit its rows name. */
    enum Level {
        DISTRICT(0), STREET(1), COMMUNITY(2), GRID(3), DEPARTMENT(0);

        final int place;

        Level(int place) {
            this.place = place;
        }
    }

    private static final Level[] PLACES = {Level.DISTRICT, Level.STREET, Level.COMMUNITY, Level.GRID};

    /** Figures' sum of a check-in row (and weight) → the same sum over checkin_fact_month's rows. */
    static final Map<String, String> COLUMNS = new HashMap<>();

    /** The P90 is not a sum: the rows' minutes and counts are read, and {@link #p90} computes it. */
    static final String PERCENTILE = "PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY "
            + Measure.CHECK_IN_MINUTES_P90.weight + ")";

    static {
        COLUMNS.put("COUNT(*)", "SUM(f.summons)");
        COLUMNS.put(Figures.sum(Measure.RESPONSE_RATE.numeratorRow, "1"), "SUM(f.on_time)");
        COLUMNS.put(Figures.sum(Measure.RESPONSE_RATE.denominatorRow, "1"), "SUM(f.answered)");
        COLUMNS.put(Figures.sum(Measure.CHECK_IN_MINUTES_AVERAGE.numeratorRow, "1"), "SUM(f.checked_in)");
        // minutes of the checked-in; a row of minutes -1 (none) adds nothing, as a NULL adds nothing to the facts' sum
        COLUMNS.put(Figures.sum(Measure.CHECK_IN_MINUTES_AVERAGE.numeratorRow, Measure.CHECK_IN_MINUTES_AVERAGE.weight),
                "SUM(CASE WHEN f.minutes >= 0 THEN f.minutes * f.checked_in ELSE 0 END)");
        COLUMNS.put(PERCENTILE, "0");
    }

    private CheckInSums() {
    }

    /**
     * The level whose rows answer check-in figures broken down by {@code dimension} (null: none) with these filters
     * and scope, the finest unit any of them names; null when no level does (a category, a channel or a
     * department filter, a department's or the hotline's scope, a breakdown by category or channel, departments
     * within a unit).
     */
    static Level level(Dimension dimension, Filters filters, CaseScope scope) {
        if (filters.category() != null || filters.channel() != null || filters.department() != null
                || !scope.all() && (!scope.departmentCodes().isEmpty() || scope.openedBy() != null)) {
            return null;
        }
        int place = 0;
        if (filters.unitCode() != null) {
            place = switch (filters.unitCode().length()) {
                case 6 -> 0;
                case 9 -> 1;
                case 12 -> 2;
                default -> 3;
            };
        }
        if (!scope.all()) {
            place = Math.max(place, !scope.gridCodes().isEmpty() ? 3 : !scope.communityCodes().isEmpty() ? 2 : 1);
        }
        if (dimension == null) {
            return PLACES[place];
        }
        if (dimension.byDepartment()) {
            return place == 0 ? Level.DEPARTMENT : null;
        }
        int rank = switch (dimension) {
            case DISTRICT -> 0;
            case STREET -> 1;
            case COMMUNITY -> 2;
            case GRID -> 3;
            default -> -1;
        };
        return rank < 0 ? null : PLACES[Math.max(place, rank)];
    }

    /**
     * PostgreSQL's {@code PERCENTILE_CONT(0.9)} of the values counted in {@code counts} (minutes → how many), the
     * same arithmetic: the values at positions floor and ceil of 0.9 × (n − 1), interpolated; null for none.
     */
    static Double p90(NavigableMap<Integer, Long> counts) {
        long n = counts.values().stream().mapToLong(Long::longValue).sum();
        if (n == 0) {
            return null;
        }
        double position = 0.9 * (n - 1);
        long first = (long) Math.floor(position);
        long second = (long) Math.ceil(position);
        double low = valueAt(counts, first);
        double high = valueAt(counts, second);
        return low + (position - first) * (high - low);
    }

    private static double valueAt(NavigableMap<Integer, Long> counts, long index) {
        long seen = 0;
        for (Map.Entry<Integer, Long> e : counts.entrySet()) {
            seen += e.getValue();
            if (index < seen) {
                return e.getKey();
            }
        }
        throw new IllegalArgumentException("index " + index + " beyond " + seen);
    }
}
