package org.gridcase.audit;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.gridcase.casework.CaseDetails;
import org.springframework.stereotype.Component;

/**
 * What staff pages read of a case's recorded steps (the workbench's 办理经过 and 回访 rounds): its finished tasks
 * and the writes of some of its own variables, from the case's compact archive once it has one, else from the
 * engine's history, in the same records and order either way (AuditRecords' rule), so an archived case reads as
 * before. Only the case's own process instance, not the processes it called. The case comes from CaseQueries
 * (scoped to the caller), so the engine's history is read without its authorization check: staff hold no
 * history permissions.
 */
@Component
public class CaseSteps {

    private final CaseArchive archive;
    private final EngineHistory history;
    private final ProcessEngineConfigurationImpl engine;

    CaseSteps(CaseArchive archive, EngineHistory history, ProcessEngineConfigurationImpl engine) {
        this.archive = archive;
        this.history = history;
        this.engine = engine;
    }

    /** A task done ({@code completed}) or ended otherwise (deleted, cancelled by a timer or message). */
    public record FinishedTask(String name, String taskDefinitionKey, String assignee, Instant endTime,
            boolean completed) {
    }

    /** A non-empty value written to one of the case's own (process-wide) variables, as the audit shows it. */
    public record VariableWrite(String name, Instant time, Object value) {
    }

    /** The case's finished tasks, in the order they began. */
    public List<FinishedTask> finishedTasks(CaseDetails c) {
        List<CaseRecords.Task> tasks = archive.read(c.caseNumber()).map(records -> records.main().tasks())
                .orElseGet(() -> c.processInstanceId() == null ? List.of()
                        : unchecked(() -> history.tasks(c.processInstanceId())));
        return tasks.stream().filter(t -> t.endTime() != null).map(t -> new FinishedTask(t.name(),
                t.taskDefinitionKey(), t.assignee(), t.endTime(), "completed".equals(t.deleteReason()))).toList();
    }

    /** The non-empty writes of these of the case's own variables (not a task's local copies), in time order. */
    public List<VariableWrite> variableWrites(CaseDetails c, Set<String> names) {
        List<CaseRecords.VariableUpdate> updates = archive.read(c.caseNumber())
                .map(records -> records.main().processVariables())
                .orElseGet(() -> c.processInstanceId() == null ? List.of()
                        : unchecked(() -> history.processVariableUpdates(c.processInstanceId(), names)));
        return updates.stream().filter(u -> names.contains(u.name()) && u.value() != null)
                .map(u -> new VariableWrite(u.name(), u.time(), u.value())).toList();
    }

    private <T> T unchecked(Supplier<T> read) {
        return engine.getCommandExecutorTxRequired().execute(context -> {
            context.disableAuthorizationCheck();
            try {
                return read.get();
            } finally {
                context.enableAuthorizationCheck();
            }
        });
    }
}
