package org.gridcase.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.gridcase.worktime.WorkingDuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** processes/ReportTriage.dmn decides track, departments, lead and time limits from category and urgency. */
class ReportTriageTests {

    static DmnEngine engine;
    static DmnDecision triage;

    @BeforeAll
    static void parse() throws IOException {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream dmn = Files.newInputStream(Path.of("processes/ReportTriage.dmn"))) {
            triage = engine.parseDecision("ReportTriage", dmn);
        }
    }

    static DmnDecisionResultEntries decide(String category, String urgency) {
        return engine.evaluateDecision(triage, Map.of("category", category, "urgency", urgency)).getSingleResult();
    }

    @Test
    void countsWorkingTimeExceptInEmergencies() {
        assertThat(decide("TRAFFIC.BUS_BLOCKING", "URGENT").<String>getEntry("handlingLimit")).isEqualTo("working:P3D");
        assertThat(decide("SOMETHING.NEW", "ROUTINE").<String>getEntry("handlingLimit")).isEqualTo("working:P13D");
        assertThat(decide("SAFETY.GAS_LEAK", "EMERGENCY").<String>getEntry("checkInLimit")).isEqualTo("PT20M");
    }

    @Test
    void summonsEveryoneAtOnceWhenARoadCollapses() {
        var result = decide("SAFETY.ROAD_SUBSIDENCE", "EMERGENCY");

        assertThat(result.<String>getEntry("track")).isEqualTo("EMERGENCY");
        assertThat(result.<List<String>>getEntry("departments")).containsExactly("zhujian", "chengguan", "xiaofang", "shuiwu");
        assertThat(result.<String>getEntry("leadDepartment")).isEqualTo("zhujian");
        assertThat(Duration.parse(result.getEntry("checkInLimit"))).isLessThanOrEqualTo(Duration.ofHours(1));
    }

    @Test
    void treatsAnyEmergencyAsAnEmergencyWhateverItsCategory() {
        assertThat(decide("TRAFFIC.SIGNAL_FAULT", "EMERGENCY").<String>getEntry("track")).isEqualTo("EMERGENCY");
    }

    @Test
    void letsTheGridHandleAStairwellLightOnReceipt() {
        var result = decide("PROPERTY.STAIRWELL_LIGHT", "ROUTINE");

        assertThat(result.<String>getEntry("track")).isEqualTo("ON_THE_SPOT");
        assertThat(result.<String>getEntry("responseLimit")).isEqualTo("working:PT2H");
        assertThat(result.<String>getEntry("leadDepartment")).isEqualTo("wuye");
    }

    @Test
    void whistlesTrafficPoliceBusCompanyAndPropertyForBusesBlockingARoad() {
        var result = decide("TRAFFIC.BUS_BLOCKING", "URGENT");

        assertThat(result.<String>getEntry("track")).isEqualTo("WHISTLE");
        assertThat(result.<List<String>>getEntry("departments")).containsExactly("jiaojing", "gongjiao", "wuye");
        assertThat(result.<String>getEntry("leadDepartment")).isEqualTo("jiaojing");
    }

    @ParameterizedTest
    @CsvSource({"DISPUTE.NEIGHBOUR, ROUTINE", "DISPUTE.PROPERTY_SERVICE, ROUTINE", "DISPUTE.NEIGHBOUR, URGENT"})
    void mediatesDisputesRatherThanDispatchingThem(String category, String urgency) {
        var result = decide(category, urgency);

        assertThat(result.<String>getEntry("track")).isEqualTo("MEDIATION");
        // the departments the street summons if mediation fails and it whistles for joint mediation
        assertThat(result.<List<String>>getEntry("departments")).contains("sifa");
    }

    @ParameterizedTest
    @CsvSource({
            "SAFETY.FIRE_EXIT_BLOCKED, URGENT, zhujian, working:PT2H",
            "MUNICIPAL.MANHOLE_COVER_MISSING, URGENT, chengguan, working:PT4H",
            "MARKET.FOOD_SAFETY, URGENT, shichang, working:PT4H",
            "SOMETHING.NEW, ROUTINE, chengguan, working:P1D"})
    void whistlesTheLeadOfTheCategoryArea(String category, String urgency, String lead, String checkInLimit) {
        var result = decide(category, urgency);

        assertThat(result.<String>getEntry("track")).isEqualTo("WHISTLE");
        assertThat(result.<String>getEntry("leadDepartment")).isEqualTo(lead);
        assertThat(result.<String>getEntry("checkInLimit")).isEqualTo(checkInLimit);
    }

    @Test
    void givesEveryRowParseableLimitsAndALeadAmongItsDepartments() {
        for (String category : List.of("SAFETY.ROAD_SUBSIDENCE", "SAFETY.GAS_LEAK", "MUNICIPAL.WATER_PIPE_BURST",
                "PROPERTY.STAIRWELL_CLUTTER", "SANITATION.BIN_OVERFLOW", "DISPUTE.NEIGHBOUR", "TRAFFIC.ILLEGAL_PARKING",
                "SANITATION.GARBAGE_PILE", "PROPERTY.ELEVATOR_FAULT", "X")) {
            for (String urgency : List.of("ROUTINE", "URGENT", "EMERGENCY")) {
                var result = decide(category, urgency);
                for (String limit : List.of("responseLimit", "checkInLimit", "handlingLimit", "returnVisitLimit",
                        "ratingLimit")) {
                    String value = result.getEntry(limit);
                    assertThat(parsesAsDuration(value)).as("%s for %s/%s: %s", limit, category, urgency, value).isTrue();
                }
                assertThat(result.<List<String>>getEntry("departments"))
                        .contains(result.<String>getEntry("leadDepartment"));
            }
        }
    }

    /** Working time (working:P3D) outside emergencies; calendar time (PT30M) in them. */
    private static boolean parsesAsDuration(String value) {
        try {
            if (value.startsWith("working:")) {
                return WorkingDuration.parse(value.substring("working:".length())) != null;
            }
            return value.contains("T") ? !Duration.parse(value).isNegative() : !Period.parse(value).isNegative();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
