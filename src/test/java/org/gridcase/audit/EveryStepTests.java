package org.gridcase.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gridcase.casework.ProcessTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The archive's check replays every step of a case in one go, its names and shown values worked out once for the
 * whole replay; each step must still show what a replay of that step alone shows (an auditor's request), down to
 * the variables that changed along the way: the return visit's answers, first 部分解决 and 不满意, then 已解决.
 */
class EveryStepTests extends ProcessTestSupport {

    @Autowired
    CaseReplay replay;

    @Autowired
    CaseTimeline timeline;

    @Autowired
    AuditNames names;

    @Autowired
    VariableValues values;

    @Autowired
    ObjectMapper json;

    EveryStepTests() {
        super("997601", 76.0, 146.0, THURSDAY_TEN); // a square of the globe no other test district uses
    }

    @Test
    void everyStepInOneGoShowsWhatEachStepReplayedAloneShows() throws Exception {
        // given a case whose variables changed on the way (reopened after an unsatisfied return visit)
        actAs("test.staff");
        ProcessInstance instance = whistledReopenedAndClosed();
        CaseHistory recorded = asAuditor(() -> replay.load(instance.getBusinessKey()));
        List<TimelineEvent> steps = asAuditor(() -> timeline.of(recorded));

        // when every step is replayed in one go, and each step alone (names and values worked out for it alone)
        List<ReplayState> inOneGo = asAuditor(() -> replay.everyStep(recorded, steps));
        List<ReplayState> oneByOne = new ArrayList<>();
        for (int step = 0; step < steps.size(); step++) {
            // as CaseReplay.at makes it, without making the timeline again for each of some 200 steps
            EventMaker alone = new EventMaker(names.memo(), recorded.model(), recorded.calledModels());
            int at = step;
            oneByOne.add(asAuditor(() -> recorded.stateAt(at, steps.get(at).at(), alone, values)));
        }

        // then they are the same, and the changed answers show as they stood at each step
        assertThat(inOneGo).hasSameSizeAs(oneByOne);
        for (int step = 0; step < steps.size(); step++) {
            assertThat(json.writeValueAsString(inOneGo.get(step))).as("step %d", step)
                    .isEqualTo(json.writeValueAsString(oneByOne.get(step)));
        }
        assertThat(inOneGo).anySatisfy(state -> assertThat(shown(state, "resolution")).isEqualTo("部分解决"));
        assertThat(shown(inOneGo.get(inOneGo.size() - 1), "resolution")).isEqualTo("已解决");
    }

    private static String shown(ReplayState state, String variable) {
        return state.shownVariables().stream().filter(v -> v.name().equals(variable))
                .map(ReplayState.ShownVariable::value).findFirst().orElse(null);
    }
}
