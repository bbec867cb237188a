package org.gridcase.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** processes/EscalationLadder.dmn: the rungs of each stage, and who is escalated to. */
class EscalationLadderDecisionTests {

    static DmnEngine engine;
    static DmnDecision ladder;

    @BeforeAll
    static void parse() throws IOException {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream dmn = Files.newInputStream(Path.of("processes/EscalationLadder.dmn"))) {
            ladder = engine.parseDecision("EscalationLadder", dmn);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "ON_THE_SPOT, street-{streetCode}",
            "CHECK_IN, street-{streetCode}",
            "HANDLING, supervisors",
            "WHISTLE, supervisors",
            "PLACEMENT, supervisors"})
    void warnsAtEightyPercentAndShowsARedCardAtTwiceTheLimit(String stage, String escalateTo) {
        DmnDecisionResultEntries rungs = engine.evaluateDecision(ladder, Map.of("stage", stage)).getSingleResult();

        assertThat(rungs.<Double>getEntry("warningShare")).isEqualTo(0.8);
        assertThat(rungs.<Double>getEntry("redCardFactor")).isEqualTo(2.0);
        assertThat(rungs.<String>getEntry("escalateTo")).isEqualTo(escalateTo);
        assertThat(rungs.<String>getEntry("leadershipGroup")).isEqualTo("leaders");
    }

    @ParameterizedTest
    @CsvSource({
            "WHISTLE, working:PT1H, PT15M",
            "PLACEMENT, working:PT2H, PT15M"})
    void givesTheWhistleAndThePlacementByHandTheirLimitsInWorkingTimeAndEmergenciesOnTheClock(String stage,
            String limit, String emergencyLimit) {
        DmnDecisionResultEntries rungs = engine.evaluateDecision(ladder, Map.of("stage", stage)).getSingleResult();

        assertThat(rungs.<String>getEntry("limit")).isEqualTo(limit);
        assertThat(rungs.<String>getEntry("emergencyLimit")).isEqualTo(emergencyLimit);
    }

    @Test
    void knowsNoOtherStage() {
        assertThat(engine.evaluateDecision(ladder, Map.of("stage", "RETURN_VISIT")).getSingleResult()).isNull();
    }
}
