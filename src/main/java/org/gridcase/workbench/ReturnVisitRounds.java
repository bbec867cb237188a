package org.gridcase.workbench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.gridcase.casework.CaseDetails;
import org.springframework.stereotype.Component;

/**
 * Each round's return visit of a case, from the engine's history: whether the reporter rated it on her tracking
 * page (ratedBy REPORTER) or the community called (COMMUNITY), and the resolution and satisfaction given. The
 * record keeps only the last round's; the variables' history keeps every write. Each round writes ratedBy once,
 * in the same transaction as its resolution and satisfaction (in an order of the engine's choosing, a millisecond
 * apart or not), while rounds are a whole handling apart: a round is a write of ratedBy with the resolution and
 * satisfaction written nearest to it in time. Read without the engine's authorization check, as
 * {@link CaseHistorySteps} does: the case came from CaseQueries.
 */
@Component
class ReturnVisitRounds {

    static final String RATED_BY = "ratedBy";
    static final String RESOLUTION = "resolution";
    static final String SATISFACTION = "satisfaction";

    private final ProcessEngineConfigurationImpl engine;

    ReturnVisitRounds(ProcessEngineConfigurationImpl engine) {
        this.engine = engine;
    }

    /** {@code by}: 居民评价 or 社区回访; resolution and satisfaction in Chinese. */
    record Round(int round, String by, String resolution, String satisfaction, java.time.Instant at) {
    }

    List<Round> of(CaseDetails c) {
        if (c.processInstanceId() == null) {
            return List.of();
        }
        Map<String, List<HistoricVariableUpdate>> writes = writes(c.processInstanceId());
        List<Round> rounds = new ArrayList<>();
        for (HistoricVariableUpdate ratedBy : writes.getOrDefault(RATED_BY, List.of())) {
            rounds.add(new Round(rounds.size() + 1, "REPORTER".equals(ratedBy.getValue()) ? "居民评价" : "社区回访",
                    nearest(writes.get(RESOLUTION), ratedBy).map(CasePages::resolution).orElse(null),
                    nearest(writes.get(SATISFACTION), ratedBy).map(CasePages::satisfaction).orElse(null),
                    ratedBy.getTime().toInstant()));
        }
        return rounds;
    }

    private static Optional<String> nearest(List<HistoricVariableUpdate> updates, HistoricVariableUpdate round) {
        if (updates == null) {
            return Optional.empty();
        }
        long at = round.getTime().getTime();
        return updates.stream().min(Comparator.comparingLong(u -> Math.abs(u.getTime().getTime() - at)))
                .map(u -> String.valueOf(u.getValue()));
    }

    /** The non-empty writes of the case's own (process-wide) ratedBy, resolution and satisfaction, in order. */
    private Map<String, List<HistoricVariableUpdate>> writes(String processInstanceId) {
        return engine.getCommandExecutorTxRequired().execute(context -> {
            context.disableAuthorizationCheck();
            try {
                var history = engine.getHistoryService();
                // the return-visit task's local copies (its input mapping) are not the case's values
                List<String> caseScoped = history.createHistoricVariableInstanceQuery()
                        .processInstanceId(processInstanceId).variableNameIn(RATED_BY, RESOLUTION, SATISFACTION)
                        .list().stream().filter(v -> processInstanceId.equals(v.getActivityInstanceId()))
                        .map(HistoricVariableInstance::getId).toList();
                if (caseScoped.isEmpty()) {
                    return Map.<String, List<HistoricVariableUpdate>>of();
                }
                List<HistoricDetail> details = history.createHistoricDetailQuery()
                        .processInstanceId(processInstanceId).variableUpdates().disableBinaryFetching().list();
                return details.stream().map(HistoricVariableUpdate.class::cast)
                        .filter(u -> caseScoped.contains(u.getVariableInstanceId()) && u.getValue() != null)
                        .sorted(Comparator.comparing(HistoricVariableUpdate::getTime)
                                .thenComparing(HistoricVariableUpdate::getRevision))
                        .collect(Collectors.groupingBy(HistoricVariableUpdate::getVariableName,
                                Collectors.toList()));
            } finally {
                context.enableAuthorizationCheck();
            }
        });
    }
}
