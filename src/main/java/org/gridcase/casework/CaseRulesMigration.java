package org.gridcase.casework;

import static org.gridcase.casework.GridReportVariables.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gridcase.worktime.OpenDeadlineRecalculation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves running cases onto the rules a designer has just deployed. New cases follow new rules by themselves;
 * running cases keep theirs until an administrator decides otherwise, and then: each instance of an older
 * {@code GridReportProcess} migrates to the newest version (activities mapped by id, timers updated), each
 * case's time limits are taken again from the newest {@code ReportTriage.dmn} for its category and urgency
 * (its track and departments stay: they were decided and acted on), and every open deadline is counted again.
 */
@Service
public class CaseRulesMigration {

    private static final Logger log = LoggerFactory.getLogger(CaseRulesMigration.class);
    private static final List<String> LIMITS = List.of(RESPONSE_LIMIT, CHECK_IN_LIMIT, HANDLING_LIMIT,
            RETURN_VISIT_LIMIT, RATING_LIMIT);

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final DecisionService decisions;
    private final CaseDeadlines caseDeadlines;
    private final OpenDeadlineRecalculation deadlines;

    CaseRulesMigration(RepositoryService repository, RuntimeService runtime, DecisionService decisions,
            CaseDeadlines caseDeadlines, OpenDeadlineRecalculation deadlines) {
        this.repository = repository;
        this.runtime = runtime;
        this.decisions = decisions;
        this.caseDeadlines = caseDeadlines;
        this.deadlines = deadlines;
    }

    /** What a migration did. */
    public record Result(int processVersion, int migratedInstances, int casesWithNewLimits, int timersMoved,
            int taskDueDatesMoved) {
    }

    @Transactional
    public Result migrateRunningCases() {
        ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY)
                .latestVersion().singleResult();
        int migrated = 0;
        for (ProcessDefinition older : repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY)
                .list()) {
            if (older.getId().equals(latest.getId())) {
                continue;
            }
            List<String> instances = runtime.createProcessInstanceQuery().processDefinitionId(older.getId()).list()
                    .stream().map(ProcessInstance::getId).toList();
            if (instances.isEmpty()) {
                continue;
            }
            MigrationPlan plan = runtime.createMigrationPlan(older.getId(), latest.getId())
                    .mapEqualActivities().updateEventTriggers().build();
            runtime.newMigration(plan).processInstanceIds(instances).execute();
            migrated += instances.size();
        }
        List<ProcessInstance> running = new ArrayList<>(runtime.createProcessInstanceQuery()
                .processDefinitionKey(PROCESS_KEY).list());
        int changed = 0;
        for (ProcessInstance instance : running) {
            if (applyLatestLimits(instance)) {
                changed++;
            }
        }
        OpenDeadlineRecalculation.Moved moved = deadlines.recalculate();
        Result result = new Result(latest.getVersion(), migrated, changed, moved.timers(), moved.taskDueDates());
        log.info("Running cases moved onto GridReportProcess v{}: {}", latest.getVersion(), result);
        return result;
    }

    /** The newest triage's limits for the case's category and urgency; true when any differs. */
    private boolean applyLatestLimits(ProcessInstance instance) {
        Object category = runtime.getVariable(instance.getId(), CATEGORY);
        Object urgency = runtime.getVariable(instance.getId(), URGENCY);
        if (category == null || urgency == null || runtime.getVariable(instance.getId(), TRACK) == null) {
            return false; // not triaged yet: it will meet the newest rules when it is
        }
        DmnDecisionResultEntries triage = decisions.evaluateDecisionByKey("ReportTriage")
                .variables(Map.of(CATEGORY, category, URGENCY, urgency)).evaluate().getSingleResult();
        boolean changed = false;
        for (String limit : LIMITS) {
            Object now = triage.getEntry(limit);
            if (now != null && !now.equals(runtime.getVariable(instance.getId(), limit))) {
                runtime.setVariable(instance.getId(), limit, now);
                changed = true;
            }
        }
        if (changed) {
            caseDeadlines.recount(instance.getId(), instance.getBusinessKey());
        }
        return changed;
    }
}
