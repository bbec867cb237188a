package org.gridcase.casework;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.gridcase.system.ConflictException;
import org.gridcase.system.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notes on a case by the people working it, assisting departments above all, who have no task of their own.
 * They are Camunda comments on the process instance, so they sit in the engine's history under their author's
 * name, beside the tasks; the record itself stays the process's to change.
 */
@Service
public class CaseNotes {

    private final CaseRecordRepository records;
    private final TaskService tasks;
    private final IdentityService identity;

    CaseNotes(CaseRecordRepository records, TaskService tasks, IdentityService identity) {
        this.records = records;
        this.tasks = tasks;
        this.identity = identity;
    }

    public record Note(String author, Instant time, String text) {
    }

    @Transactional
    public Note add(String caseNumber, String author, String text) {
        CaseRecord record = find(caseNumber);
        if (record.status() == CaseStatus.CLOSED) {
            throw new ConflictException("工单 " + caseNumber + " 已办结，不能再添加备注");
        }
        // the engine takes a comment's author from the authenticated user
        identity.setAuthenticatedUserId(author);
        try {
            var comment = tasks.createComment(null, record.details().processInstanceId(), text);
            return new Note(comment.getUserId(), comment.getTime().toInstant(), comment.getFullMessage());
        } finally {
            identity.clearAuthentication();
        }
    }

    @Transactional(readOnly = true)
    public List<Note> list(String caseNumber) {
        CaseRecord record = find(caseNumber);
        return tasks.getProcessInstanceComments(record.details().processInstanceId()).stream()
                .map(c -> new Note(c.getUserId(), c.getTime().toInstant(), c.getFullMessage()))
                .sorted(Comparator.comparing(Note::time))
                .toList();
    }

    private CaseRecord find(String caseNumber) {
        return records.findByCaseNumber(caseNumber)
                .orElseThrow(() -> new NotFoundException("工单 " + caseNumber + " 不存在"));
    }
}
