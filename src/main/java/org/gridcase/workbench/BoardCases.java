package org.gridcase.workbench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridcase.casework.CaseClocks;
import org.gridcase.casework.CaseDetails;
import org.gridcase.casework.CaseStatus;
import org.gridcase.casework.LadderRung;
import org.gridcase.casework.LadderStage;
import org.gridcase.registry.Urgency;
import org.gridcase.worktime.LimitText;
import org.gridcase.worktime.WorkingTimeExpressions;
import org.springframework.stereotype.Component;

/**
 * Cases (already scoped by CaseQueries) as the boards show them. Everything late is counted from the deadlines
 * at the moment of the request, so a board shows a check-in or handling overdue as soon as its limit passes,
 * whichever group holds the task and whether or not the ladder's timer has run yet.
 */
@Component
class BoardCases {

    private final CaseClocks clocks;
    private final OpenTasks openTasks;
    private final Names names;
    private final WorkingTimeExpressions workingTime;
    private final CaseList list;

    BoardCases(CaseClocks clocks, OpenTasks openTasks, Names names, WorkingTimeExpressions workingTime,
            CaseList list) {
        this.clocks = clocks;
        this.openTasks = openTasks;
        this.names = names;
        this.workingTime = workingTime;
        this.list = list;
    }

    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** A check-in that has not happened by its deadline. */
    static boolean checkInOverdue(CaseDetails.Department department, Instant now) {
        return department.checkedInAt() == null && department.checkInDue() != null
                && department.checkInDue().isBefore(now);
    }

    /**
     * The current summons of each department: one summoned again after a return (退单) has a newer summons, and
     * its check-in belongs to that one (CaseRecord), so the older summons no longer count.
     */
    static List<CaseDetails.Department> current(CaseDetails c) {
        Map<String, CaseDetails.Department> latest = new LinkedHashMap<>();
        for (CaseDetails.Department d : c.departments()) {
            latest.remove(d.departmentCode());
            latest.put(d.departmentCode(), d);
        }
        return List.copyOf(latest.values());
    }

    /** Handling that runs past its deadline. */
    static boolean handlingOverdue(CaseDetails c, Instant now) {
        return CaseStatus.UNDER_HANDLING.contains(c.status()) && c.handlingDue() != null
                && c.handlingDue().isBefore(now);
    }

    /** An open step with a limit of its own (the return visit, a mediation session, a commitment) past it. */
    static boolean stepOverdue(CaseDetails c, Instant now) {
        return c.status() != CaseStatus.CLOSED && c.stepDue() != null && c.stepDue().isBefore(now);
    }

    /**
     * Waiting past its limit for the street's whistle (WHISTLED), a placement by hand (still RECEIVED) or the grid's
     * response on the spot (ON_THE_SPOT, until the limit's timer passes the case to the street): the statuses in
     * which the list's 已超时 view reads the same limit (CaseStatus.AWAITING_DISPATCH).
     */
    static boolean dispatchOverdue(CaseDetails c, Instant now) {
        return CaseStatus.AWAITING_DISPATCH.contains(c.status()) && c.dispatchDue() != null
                && c.dispatchDue().isBefore(now);
    }

    /**
     * Late now at any of its steps: waiting for a dispatch, a department's check-in, the handling, the return visit,
     * a mediation session or a meeting's commitment.
     */
    static boolean overdue(CaseDetails c, Instant now) {
        return handlingOverdue(c, now) || dispatchOverdue(c, now) || stepOverdue(c, now)
                || current(c).stream().anyMatch(d -> checkInOverdue(d, now));
    }

    static boolean redCarded(CaseDetails c) {
        return c.escalations().stream().anyMatch(e -> e.rung() == LadderRung.RED_CARD);
    }

    /** The cases as board rows, in the order given. */
    List<BoardCase> of(Collection<CaseDetails> cases) {
        Instant now = now();
        Instant nearDue = list.nearDueLimit();
        CaseClocks.Clocks clock = clocks.of(cases);
        // a case whistled before its record held the whistle's limit (V50) has only its task's due date; the
        // others' deadline is on the record, and their tasks are not asked for
        Map<String, List<OpenTasks.OpenTask>> whistles = openTasks.of(cases.stream()
                .filter(c -> c.status() == CaseStatus.WHISTLED && c.dispatchDue() == null)
                .map(CaseDetails::processInstanceId).filter(Objects::nonNull).toList());
        Names.Lookup lookup = names.lookup();
        List<BoardCase> rows = new ArrayList<>();
        for (CaseDetails c : cases) {
            Instant deadline = deadline(c, whistles.getOrDefault(c.processInstanceId(), List.of()));
            boolean working = clock.workingTime(c, CaseStatus.UNDER_HANDLING.contains(c.status()) && outstanding(c).isEmpty()
                    ? LadderStage.HANDLING : LadderStage.CHECK_IN);
            List<BoardCase.BoardDepartment> departments = current(c).stream()
                    .sorted(Comparator.comparing((CaseDetails.Department d) -> !d.lead())
                            .thenComparing(CaseDetails.Department::summonedAt,
                                    Comparator.nullsLast(Comparator.naturalOrder())))
                    .map(d -> department(c, d, clock, lookup, now)).toList();
            boolean overdue = overdue(c, now) || deadline != null && deadline.isBefore(now);
            rows.add(new BoardCase(c.caseNumber(), c.categoryName(), c.address(), lookup.unit(c.gridCode()),
                    c.streetCode(), lookup.unit(c.streetCode()), c.status().name(), c.statusLabel(),
                    c.urgency() == Urgency.EMERGENCY, c.urgency().label(), c.receivedAt(), deadline,
                    deadline == null ? null : left(deadline, working, now), working, overdue, departments,
                    CaseFlags.of(c, deadline, nearDue, now), reasons(c, now)));
        }
        return rows;
    }

    private BoardCase.BoardDepartment department(CaseDetails c, CaseDetails.Department d, CaseClocks.Clocks clock,
            Names.Lookup lookup, Instant now) {
        Instant warnAt = clock.checkInWarnAt(c, d);
        CheckInLight light = CheckInLight.of(d, warnAt, now);
        String label = light == CheckInLight.RED && d.checkedInAt() == null ? "逾期未报到"
                : light == CheckInLight.RED ? "超时报到" : light.label();
        String timeLeft = d.checkedInAt() != null || d.checkInDue() == null ? null
                : left(d.checkInDue(), clock.workingTime(c, LadderStage.CHECK_IN), now);
        return new BoardCase.BoardDepartment(d.departmentCode(), lookup.department(d.departmentCode()), d.lead(),
                d.lead() ? "主办" : "协办", light.name(), label, d.checkInDue(), warnAt, d.checkedInAt(),
                lookup.person(d.checkedInBy()), timeLeft);
    }

    /**
     * 应急, 吹哨超时, 定位超时 or 响应超时, 报到超时, 处置超时, 回访超时, 调解超时 or 承诺逾期, 红牌: why a case needs the
     * district's eye.
     */
    static List<String> reasons(CaseDetails c, Instant now) {
        List<String> reasons = new ArrayList<>();
        if (c.urgency() == Urgency.EMERGENCY) {
            reasons.add("应急");
        }
        if (dispatchOverdue(c, now)) {
            reasons.add(switch (c.status()) {
                case WHISTLED -> "吹哨超时";
                case ON_THE_SPOT -> "响应超时";
                default -> "定位超时";
            });
        }
        if (current(c).stream().anyMatch(d -> checkInOverdue(d, now))) {
            reasons.add("报到超时");
        }
        if (handlingOverdue(c, now)) {
            reasons.add("处置超时");
        }
        if (stepOverdue(c, now)) {
            reasons.add(switch (c.status()) {
                case RETURN_VISIT -> "回访超时";
                case MEDIATING -> "调解超时";
                default -> "承诺逾期"; // a consultation meeting's commitment, while the meeting is the handling
            });
        }
        if (redCarded(c)) {
            reasons.add("红牌");
        }
        return reasons;
    }

    /**
     * The next deadline: the earliest outstanding check-in, an open step's own (the return visit's, a session's, a
     * commitment's), the handling deadline, or the whistle's.
     */
    private static Instant deadline(CaseDetails c, List<OpenTasks.OpenTask> whistle) {
        List<CaseDetails.Department> waiting = outstanding(c);
        if (!waiting.isEmpty()) {
            return waiting.stream().map(CaseDetails.Department::checkInDue).filter(Objects::nonNull)
                    .min(Comparator.naturalOrder()).orElse(null);
        }
        if (c.stepDue() != null) {
            return c.stepDue();
        }
        if (CaseStatus.UNDER_HANDLING.contains(c.status())) {
            return c.handlingDue();
        }
        return CaseList.deadline(c, whistle);
    }

    private static List<CaseDetails.Department> outstanding(CaseDetails c) {
        return current(c).stream().filter(d -> d.checkedInAt() == null).toList();
    }

    /** "剩余 1 小时 20 分（工作时间）", or on the clock "剩余 12 分钟"; "已超时" once passed. */
    String left(Instant deadline, boolean working, Instant now) {
        if (working) {
            return workingTime.describeLeft(deadline);
        }
        if (!deadline.isAfter(now)) {
            return "已超时";
        }
        Duration left = Duration.between(now, deadline);
        return left.toMinutes() < 1 ? "剩余不足 1 分钟" : "剩余 " + LimitText.of(Duration.ofMinutes(left.toMinutes()).toString());
    }
}
