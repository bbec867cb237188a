package org.gridcase.evaluation;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 重复诉求: a case is a repeat when an earlier case of the same category was reported within
 * {@code gridcase.evaluation.repeat-radius-meters} (default 100 m) of it in the 30 days before. The database
 * narrows to a bounding box on the facts' index; the great-circle distance decides, the nearest earlier case wins.
 */
@Component
class RepeatRequests {

    static final Duration WINDOW = Duration.ofDays(30);
    private static final double EARTH_RADIUS_METERS = 6_371_000;

    private final JdbcTemplate jdbc;
    private final double radiusMeters;

    RepeatRequests(JdbcTemplate jdbc,
            @Value("${gridcase.evaluation.repeat-radius-meters:100}") double radiusMeters) {
        this.jdbc = jdbc;
        this.radiusMeters = radiusMeters;
    }

    /** The number of the earlier case this one repeats, or null. */
    String earlierOf(CaseFact f) {
        if (f.lat() == null || f.lon() == null) {
            return null;
        }
        double dLat = Math.toDegrees(radiusMeters / EARTH_RADIUS_METERS);
        double dLon = dLat / Math.max(0.01, Math.cos(Math.toRadians(f.lat())));
        record Candidate(String caseNumber, double meters) {
        }
        return jdbc.query("""
                        SELECT case_number, lat, lon FROM case_fact
                        WHERE category = ? AND received_at >= ? AND received_at < ?
                          AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ? AND case_number <> ?""",
                        (rs, i) -> new Candidate(rs.getString(1),
                                meters(f.lat(), f.lon(), rs.getDouble(2), rs.getDouble(3))),
                        f.category(), FactWriter.ts(f.receivedAt().minus(WINDOW)), FactWriter.ts(f.receivedAt()),
                        f.lat() - dLat, f.lat() + dLat, f.lon() - dLon, f.lon() + dLon, f.caseNumber())
                .stream().filter(c -> c.meters() <= radiusMeters)
                .min(java.util.Comparator.comparingDouble(Candidate::meters))
                .map(Candidate::caseNumber).orElse(null);
    }

    static double meters(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.sqrt(a));
    }
}
