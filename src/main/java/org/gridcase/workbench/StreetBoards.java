package org.gridcase.workbench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gridcase.casework.CaseDetails;
import org.gridcase.casework.CaseQueries;
import org.gridcase.casework.CaseSearch;
import org.gridcase.casework.CaseStatus;
import org.gridcase.identity.CamundaGroups;
import org.gridcase.registry.UnitLevel;
import org.gridcase.registry.UnitService;
import org.gridcase.system.Caller;
import org.gridcase.system.Callers;
import org.gridcase.system.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/**
 * The street's board (街道看板): for the street's own staff (its group: dispatchers and street staff), and for
 * supervisors and leaders, who choose a street. The cases come from CaseQueries, which scopes them to the caller
 * as well; anyone else is refused rather than shown an empty board.
 */
@Service
class StreetBoards {

    /** The stages in which the street waits on departments. */
    static final List<CaseStatus> STAGES = List.of(CaseStatus.WHISTLED, CaseStatus.CHECKING_IN, CaseStatus.HANDLING,
            CaseStatus.REOPENED);

    /** A board is for the eye: beyond this many cases in one stage it says so rather than growing. */
    static final int PER_STAGE = 100;

    private final CaseQueries cases;
    private final BoardCases board;
    private final UnitService units;
    private final Callers callers;

    StreetBoards(CaseQueries cases, BoardCases board, UnitService units, Callers callers) {
        this.cases = cases;
        this.board = board;
        this.units = units;
        this.callers = callers;
    }

    static boolean districtWide(Caller caller) {
        return caller.isMemberOf(CamundaGroups.SUPERVISORS) || caller.isMemberOf(CamundaGroups.LEADERS);
    }

    StreetBoard board(String requestedStreet) {
        Caller caller = callers.current();
        List<StreetBoard.StreetChoice> choices = choices(caller);
        if (choices.isEmpty()) {
            throw new BoardAccessDenied("街道看板供街道工作人员、区督办和区领导小组查看");
        }
        String street = requestedStreet == null ? choices.get(0).code() : requestedStreet;
        StreetBoard.StreetChoice chosen = choices.stream().filter(c -> c.code().equals(street)).findFirst()
                .orElseThrow(() -> districtWide(caller)
                        ? new NotFoundException("街道 " + street + " 不存在")
                        : new BoardAccessDenied("只能查看本街道的看板"));
        List<CaseDetails> found = new ArrayList<>();
        boolean truncated = false;
        for (CaseStatus stage : STAGES) {
            CaseSearch.More byDeadline = new CaseSearch.More(null, null, null, null, true, null, null, false, false,
                    false, true, null);
            Page<CaseDetails> page = cases.search(new CaseSearch(stage, street, null, null, null, null, Set.of(),
                    byDeadline), PageRequest.of(0, PER_STAGE));
            found.addAll(page.getContent());
            truncated |= page.getTotalElements() > page.getNumberOfElements();
        }
        List<BoardCase> rows = new ArrayList<>(board.of(found));
        // the nearest deadline first, those without one (none yet) last
        rows.sort(Comparator.comparing(BoardCase::deadline, Comparator.nullsLast(Comparator.naturalOrder())));
        Map<String, Integer> lights = new LinkedHashMap<>();
        for (CheckInLight light : CheckInLight.values()) {
            lights.put(light.name(), 0);
        }
        rows.forEach(row -> row.departments().forEach(d -> lights.merge(d.light(), 1, Integer::sum)));
        return new StreetBoard(chosen.code(), chosen.name(), choices, BoardCases.now(), rows, lights, truncated);
    }

    /** The streets the caller may open: every street for supervisors and leaders, else the caller's own. */
    private List<StreetBoard.StreetChoice> choices(Caller caller) {
        Set<String> own = CamundaGroups.unitCodes(UnitLevel.STREET, caller.groups());
        return units.list(UnitLevel.STREET, null).stream()
                .filter(street -> districtWide(caller) || own.contains(street.code()))
                .map(street -> new StreetBoard.StreetChoice(street.code(), street.name())).toList();
    }
}
