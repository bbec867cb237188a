package org.gridcase.resident;

import java.time.Instant;
import java.util.List;

/** What the resident API answers: nothing personal, nothing about staff beyond department names. */
final class ResidentViews {

    private ResidentViews() {
    }

    record PublicCategory(String code, String name, String group) {
    }

    record GridOutline(String code, String name, List<double[]> points) {
    }

    record Nearby(String caseNumber, String status, String statusLabel, String categoryName, Instant receivedAt,
            List<String> photoLinks, long distanceMeters, long reporterCount) {
    }

    record Joined(String caseNumber, String trackingToken, String trackingPage, long reporterCount) {
    }

    record Stage(String status, String label, Instant enteredAt) {
    }

    record Department(String name, boolean lead, Instant checkedInAt) {
    }

    record TrackedCase(String caseNumber, String status, String statusLabel, String categoryName, String description,
            String address, String reporterPhone, List<String> photoLinks, Instant receivedAt, Instant handlingDue,
            Instant closedAt, String handlingResult, String resolution, String satisfaction, long reporterCount,
            List<Stage> stages, List<Department> departments) {
    }

    record MyCase(String caseNumber, String statusLabel, String categoryName, Instant receivedAt, boolean joined,
            String trackingPage) {
    }
}
