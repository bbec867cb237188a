package org.gridcase.audit;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.gridcase.casework.CaseDetails;
import org.gridcase.casework.CaseQueries;
import org.gridcase.system.InvalidRequestException;
import org.gridcase.system.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** Replays a case for auditors: its diagram with the path taken, and the case as it stood after any step. */
@Service
public class CaseReplay {

    private final CaseQueries cases;
    private final CaseTimeline timeline;
    private final HistoryService history;
    private final RepositoryService repository;
    private final AuditNames names;
    private final VariableValues values;
    private final ZoneId zone;

    CaseReplay(CaseQueries cases, CaseTimeline timeline, HistoryService history, RepositoryService repository,
            AuditNames names, VariableValues values, @Value("${gridcase.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.cases = cases;
        this.timeline = timeline;
        this.history = history;
        this.repository = repository;
        this.names = names;
        this.values = values;
        this.zone = zone;
    }

    public Replay of(String caseNumber) {
        return of(load(caseNumber));
    }

    Replay of(CaseHistory recorded) {
        String caseNumber = recorded.record().caseNumber();
        ProcessDefinition definition = repository.getProcessDefinition(recorded.process().getProcessDefinitionId());
        return new Replay(caseNumber, definition.getId(), definition.getKey(), definition.getName(),
                definition.getVersion(),
                "/api/audit/cases/" + caseNumber + "/diagram.svg", timeline.of(caseNumber),
                recorded.taken(Instant.now()), zone.getId());
    }

    /** The case after step {@code step} (counted from 0) of its timeline. */
    public ReplayState at(String caseNumber, int step) {
        return at(load(caseNumber), step);
    }

    private ReplayState at(CaseHistory recorded, int step) {
        List<TimelineEvent> steps = timeline.of(recorded.record().caseNumber());
        if (step < 0 || step >= steps.size()) {
            throw new InvalidRequestException("step", "应在 0 到 " + (steps.size() - 1) + " 之间");
        }
        return recorded.stateAt(step, steps.get(step).at(), new EventMaker(names, recorded.model(),
                recorded.calledModels()), values);
    }

    /** The diagram of the version the case ran on, with its whole path, or with the path and position at a step. */
    public String diagram(String caseNumber, Integer step) {
        CaseHistory recorded = load(caseNumber);
        if (step == null) {
            return DiagramSvg.render(recorded.model(), recorded.taken(Instant.now()), List.of());
        }
        ReplayState state = at(recorded, step);
        return DiagramSvg.render(recorded.model(), state.taken(), state.activeActivities().stream()
                .map(id -> id.replace(CaseHistory.MULTI_INSTANCE_BODY, "")).toList());
    }

    CaseHistory load(String caseNumber) {
        CaseDetails record = cases.find(caseNumber)
                .orElseThrow(() -> new NotFoundException("工单 " + caseNumber + " 不存在"));
        String id = record.processInstanceId();
        HistoricProcessInstance process = history.createHistoricProcessInstanceQuery().processInstanceId(id)
                .singleResult();
        // the case's own variables (the process scope), not the check-in instances' or tasks' local ones
        Set<String> processScoped = history.createHistoricVariableInstanceQuery().processInstanceId(id)
                .disableCustomObjectDeserialization().list().stream()
                .filter(variable -> id.equals(variable.getActivityInstanceId()))
                .map(HistoricVariableInstance::getId).collect(Collectors.toSet());
        List<HistoricVariableUpdate> updates = history.createHistoricDetailQuery().processInstanceId(id)
                .variableUpdates().disableCustomObjectDeserialization().list()
                .stream().map(HistoricVariableUpdate.class::cast)
                .filter(update -> processScoped.contains(update.getVariableInstanceId()))
                .sorted(Comparator.comparing(HistoricVariableUpdate::getTime)
                        .thenComparing(HistoricVariableUpdate::getRevision)).toList();
        // the processes the case called (the mediation, a consultation meeting): their tasks and timers are the
        // case's too, so that a step during the call shows who held what and the limits running, not a gap; the
        // diagram and the path stay the case's own process, where the call activity is the step that is active
        List<HistoricProcessInstance> called = calledBy(id);
        List<String> all = new java.util.ArrayList<>(List.of(id));
        called.forEach(instance -> all.add(instance.getId()));
        var tasks = all.stream().flatMap(instance -> history.createHistoricTaskInstanceQuery()
                .processInstanceId(instance).list().stream()).toList();
        var links = tasks.stream().collect(Collectors.toMap(task -> task.getId(),
                task -> history.createHistoricIdentityLinkLogQuery().taskId(task.getId()).orderByTime().asc().list()
                        .stream().map(HistoricIdentityLinkLog.class::cast).toList()));
        return new CaseHistory(record, process, repository.getBpmnModelInstance(process.getProcessDefinitionId()),
                history.createHistoricActivityInstanceQuery().processInstanceId(id)
                        .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list(),
                tasks, links, updates,
                all.stream().flatMap(instance -> history.createHistoricJobLogQuery().processInstanceId(instance)
                        .orderPartiallyByOccurrence().asc().list().stream())
                        .filter(entry -> entry.getJobDefinitionType() != null
                                && entry.getJobDefinitionType().startsWith("timer")).toList(),
                called.stream().map(instance -> repository.getBpmnModelInstance(instance.getProcessDefinitionId()))
                        .toList());
    }

    /** The instances a process instance called, and those they called in turn. */
    private List<HistoricProcessInstance> calledBy(String processInstanceId) {
        List<HistoricProcessInstance> all = new java.util.ArrayList<>();
        for (HistoricProcessInstance called : history.createHistoricProcessInstanceQuery()
                .superProcessInstanceId(processInstanceId).list()) {
            all.add(called);
            all.addAll(calledBy(called.getId()));
        }
        return all;
    }
}
