package org.gridcase.workbench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.gridcase.audit.CaseSteps;
import org.gridcase.casework.CaseDetails;
import org.springframework.stereotype.Component;

/**
 * Each round's return visit of a case, from the recorded writes of its variables: whether the reporter rated it on
 * her tracking page (ratedBy REPORTER) or the community called (COMMUNITY), and the resolution and satisfaction
 * given. The record keeps only the last round's; the variables' history keeps every write. Each round writes
 * ratedBy once, in the same transaction as its resolution and satisfaction (in an order of the engine's choosing, a
 * millisecond apart or not), while rounds are a whole handling apart: a round is a write of ratedBy with the
 * resolution and satisfaction written nearest to it in time. Read as the audit recorded them (CaseSteps: the
 * engine's history, or the case's archive once it has one), as {@link CaseHistorySteps} does.
 */
@Component
class ReturnVisitRounds {

    static final String RATED_BY = "ratedBy";
    static final String RESOLUTION = "resolution";
    static final String SATISFACTION = "satisfaction";

    private final CaseSteps recorded;

    ReturnVisitRounds(CaseSteps recorded) {
        this.recorded = recorded;
    }

    /** {@code by}: 居民评价 or 社区回访; resolution and satisfaction in Chinese. */
    record Round(int round, String by, String resolution, String satisfaction, java.time.Instant at) {
    }

    List<Round> of(CaseDetails c) {
        // the return-visit task's local copies (its input mapping) are not the case's values: CaseSteps leaves them
        Map<String, List<CaseSteps.VariableWrite>> writes = recorded
                .variableWrites(c, Set.of(RATED_BY, RESOLUTION, SATISFACTION)).stream()
                .collect(Collectors.groupingBy(CaseSteps.VariableWrite::name));
        List<Round> rounds = new ArrayList<>();
        for (CaseSteps.VariableWrite ratedBy : writes.getOrDefault(RATED_BY, List.of())) {
            rounds.add(new Round(rounds.size() + 1, "REPORTER".equals(ratedBy.value()) ? "居民评价" : "社区回访",
                    nearest(writes.get(RESOLUTION), ratedBy).map(CasePages::resolution).orElse(null),
                    nearest(writes.get(SATISFACTION), ratedBy).map(CasePages::satisfaction).orElse(null),
                    ratedBy.time()));
        }
        return rounds;
    }

    private static Optional<String> nearest(List<CaseSteps.VariableWrite> writes, CaseSteps.VariableWrite round) {
        if (writes == null) {
            return Optional.empty();
        }
        long at = round.time().toEpochMilli();
        return writes.stream().min(Comparator.comparingLong(w -> Math.abs(w.time().toEpochMilli() - at)))
                .map(w -> String.valueOf(w.value()));
    }
}
