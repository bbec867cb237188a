package org.gridcase.casework;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.gridcase.worktime.WorkingTimeBusinessCalendar;
import org.springframework.stereotype.Component;

/**
 * How the clocks of open cases run, for pages that show where a deadline stands between the ladder's timers: the
 * kind of time each stage's limit counts (working time for {@code working:} limits, the clock otherwise, as
 * ReportTriage.dmn gives emergencies) and when a department's check-in warning falls, by the same rule as the
 * timer that sends it (EscalationLadder.dmn's warning share of the limit, in the limit's kind of time).
 */
@Component
public class CaseClocks {

    private final EscalationLadder ladder;
    private final ProcessEngineConfigurationImpl engine;

    CaseClocks(EscalationLadder ladder, ProcessEngineConfigurationImpl engine) {
        this.ladder = ladder;
        this.engine = engine;
    }

    /**
     * The clocks of these cases (which the caller got from CaseQueries): one decision and one variable query for
     * all, without the engine's authorization check: the cases are already the caller's, and the ladder's rule is
     * the same for everyone.
     */
    public Clocks of(Collection<CaseDetails> cases) {
        String[] instances = cases.stream().map(CaseDetails::processInstanceId).filter(Objects::nonNull)
                .distinct().toArray(String[]::new);
        Map<String, String> limits = new HashMap<>();
        double warningShare = engine.getCommandExecutorTxRequired().execute(context -> {
            // evaluating the ladder's decision needs a grant staff do not have: it is read, not run for them
            context.disableAuthorizationCheck();
            try {
                if (instances.length > 0) {
                    for (VariableInstance variable : engine.getRuntimeService().createVariableInstanceQuery()
                            .processInstanceIdIn(instances)
                            .variableNameIn(GridReportVariables.CHECK_IN_LIMIT, GridReportVariables.HANDLING_LIMIT)
                            .list()) {
                        if (variable.getValue() instanceof String limit) {
                            limits.put(variable.getProcessInstanceId() + "/" + variable.getName(), limit);
                        }
                    }
                }
                return ladder.rules(LadderStage.CHECK_IN, name -> null).warningShare();
            } finally {
                context.enableAuthorizationCheck();
            }
        });
        return new Clocks(ladder, warningShare, limits);
    }

    /** The clocks of a set of cases. */
    public static final class Clocks {

        private final EscalationLadder ladder;
        private final double warningShare;
        private final Map<String, String> limits;

        private Clocks(EscalationLadder ladder, double warningShare, Map<String, String> limits) {
            this.ladder = ladder;
            this.warningShare = warningShare;
            this.limits = limits;
        }

        /**
         * Whether the case's limit for this stage counts working time; without a recorded limit (a case whose
         * process no longer runs), working time unless the case is on the emergency track.
         */
        public boolean workingTime(CaseDetails c, LadderStage stage) {
            String name = stage == LadderStage.HANDLING ? GridReportVariables.HANDLING_LIMIT
                    : GridReportVariables.CHECK_IN_LIMIT;
            String limit = limits.get(c.processInstanceId() + "/" + name);
            return limit != null ? WorkingTimeBusinessCalendar.isWorkingTime(limit) : !"EMERGENCY".equals(c.track());
        }

        /** When the department's check-in warning falls (null without a deadline). */
        public Instant checkInWarnAt(CaseDetails c, CaseDetails.Department department) {
            if (department.summonedAt() == null || department.checkInDue() == null) {
                return null;
            }
            EscalationLadder.Rules rules = new EscalationLadder.Rules(warningShare, 1, null, null);
            return ladder.schedule(rules, department.summonedAt(), department.checkInDue(),
                    workingTime(c, LadderStage.CHECK_IN)).warnAt().toInstant();
        }
    }
}
