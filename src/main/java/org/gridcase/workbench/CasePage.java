package org.gridcase.workbench;

import java.time.Instant;
import java.util.List;

import org.gridcase.notification.DeliveryView;
import org.gridcase.notification.NotificationView;

/**
 * A case as its page shows it, in one answer: the report and its place (with the grid's outline as
 * [lat, lon] points for the map), where it stands, the departments, notes, steps, notifications (and each try to
 * deliver them), escalations,
 * urges and the open steps; {@code pictures}: the photo links the page may show as pictures (PhotoOrigins). Names, not codes; the reporter's phone as the caller may see it. {@code worksOn} is
 * false for the hotline reading a case another desk took: it sees the case, not its notes or messages.
 * {@code coReporters}: residents who joined the case (我也遇到了) besides its reporter; {@code returnVisits}: each
 * round's return visit, rated by the reporter (居民评价) or made by the community's call (社区回访);
 * {@code stepPhotos}: the photos staff attached at its steps (处置后, the signed agreement's 调解协议书, …).
 */
record CasePage(Report report, Standing standing, List<Department> departments, List<Note> notes,
        List<CaseHistorySteps.Step> steps, List<NotificationView> notifications, List<DeliveryView> deliveries,
        List<Escalation> escalations,
        List<Urge.UrgeView> urges, int urgeCount, SupervisionRequest.View supervision, List<Task> openTasks,
        Actions actions, boolean worksOn, List<ReturnVisitRounds.Round> returnVisits, List<StepPhoto> stepPhotos) {

    record Report(String caseNumber, String categoryName, String urgency, String urgencyLabel, String channelLabel,
            String description, String address, Double lat, Double lon, List<String> photoLinks, List<String> pictures,
            String reporterName, String reporterPhone, String gridCode, String gridName, List<double[]> gridOutline,
            String communityName, String streetName, String openedBy, Instant receivedAt, long coReporters) {
    }

    record Standing(String status, String statusLabel, List<String> steps, List<String> holders, Instant deadline,
            String timeLeft, String leadDepartment, Instant handlingDue, String handlingResult, String resolution,
            String satisfaction, int reopenCount, int returnCount, int extensionCount, Instant closedAt,
            List<CaseFlags.Badge> flags) {
    }

    /** A summoned department; {@code checkIn}: 按时报到, 超时报到, 未报到 or 已超时未报到. */
    record Department(String name, String role, Instant summonedAt, Instant checkInDue, Instant checkedInAt,
            String checkedInBy, String checkInNote, String checkIn, boolean late) {
    }

    record Escalation(String stage, String rung, String departmentName, String notified, Instant at) {
    }

    /** An open step; {@code tasklistUrl} only when the caller may open it in the Tasklist. */
    record Task(String id, String step, String holder, Instant due, String timeLeft, String tasklistUrl) {
    }

    /** A note on the case, by its author's name. */
    record StepPhoto(String url, String thumbnailUrl, String stage, String attachedBy, Instant attachedAt) {
    }

    record Note(String author, Instant time, String text) {
    }

    record Actions(boolean note, boolean urge, boolean supervise) {
    }
}
