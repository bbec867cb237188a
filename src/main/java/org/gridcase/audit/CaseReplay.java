package org.gridcase.audit;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
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
    private final AuditRecords records;
    private final RepositoryService repository;
    private final AuditNames names;
    private final VariableValues values;
    private final ZoneId zone;

    CaseReplay(CaseQueries cases, CaseTimeline timeline, AuditRecords records, RepositoryService repository,
            AuditNames names, VariableValues values, @Value("${gridcase.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.cases = cases;
        this.timeline = timeline;
        this.records = records;
        this.repository = repository;
        this.names = names;
        this.values = values;
        this.zone = zone;
    }

    public Replay of(String caseNumber) {
        return of(load(caseNumber));
    }

    Replay of(CaseHistory recorded) {
        return of(recorded, timeline.of(recorded));
    }

    /** The replay with its timeline made already (the archive's check makes it once for the replay and its steps). */
    Replay of(CaseHistory recorded, List<TimelineEvent> steps) {
        String caseNumber = recorded.record().caseNumber();
        ProcessDefinition definition = repository.getProcessDefinition(recorded.process().processDefinitionId());
        return new Replay(caseNumber, definition.getId(), definition.getKey(), definition.getName(),
                definition.getVersion(),
                "/api/audit/cases/" + caseNumber + "/diagram.svg", steps,
                recorded.taken(Instant.now()), zone.getId());
    }

    /** The case after step {@code step} (counted from 0) of its timeline. */
    public ReplayState at(String caseNumber, int step) {
        return at(load(caseNumber), step);
    }

    ReplayState at(CaseHistory recorded, int step) {
        List<TimelineEvent> steps = timeline.of(recorded);
        if (step < 0 || step >= steps.size()) {
            throw new InvalidRequestException("step", "应在 0 到 " + (steps.size() - 1) + " 之间");
        }
        return recorded.stateAt(step, steps.get(step).at(), new EventMaker(names.memo(), recorded.model(),
                recorded.calledModels()), values);
    }

    /** The case after each step of its timeline, the timeline made once (the archive's check replays them all). */
    List<ReplayState> everyStep(CaseHistory recorded, List<TimelineEvent> steps) {
        EventMaker make = new EventMaker(names.memo(), recorded.model(), recorded.calledModels());
        return java.util.stream.IntStream.range(0, steps.size())
                .mapToObj(step -> recorded.stateAt(step, steps.get(step).at(), make, values)).toList();
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
        return load(record, records.of(record));
    }

    /**
     * The case's records with the models they ran on: its own process's and those of the processes it called (the
     * mediation, a consultation meeting), whose steps are the case's too. The records come from the port
     * (AuditRecords), so a case's called steps replay the same from its archive as from the engine's history.
     */
    CaseHistory load(CaseDetails record, CaseRecords recorded) {
        return load(record, recorded, repository);
    }

    static CaseHistory load(CaseDetails record, CaseRecords recorded, RepositoryService repository) {
        CaseRecords.ProcessRecords main = recorded.main();
        List<CaseRecords.ProcessRecords> called = recorded.processes().subList(1, recorded.processes().size());
        return new CaseHistory(record, main, repository.getBpmnModelInstance(main.process().processDefinitionId()),
                List.copyOf(called), called.stream().map(p -> repository.getBpmnModelInstance(
                        p.process().processDefinitionId())).toList());
    }
}
