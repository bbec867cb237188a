package org.gridcase.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * processes/NotificationRouting.dmn on its own: the table as issue 14 states it (reporter: SMS at intake, feedback
 * and reopening; department: summoned, warning, late; street: late check-in, extension; leaders: red card;
 * supervisor: overdue; every staff message also in the bell).
 */
class NotificationRoutingDecisionTests {

    static DmnEngine engine;
    static DmnDecision routing;

    @BeforeAll
    static void parse() throws IOException {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream dmn = Files.newInputStream(Path.of("processes/NotificationRouting.dmn"))) {
            routing = engine.parseDecision("NotificationRouting", dmn);
        }
    }

    static String channels(String event, String kind, boolean urgent) {
        return String.join(" ", engine.evaluateDecisionTable(routing, Map.of("event", event, "recipientKind", kind,
                "urgent", urgent)).collectEntries("channel").stream().map(String::valueOf).sorted().toList());
    }

    @ParameterizedTest
    @CsvSource({
            "REPORTER_RECEIVED, reporter, false, sms",
            "REPORTER_FEEDBACK, reporter, false, sms",
            "REPORTER_REOPENED, reporter, false, sms",
            "REPORTER_AGREEMENT_REACHED, reporter, false, sms",
            "RESIDENT_SIGN_IN_CODE, reporter, true, sms",
            "DEPARTMENT_SUMMONED, department, false, dingtalk email inapp sms wecom",
            "LADDER_WARNING, department, false, dingtalk email inapp sms wecom",
            "LATE_CHECK_IN_DEPARTMENT, department, false, dingtalk email inapp sms wecom",
            "LATE_CHECK_IN_STREET, street, false, dingtalk email inapp sms wecom",
            "EXTENSION_REQUESTED, street, false, dingtalk email inapp sms wecom",
            "LADDER_RED_CARD, leaders, true, dingtalk email inapp sms wecom",
            "LADDER_ESCALATION, supervisor, false, email inapp sms",
            "LADDER_WARNING, grid, false, inapp",
            "LADDER_WARNING, grid, true, dingtalk inapp wecom",
            "URGE, user, false, email inapp sms"})
    void routesEachEventOfTheIssuesTable(String event, String kind, boolean urgent, String expected) {
        assertThat(channels(event, kind, urgent)).isEqualTo(expected);
    }

    @Test
    void neverPutsAResidentsMessageInTheBellNorAStaffMessageInNoChannel() {
        assertThat(channels("LADDER_RED_CARD", "reporter", true)).doesNotContain("inapp");
        assertThat(channels("SOMETHING_NEW", "other", false)).isEqualTo("inapp");
    }
}
