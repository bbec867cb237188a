package org.gridcase.casework;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.gridcase.system.ConflictException;
import org.gridcase.system.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notes on a case by the people working it, assisting departments above all, who have no task of their own.
 * They are Camunda comments on the process instance, so they sit in the engine's history under their author's
 * name, beside the tasks; the record itself stays the process's to change. Only those who work on the case
 * (CaseAccess) read or add them; to anyone else the case does not exist.
 */
@Service
public class CaseNotes {

    private final CaseAccess access;
    private final TaskService tasks;

    CaseNotes(CaseAccess access, TaskService tasks) {
        this.access = access;
        this.tasks = tasks;
    }

    public record Note(String author, Instant time, String text) {
    }

    /**
     * Adds a note by the current caller: the engine takes a comment's author from its authenticated user, the
     * same caller CaseAccess checked (gridcase's API authenticates every request in the engine).
     */
    @Transactional
    public Note add(String caseNumber, String text) {
        CaseRecord record = workedOn(caseNumber);
        if (record.status() == CaseStatus.CLOSED) {
            throw new ConflictException("工单 " + caseNumber + " 已办结，不能再添加备注");
        }
        if (record.processInstanceId() == null) { // generated demo history (HistoricCases): no process to note on
            throw new ConflictException("工单 " + caseNumber + " 为演示历史数据，没有办理流程，不能添加备注");
        }
        var comment = tasks.createComment(null, record.processInstanceId(), text);
        return new Note(comment.getUserId(), comment.getTime().toInstant(), comment.getFullMessage());
    }

    @Transactional(readOnly = true)
    public List<Note> list(String caseNumber) {
        return ofProcessInstance(workedOn(caseNumber).processInstanceId());
    }

    /**
     * The notes of the case a task belongs to, for the task's form (TaskFormContext): whoever may open the form
     * was allowed the task by the engine, so the case's scope is not asked again.
     */
    List<Note> ofProcessInstance(String processInstanceId) {
        if (processInstanceId == null) {
            return List.of(); // generated demo history (HistoricCases): a record without a process
        }
        return tasks.getProcessInstanceComments(processInstanceId).stream()
                .map(c -> new Note(c.getUserId(), c.getTime().toInstant(), c.getFullMessage()))
                .sorted(Comparator.comparing(Note::time))
                .toList();
    }

    private CaseRecord workedOn(String caseNumber) {
        return access.workedOn(access.current(), caseNumber)
                .orElseThrow(() -> new NotFoundException("工单 " + caseNumber + " 不存在"));
    }
}
