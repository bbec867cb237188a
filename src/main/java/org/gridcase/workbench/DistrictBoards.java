package org.gridcase.workbench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gridcase.casework.CaseDetails;
import org.gridcase.casework.CaseFlag;
import org.gridcase.casework.CaseQueries;
import org.gridcase.casework.CaseSearch;
import org.gridcase.casework.LadderRung;
import org.gridcase.registry.Urgency;
import org.gridcase.system.Caller;
import org.gridcase.system.Callers;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/**
 * The district board (区级看板), for supervisors and the leadership group. Overdue is asked of the deadlines at
 * the moment of the request (CaseSearch.More.overdueNow), not of the late flags the ladder's timers set, so a
 * whistle, placement by hand, check-in or handling shows here as soon as its limit passes, whichever group holds
 * the task.
 */
@Service
class DistrictBoards {

    /** Each of the three lists shows at most this many cases, the nearest deadline first. */
    static final int PER_LIST = 200;

    private final CaseQueries cases;
    private final BoardCases board;
    private final Callers callers;
    private final Names names;

    DistrictBoards(CaseQueries cases, BoardCases board, Callers callers, Names names) {
        this.cases = cases;
        this.board = board;
        this.callers = callers;
        this.names = names;
    }

    DistrictBoard board() {
        Caller caller = callers.current();
        if (!StreetBoards.districtWide(caller)) {
            throw new BoardAccessDenied("区级看板仅供区督办和区领导小组查看");
        }
        Page<CaseDetails> emergencies = search(Set.of(), more(Urgency.EMERGENCY, false));
        Page<CaseDetails> overdue = search(Set.of(), more(null, true));
        Page<CaseDetails> escalated = search(Set.of(CaseFlag.ESCALATED), more(null, false));
        Map<String, CaseDetails> all = new LinkedHashMap<>();
        for (Page<CaseDetails> page : List.of(overdue, emergencies, escalated)) {
            page.getContent().stream().filter(c -> page != escalated || BoardCases.redCarded(c))
                    .forEach(c -> all.putIfAbsent(c.caseNumber(), c));
        }
        Instant now = BoardCases.now();
        List<BoardCase> rows = new ArrayList<>(board.of(all.values()));
        rows.sort(Comparator.comparing((BoardCase row) -> !row.overdue())
                .thenComparing(BoardCase::deadline, Comparator.nullsLast(Comparator.naturalOrder())));
        int redCarded = (int) escalated.getContent().stream().filter(BoardCases::redCarded).count();
        boolean truncated = List.of(emergencies, overdue, escalated).stream()
                .anyMatch(page -> page.getTotalElements() > page.getNumberOfElements());
        return new DistrictBoard(now, (int) emergencies.getTotalElements(), (int) overdue.getTotalElements(),
                redCarded, rows, byStreet(all.values(), now), byDepartment(all.values(), now), truncated);
    }

    private List<DistrictBoard.Count> byStreet(Iterable<CaseDetails> found, Instant now) {
        Names.Lookup lookup = names.lookup();
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (CaseDetails c : found) {
            int[] count = counts.computeIfAbsent(c.streetCode() == null ? "" : c.streetCode(), s -> new int[3]);
            count[0] += c.urgency() == Urgency.EMERGENCY ? 1 : 0;
            count[1] += BoardCases.overdue(c, now) ? 1 : 0;
            count[2] += BoardCases.redCarded(c) ? 1 : 0;
        }
        return counts(counts, code -> code.isEmpty() ? "未定位" : lookup.unit(code));
    }

    private List<DistrictBoard.Count> byDepartment(Iterable<CaseDetails> found, Instant now) {
        Names.Lookup lookup = names.lookup();
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (CaseDetails c : found) {
            for (CaseDetails.Department d : BoardCases.current(c)) {
                int[] count = counts.computeIfAbsent(d.departmentCode(), s -> new int[3]);
                count[0] += c.urgency() == Urgency.EMERGENCY ? 1 : 0;
                count[1] += BoardCases.checkInOverdue(d, now)
                        || d.lead() && BoardCases.handlingOverdue(c, now) ? 1 : 0;
                count[2] += (int) c.escalations().stream().filter(e -> e.rung() == LadderRung.RED_CARD
                        && d.departmentCode().equals(e.departmentCode())).count();
            }
        }
        return counts(counts, lookup::department);
    }

    private static List<DistrictBoard.Count> counts(Map<String, int[]> counts,
            java.util.function.Function<String, String> name) {
        return counts.entrySet().stream()
                .filter(e -> e.getValue()[0] + e.getValue()[1] + e.getValue()[2] > 0)
                .map(e -> new DistrictBoard.Count(e.getKey(), name.apply(e.getKey()), e.getValue()[0],
                        e.getValue()[1], e.getValue()[2]))
                .sorted(Comparator.comparing((DistrictBoard.Count c) -> -(c.overdue() + c.redCards() + c.emergencies()))
                        .thenComparing(DistrictBoard.Count::code))
                .toList();
    }

    private Page<CaseDetails> search(Set<CaseFlag> flags, CaseSearch.More more) {
        return cases.search(new CaseSearch(null, null, null, null, null, null, flags, more),
                PageRequest.of(0, PER_LIST));
    }

    private static CaseSearch.More more(Urgency urgency, boolean overdueNow) {
        return new CaseSearch.More(null, null, null, null, true, urgency, null, overdueNow, false, false, true,
                null);
    }
}
