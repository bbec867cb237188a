package org.gridcase.workbench;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridcase.casework.CaseDetails;
import org.gridcase.casework.CaseQueries;
import org.gridcase.casework.CaseStatus;
import org.gridcase.identity.CamundaGroups;
import org.gridcase.notification.NotificationTemplate;
import org.gridcase.notification.Notifications;
import org.gridcase.notification.Recipient;
import org.gridcase.registry.UnitLevel;
import org.gridcase.system.Caller;
import org.gridcase.system.Callers;
import org.gridcase.system.ConflictException;
import org.gridcase.system.InvalidRequestException;
import org.gridcase.system.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 催办: a reminder to whoever holds a case's open step (its assignee, or else its candidate groups), by a
 * supervisor, the case's street or the hotline member who opened it. It is recorded and counted with the case,
 * sent through the notification channel (template URGE) to the holder, and written as a comment on the task, so
 * the holder finds it in the Tasklist too: in the task's history and among the notes its form shows. A case is
 * urged at most once per {@code gridcase.workbench.urge-interval}, whoever urges, so a unit is not flooded.
 */
@Service
class Urging {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M月d日 HH:mm");

    private final CaseQueries cases;
    private final Callers callers;
    private final OpenTasks openTasks;
    private final UrgeRepository urges;
    private final UrgePaceRepository paces;
    private final Notifications notifications;
    private final ProcessEngineConfigurationImpl engine;
    private final Names names;
    private final Duration interval;
    private final ZoneId zone;

    Urging(CaseQueries cases, Callers callers, OpenTasks openTasks, UrgeRepository urges, UrgePaceRepository paces,
            Notifications notifications, ProcessEngineConfigurationImpl engine, Names names,
            @Value("${gridcase.workbench.urge-interval:PT1H}") Duration interval,
            @Value("${gridcase.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.cases = cases;
        this.callers = callers;
        this.openTasks = openTasks;
        this.urges = urges;
        this.paces = paces;
        this.notifications = notifications;
        this.engine = engine;
        this.names = names;
        this.interval = interval;
        this.zone = zone;
    }

    /** Whether the caller may urge this case: supervisors, its street, the hotline member who opened it. */
    static boolean mayUrge(Caller caller, CaseDetails c) {
        return caller.isMemberOf(CamundaGroups.SUPERVISORS)
                || c.streetCode() != null && caller.isMemberOf(CamundaGroups.ofUnit(UnitLevel.STREET, c.streetCode()))
                || caller.isMemberOf(CamundaGroups.HOTLINE) && caller.userId().equals(c.openedBy());
    }

    @Transactional(readOnly = true)
    List<Urge.UrgeView> list(String caseNumber) {
        Names.Lookup lookup = names.lookup();
        return urges.findByCaseNumberOrderByUrgedAtAsc(caseNumber).stream().map(u -> u.view(lookup)).toList();
    }

    @Transactional(readOnly = true)
    int count(String caseNumber) {
        return paces.findById(caseNumber).map(UrgePace::urgeCount).orElse(0);
    }

    /** Urges the step of {@code taskId}, or every open step of the case when it is null. */
    @Transactional
    List<Urge.UrgeView> urge(String caseNumber, String taskId, String words) {
        Caller caller = callers.current();
        CaseDetails c = cases.lookUp(caseNumber)
                .orElseThrow(() -> new NotFoundException("工单 " + caseNumber + " 不存在"));
        if (!mayUrge(caller, c)) {
            throw new Forbidden("只有督办人员、工单所在街道和受理该工单的热线坐席可以催办");
        }
        if (c.status() == CaseStatus.CLOSED) {
            throw new ConflictException("工单 " + caseNumber + " 已办结，无需催办");
        }
        if (c.processInstanceId() == null) { // a case of the demo history: recorded without a process
            throw new ConflictException("工单 " + caseNumber + " 没有在办的流程，无需催办");
        }
        List<OpenTasks.OpenTask> open = openTasks.of(List.of(c.processInstanceId()))
                .getOrDefault(c.processInstanceId(), List.of()).stream()
                .filter(task -> taskId == null || task.id().equals(taskId)).toList();
        if (open.isEmpty()) {
            if (taskId != null) {
                throw new InvalidRequestException("taskId", "不是该工单当前待办的环节");
            }
            throw new ConflictException("工单 " + caseNumber + " 当前没有待办环节可催办");
        }
        Instant now = ClockUtil.getCurrentTime().toInstant();
        pace(caseNumber, now);
        Names.Lookup lookup = names.lookup();
        List<Urge.UrgeView> done = new ArrayList<>();
        for (OpenTasks.OpenTask task : open) {
            String holder = CaseList.holder(task, lookup);
            String text = send(c, task, holder, lookup.person(caller.userId()), words);
            comment(task, text);
            done.add(urges.save(new Urge(caseNumber, task.id(), task.step(), holder, caller.userId(), now, words))
                    .view(lookup));
        }
        return done;
    }

    /** Takes the case's turn, or says when it may be urged again; of two urges at once, one wins. */
    private void pace(String caseNumber, Instant now) {
        UrgePace pace = paces.findById(caseNumber).orElseGet(() -> new UrgePace(caseNumber));
        Instant next = pace.nextAllowed(now, interval);
        if (next != null) {
            throw new ConflictException("该工单刚催办过，" + WHEN.format(next.atZone(zone)) + " 后可再次催办");
        }
        pace.urged(now);
        try {
            paces.saveAndFlush(pace);
        } catch (DataIntegrityViolationException | OptimisticLockingFailureException lostRace) {
            throw new ConflictException("该工单刚刚已被他人催办，请稍后再试");
        }
    }

    private String send(CaseDetails c, OpenTasks.OpenTask task, String holder, String urgedBy, String words) {
        List<Recipient> recipients = task.assignee() != null ? List.of(new Recipient("user", task.assignee()))
                : task.candidateGroups().stream().map(Recipient::group).toList();
        String text = null;
        for (Recipient recipient : recipients) {
            text = notifications.send(recipient, c.caseNumber(), NotificationTemplate.URGE, Map.of(
                    "urgedBy", urgedBy, "caseNumber", c.caseNumber(), "categoryName", c.categoryName(),
                    "address", c.address() == null ? "" : c.address(), "step", task.step(), "holder", holder,
                    "words", words == null ? "" : "留言：" + words)).text();
        }
        return text;
    }

    /** The urge as a comment on the task, under the urging caller's name (the engine takes the author from them). */
    private void comment(OpenTasks.OpenTask task, String text) {
        engine.getCommandExecutorTxRequired().execute(context -> {
            // the urge rule was checked above; the caller need not be allowed to work the task to remind its holder
            context.disableAuthorizationCheck();
            try {
                return engine.getTaskService().createComment(task.id(), task.processInstanceId(), text);
            } finally {
                context.enableAuthorizationCheck();
            }
        });
    }
}
