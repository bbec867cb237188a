package org.gridcase.workbench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridcase.casework.CaseDetails;
import org.gridcase.casework.CaseNotes;
import org.gridcase.casework.CaseNotifications;
import org.gridcase.casework.CaseQueries;
import org.gridcase.casework.CaseStatus;
import org.gridcase.casework.CoReporters;
import org.gridcase.photo.CasePhotos;
import org.gridcase.system.Caller;
import org.gridcase.system.Callers;
import org.gridcase.system.NotFoundException;
import org.gridcase.worktime.WorkingTimeExpressions;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Builds a case's page. The case comes from CaseQueries.lookUp: those who work on the case, and the hotline for
 * any case (to answer a caller); anyone else gets 404, as for a number that does not exist. Notes and
 * notifications only for those who work on it (CaseNotes, CaseNotifications check that again).
 */
@Service
class CasePages {

    static final String TASKLIST_TASK = "/camunda/app/tasklist/default/#/?task=";

    private final CaseQueries cases;
    private final CaseNotes notes;
    private final CaseNotifications notifications;
    private final Callers callers;
    private final Names names;
    private final GridOutlines outlines;
    private final OpenTasks openTasks;
    private final CaseHistorySteps history;
    private final Urging urging;
    private final CaseList list;
    private final Supervision supervision;
    private final WorkingTimeExpressions workingTime;
    private final PhotoOrigins photos;
    private final CoReporters coReporters;
    private final ReturnVisitRounds returnVisits;
    private final CasePhotos casePhotos;

    CasePages(CaseQueries cases, CaseNotes notes, CaseNotifications notifications, Callers callers, Names names,
            GridOutlines outlines, OpenTasks openTasks, CaseHistorySteps history, Urging urging, CaseList list,
            Supervision supervision, WorkingTimeExpressions workingTime, PhotoOrigins photos,
            CoReporters coReporters, ReturnVisitRounds returnVisits, CasePhotos casePhotos) {
        this.cases = cases;
        this.notes = notes;
        this.notifications = notifications;
        this.callers = callers;
        this.names = names;
        this.outlines = outlines;
        this.openTasks = openTasks;
        this.history = history;
        this.urging = urging;
        this.list = list;
        this.supervision = supervision;
        this.workingTime = workingTime;
        this.photos = photos;
        this.coReporters = coReporters;
        this.returnVisits = returnVisits;
        this.casePhotos = casePhotos;
    }

    CasePage page(String caseNumber) {
        CaseDetails c = cases.lookUp(caseNumber)
                .orElseThrow(() -> new NotFoundException("工单 " + caseNumber + " 不存在"));
        Caller caller = callers.current();
        boolean worksOn = cases.find(caseNumber).isPresent();
        Names.Lookup n = names.lookup();
        Instant now = ClockUtil.getCurrentTime().toInstant();
        boolean open = c.status() != CaseStatus.CLOSED;
        List<OpenTasks.OpenTask> tasks = c.processInstanceId() == null ? List.of()
                : openTasks.of(List.of(c.processInstanceId())).getOrDefault(c.processInstanceId(), List.of());
        Set<String> visible = c.processInstanceId() == null ? Set.of()
                : openTasks.visibleToCaller(c.processInstanceId());
        Instant deadline = CaseList.deadline(c, tasks);

        CasePage.Report report = new CasePage.Report(c.caseNumber(), c.categoryName(), c.urgency().name(),
                c.urgency().label(), channel(c, n), c.description(), c.address(),
                c.lat(), c.lon(), c.photoLinks(),
                photos.pictures(c.photoLinks(), ownOrigin()), c.reporterName(), c.reporterPhone(), c.gridCode(),
                n.unit(c.gridCode()), outlines.of(c.gridCode()), n.unit(c.communityCode()), n.unit(c.streetCode()),
                n.person(c.openedBy()), c.receivedAt(), coReporters.countOf(c.caseNumber()));
        CasePage.Standing standing = new CasePage.Standing(c.status().name(), c.statusLabel(),
                tasks.stream().map(OpenTasks.OpenTask::step).distinct().toList(),
                tasks.stream().map(t -> CaseList.holder(t, n)).distinct().toList(), deadline,
                deadline == null || !open ? null : workingTime.describeLeft(deadline),
                n.department(c.leadDepartment()), c.handlingDue(), c.handlingResult(), resolution(c.resolution()),
                satisfaction(c.satisfaction()), c.reopenCount(), c.returnCount(), c.extensionCount(), c.closedAt(),
                CaseFlags.of(c, deadline, list.nearDueLimit(), now));
        List<CasePage.Department> departments = c.departments().stream().map(d -> new CasePage.Department(
                n.department(d.departmentCode()), d.lead() ? "主办" : "协办", d.summonedAt(), d.checkInDue(),
                d.checkedInAt(), n.person(d.checkedInBy()), d.checkInNote(), checkIn(d, now), d.late())).toList();
        List<CasePage.Escalation> escalations = c.escalations().stream().map(e -> new CasePage.Escalation(
                e.stage().label(), e.label(), n.department(e.departmentCode()), n.group(e.notifiedGroup()),
                e.occurredAt())).toList();
        List<CasePage.Task> openSteps = new ArrayList<>();
        for (OpenTasks.OpenTask task : tasks) {
            openSteps.add(new CasePage.Task(task.id(), task.step(), CaseList.holder(task, n), task.due(),
                    task.due() == null ? null : workingTime.describeLeft(task.due()),
                    visible.contains(task.id()) ? TASKLIST_TASK + task.id() : null));
        }
        CasePage.Actions actions = new CasePage.Actions(worksOn && open, open && Urging.mayUrge(caller, c),
                open && WorkbenchViews.isSupervisor(caller));
        List<CasePage.Note> caseNotes = worksOn ? notes.list(caseNumber).stream()
                .map(note -> new CasePage.Note(n.person(note.author()), note.time(), note.text())).toList() : List.of();
        return new CasePage(report, standing, departments, caseNotes,
                history.of(c, n), worksOn ? notifications.list(caseNumber) : List.of(),
                worksOn ? notifications.deliveries(caseNumber) : List.of(), escalations,
                urging.list(caseNumber), urging.count(caseNumber), supervision.latest(caseNumber), openSteps, actions,
                worksOn, returnVisits.of(c), casePhotos.attachedAtSteps(caseNumber).stream()
                        .map(p -> new CasePage.StepPhoto(p.url(), p.thumbnailUrl(), p.stage(), n.person(p.attachedBy()),
                                p.attachedAt())).toList());
    }

    private static String checkIn(CaseDetails.Department d, Instant now) {
        if (d.checkedInAt() != null) {
            return d.late() || d.checkInDue() != null && d.checkedInAt().isAfter(d.checkInDue()) ? "超时报到" : "按时报到";
        }
        return d.checkInDue() != null && d.checkInDue().isBefore(now) ? "已超时未报到" : "未报到";
    }

    static String resolution(String code) {
        return code == null ? null : switch (code) {
            case "RESOLVED" -> "已解决";
            case "PARTIALLY" -> "部分解决";
            case "UNRESOLVED" -> "未解决";
            default -> code;
        };
    }

    static String satisfaction(String code) {
        return code == null ? null : switch (code) {
            case "SATISFIED" -> "满意";
            case "BASICALLY_SATISFIED" -> "基本满意";
            case "UNSATISFIED" -> "不满意";
            case "NO_RESPONSE" -> "未回复";
            default -> code;
        };
    }

    /** The channel, and where within it: the grid whose QR code opened the report, the Open311 app. */
    private static String channel(CaseDetails c, Names.Lookup n) {
        if (c.channel() == null) {
            return null;
        }
        String source = c.channelSource();
        if (source == null) {
            return c.channel().label();
        }
        return c.channel().label() + (source.startsWith("grid:") ? "（扫码：" + n.unit(source.substring(5)) + "）"
                : "（" + source.substring(source.indexOf(':') + 1) + "）");
    }

    /** gridcase's own origin as the browser reached it: photos stored by gridcase are shown as pictures. */
    private static String ownOrigin() {
        return PhotoOrigins.origin(ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()).orElse("");
    }
}
