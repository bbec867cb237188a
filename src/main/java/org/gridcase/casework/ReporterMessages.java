package org.gridcase.casework;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gridcase.notification.NotificationTemplate;
import org.gridcase.notification.Notifications;
import org.gridcase.notification.Recipient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the reporter is told, apart from the result (NotifyReporterDelegate): that the case was received, with its
 * tracking link, that it is handled again, and that a dispute's mediation reached an agreement (for the mediation
 * module, which has the agreement but not the reporters). The residents who joined the case (我也遇到了) hear of the reopening
 * and the result like the reporter; at intake there are none yet.
 */
@Component
public class ReporterMessages {

    private final Notifications notifications;
    private final CaseFile cases;
    private final List<CoReporters> coReporters;
    private final String publicBaseUrl;

    ReporterMessages(Notifications notifications, CaseFile cases, List<CoReporters> coReporters,
            @Value("${gridcase.resident.public-base-url:}") String publicBaseUrl) {
        this.notifications = notifications;
        this.cases = cases;
        this.coReporters = coReporters;
        this.publicBaseUrl = publicBaseUrl;
    }

    /** At intake: the case number and the tracking page (an emergency's text never waits for quiet hours). */
    void received(String caseNumber, String phone, String categoryName, String trackingToken, boolean emergency) {
        if (phone == null || phone.isBlank()) {
            return;
        }
        notifications.send(Recipient.reporter(phone), caseNumber, NotificationTemplate.REPORTER_RECEIVED, Map.of(
                "caseNumber", caseNumber,
                "categoryName", String.valueOf(categoryName),
                "trackingLink", trackingPage(caseNumber, trackingToken)), emergency);
    }

    /** The return visit found the result wanting: the case is handled again. */
    void reopened(String caseNumber, CaseHeader header, int reopenCount) {
        for (String phone : phonesOf(caseNumber, header)) {
            notifications.send(Recipient.reporter(phone), caseNumber, NotificationTemplate.REPORTER_REOPENED, Map.of(
                    "caseNumber", caseNumber,
                    "categoryName", String.valueOf(header.categoryName()),
                    "reopenCount", reopenCount));
        }
    }

    /**
     * A dispute's mediation reached an agreement, signed now: its terms, and the day by which the community checks
     * that it is performed (the feedback and the rating follow after that check, as for any case).
     */
    public void agreementReached(String caseNumber, String terms, String followUpBy) {
        CaseHeader header = cases.header(caseNumber);
        for (String phone : phonesOf(caseNumber, header)) {
            notifications.send(Recipient.reporter(phone), caseNumber, NotificationTemplate.REPORTER_AGREEMENT_REACHED,
                    Map.of("caseNumber", caseNumber,
                            "categoryName", String.valueOf(header.categoryName()),
                            "terms", terms,
                            "followUpBy", followUpBy));
        }
    }

    /** The reporter's phone and those of the residents who joined the case, each once. */
    List<String> phonesOf(String caseNumber, CaseHeader header) {
        List<String> phones = new ArrayList<>();
        if (header.reporterPhone() != null && !header.reporterPhone().isBlank()) {
            phones.add(header.reporterPhone());
        }
        coReporters.forEach(joined -> joined.phonesOf(caseNumber).stream().filter(p -> !phones.contains(p))
                .forEach(phones::add));
        return phones;
    }

    /**
     * The resident's tracking page (/m/cases/…, the resident module's) on the public address residents reach
     * (gridcase.resident.public-base-url), else on the address the request came to.
     */
    String trackingPage(String caseNumber, String token) {
        UriComponentsBuilder base = !publicBaseUrl.isBlank()
                ? UriComponentsBuilder.fromUriString(publicBaseUrl.replaceAll("/+$", ""))
                : RequestContextHolder.getRequestAttributes() != null
                        ? ServletUriComponentsBuilder.fromCurrentContextPath()
                        : UriComponentsBuilder.newInstance();
        return base.path("/m/cases/{caseNumber}").queryParam("token", token).buildAndExpand(caseNumber)
                .toUriString();
    }
}
