package org.gridcase.workbench;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridcase.casework.CaseDetails;
import org.gridcase.casework.CaseQueries;
import org.gridcase.casework.CaseSearch;
import org.gridcase.casework.CaseStatus;
import org.gridcase.worktime.WorkingTimeExpressions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/** The case list: a search through CaseQueries (which scopes it), each case with where it stands and its deadline. */
@Service
class CaseList {

    private final CaseQueries cases;
    private final OpenTasks openTasks;
    private final Names names;
    private final WorkingTimeExpressions workingTime;
    private final int nearDueHours;

    CaseList(CaseQueries cases, OpenTasks openTasks, Names names, WorkingTimeExpressions workingTime,
            @Value("${gridcase.workbench.near-due-working-hours:4}") int nearDueHours) {
        this.cases = cases;
        this.openTasks = openTasks;
        this.names = names;
        this.workingTime = workingTime;
        this.nearDueHours = nearDueHours;
    }

    /** The end of the 即将超时 window: this many working hours from now, as the Tasklist's filter counts. */
    Instant nearDueLimit() {
        return workingTime.hoursAhead(nearDueHours).toInstant();
    }

    CaseListPage search(CaseSearch search, int page, int size) {
        Sort order = search.more().byDeadline() ? Sort.unsorted() : Sort.by(Sort.Direction.DESC, "receivedAt");
        return rows(cases.search(search, PageRequest.of(page, size, order)));
    }

    CaseListPage rows(Page<CaseDetails> found) {
        Map<String, List<OpenTasks.OpenTask>> tasks = openTasks.of(found.getContent().stream()
                .map(CaseDetails::processInstanceId).filter(Objects::nonNull).toList());
        Names.Lookup lookup = names.lookup();
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Instant nearDue = nearDueLimit();
        List<CaseRow> rows = found.getContent().stream().map(c -> {
            List<OpenTasks.OpenTask> open = tasks.getOrDefault(c.processInstanceId(), List.of());
            Instant deadline = deadline(c, open);
            return new CaseRow(c.caseNumber(), c.categoryName(), c.address(), c.status().name(), c.statusLabel(),
                    open.stream().map(OpenTasks.OpenTask::step).distinct().toList(),
                    open.stream().map(task -> holder(task, lookup)).distinct().toList(),
                    deadline, deadline == null || c.status() == CaseStatus.CLOSED ? null
                            : workingTime.describeLeft(deadline),
                    c.urgency().label(), lookup.unit(c.streetCode()), c.receivedAt(),
                    CaseFlags.of(c, deadline, nearDue, now));
        }).toList();
        return new CaseListPage(rows, found.getNumber(), found.getSize(), found.getTotalElements(),
                found.getTotalPages());
    }

    /** Who holds a step: its assignee by name, or the groups that may claim it. */
    static String holder(OpenTasks.OpenTask task, Names.Lookup lookup) {
        if (task.assignee() != null) {
            return lookup.person(task.assignee());
        }
        return String.join("、", task.candidateGroups().stream().map(lookup::group).toList());
    }

    /**
     * The deadline the case waits on, as the list sorts by it (CaseNarrowing): while it waits for the street's
     * whistle, a placement by hand or the grid's response, the limit the ladder set on the record (the step's due
     * date is the same limit counted again a moment later, when the step is made: the two differed by up to a second,
     * and rows sorted by the one showed the other out of order); else the earliest due date of its open steps (the
     * record keeps the same: a check-in's, the return visit's, a mediation session's or a commitment's); without any, the handling
     * deadline while it runs.
     */
    static Instant deadline(CaseDetails c, List<OpenTasks.OpenTask> open) {
        if (CaseStatus.AWAITING_DISPATCH.contains(c.status()) && c.dispatchDue() != null) {
            return c.dispatchDue();
        }
        return open.stream().map(OpenTasks.OpenTask::due).filter(Objects::nonNull).min(Comparator.naturalOrder())
                .orElse(CaseStatus.UNDER_HANDLING.contains(c.status()) ? c.handlingDue() : null);
    }
}
