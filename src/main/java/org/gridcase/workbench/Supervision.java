package org.gridcase.workbench;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridcase.casework.CaseDetails;
import org.gridcase.casework.CaseQueries;
import org.gridcase.casework.CaseStatus;
import org.gridcase.system.Caller;
import org.gridcase.system.Callers;
import org.gridcase.system.ConflictException;
import org.gridcase.system.NotFoundException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 督办 by hand: a supervisor opens supervision on a case whose handling worries them, before or without its
 * deadline passing. The process's event sub-process {@code EventSubProcess_SupervisedByHand} (message
 * {@value #MESSAGE}) opens the same kind of task the overdue path opens, for the supervisors, in the Tasklist's
 * 督办 filter, while the case goes on. One supervision at a time: while a supervision task of the case is open,
 * or for a closed case, the answer is 409. The reason is recorded with the case and as a comment on it.
 */
@Service
class Supervision {

    static final String MESSAGE = "SupervisionRequested";
    static final String REASON = "supervisionReason";
    static final Set<String> SUPERVISION_TASKS = Set.of("Task_SuperviseCaseByHand", "Task_SuperviseOverdueCase");

    private final CaseQueries cases;
    private final Callers callers;
    private final OpenTasks openTasks;
    private final SupervisionRequestRepository requests;
    private final ProcessEngineConfigurationImpl engine;
    private final Names names;

    Supervision(CaseQueries cases, Callers callers, OpenTasks openTasks, SupervisionRequestRepository requests,
            ProcessEngineConfigurationImpl engine, Names names) {
        this.cases = cases;
        this.callers = callers;
        this.openTasks = openTasks;
        this.requests = requests;
        this.engine = engine;
        this.names = names;
    }

    @Transactional(readOnly = true)
    SupervisionRequest.View latest(String caseNumber) {
        return requests.findById(caseNumber).map(r -> r.view(names.lookup())).orElse(null);
    }

    @Transactional
    SupervisionRequest.View request(String caseNumber, String reason) {
        Caller caller = callers.current();
        if (!WorkbenchViews.isSupervisor(caller)) {
            throw new Forbidden("只有区督办人员可以发起督办");
        }
        CaseDetails c = cases.lookUp(caseNumber)
                .orElseThrow(() -> new NotFoundException("工单 " + caseNumber + " 不存在"));
        if (c.status() == CaseStatus.CLOSED) {
            throw new ConflictException("工单 " + caseNumber + " 已办结，不能督办");
        }
        if (c.processInstanceId() == null) { // a case of the demo history: recorded without a process
            throw new ConflictException("工单 " + caseNumber + " 没有在办的流程，不能督办");
        }
        List<OpenTasks.OpenTask> open = openTasks.of(List.of(c.processInstanceId()))
                .getOrDefault(c.processInstanceId(), List.of());
        if (open.stream().anyMatch(task -> SUPERVISION_TASKS.contains(task.taskKey()))) {
            throw new ConflictException("工单 " + caseNumber + " 正在督办中，请在 Tasklist 的“督办”中办理");
        }
        SupervisionRequest request = requests.findById(caseNumber).orElseGet(() -> new SupervisionRequest(caseNumber));
        request.requested(caller.userId(), ClockUtil.getCurrentTime().toInstant(), reason);
        try {
            requests.saveAndFlush(request);
        } catch (DataIntegrityViolationException | OptimisticLockingFailureException lostRace) {
            throw new ConflictException("工单 " + caseNumber + " 刚刚已被他人发起督办");
        }
        engine.getCommandExecutorTxRequired().execute(context -> {
            // supervisors may supervise every case (checked above); they need no grant on the process instance
            context.disableAuthorizationCheck();
            try {
                engine.getRuntimeService().createMessageCorrelation(MESSAGE)
                        .processInstanceId(c.processInstanceId()).setVariable(REASON, reason).correlate();
                engine.getTaskService().createComment(null, c.processInstanceId(), "【发起督办】" + reason);
                return null;
            } finally {
                context.enableAuthorizationCheck();
            }
        });
        return request.view(names.lookup());
    }
}
