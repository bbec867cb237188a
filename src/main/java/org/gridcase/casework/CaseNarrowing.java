package org.gridcase.casework;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import org.gridcase.system.Caller;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/**
 * The workbench's criteria ({@link CaseSearch.More}) as a condition on the record, within the caller's scope
 * (CaseQueries adds it to {@link CaseAccess.Scope#workedOn()}, never instead of it).
 */
@Component
class CaseNarrowing {

    /** "我经手的" looks at the cases the caller acted on latest: enough for a desk's working memory, bounded. */
    static final int ACTED_CASES = 1000;

    private final CaseActors actors;

    CaseNarrowing(CaseActors actors) {
        this.actors = actors;
    }

    Specification<CaseRecord> of(CaseSearch.More more, CaseAccess.Scope scope) {
        List<Long> actedIn = more.actedByCaller() ? casesWorkedOn(scope.caller()) : List.of();
        Instant now = CaseFile.now();
        return (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            if (more.category() != null) {
                all.add(cb.or(cb.equal(root.get("category"), more.category()),
                        cb.like(root.get("category"), more.category() + ".%")));
            }
            if (more.unitCode() != null) {
                all.add(cb.equal(root.get(switch (more.unitCode().length()) {
                    case 15 -> "gridCode";
                    case 12 -> "communityCode";
                    default -> "streetCode";
                }), more.unitCode()));
            }
            if (more.addressText() != null) {
                all.add(cb.like(root.get("address"), "%" + escaped(more.addressText()) + "%", '\\'));
            }
            if (more.reporterPhone() != null) {
                all.add(cb.equal(root.get("reporterPhone"), more.reporterPhone()));
                all.add(scope.callsBack().toPredicate(root, query, cb));
            }
            if (more.open()) {
                all.add(cb.notEqual(root.get("status"), CaseStatus.CLOSED));
            }
            if (more.urgency() != null) {
                all.add(cb.equal(root.get("urgency"), more.urgency()));
            }
            if (more.dueBefore() != null) {
                all.add(cb.notEqual(root.get("status"), CaseStatus.CLOSED));
                all.add(cb.or(
                        cb.and(root.get("status").in(CaseStatus.UNDER_HANDLING),
                                cb.between(root.<Instant>get("handlingDue"), now, more.dueBefore())),
                        cb.between(root.<Instant>get("stepDue"), now, more.dueBefore()),
                        cb.and(root.get("status").in(CaseStatus.AWAITING_DISPATCH),
                                cb.between(root.<Instant>get("dispatchDue"), now, more.dueBefore())),
                        CaseQueries.exists(root, query, cb, "departments", d -> cb.and(cb.isNull(d.get("checkedInAt")),
                                cb.between(d.<Instant>get("checkInDue"), now, more.dueBefore())))));
            }
            if (more.overdueNow()) {
                all.add(cb.notEqual(root.get("status"), CaseStatus.CLOSED));
                all.add(cb.or(
                        cb.and(root.get("status").in(CaseStatus.UNDER_HANDLING),
                                cb.lessThan(root.<Instant>get("handlingDue"), now)),
                        cb.lessThan(root.<Instant>get("stepDue"), now),
                        cb.and(root.get("status").in(CaseStatus.AWAITING_DISPATCH),
                                cb.lessThan(root.<Instant>get("dispatchDue"), now)),
                        CaseQueries.exists(root, query, cb, "departments", d -> cb.and(cb.isNull(d.get("checkedInAt")),
                                cb.lessThan(d.<Instant>get("checkInDue"), now)))));
            }
            if (more.actedByCaller()) {
                String me = scope.caller().userId();
                List<Predicate> any = new ArrayList<>();
                any.add(cb.equal(root.get("openedBy"), me));
                any.add(CaseQueries.exists(root, query, cb, "departments", d -> cb.equal(d.get("checkedInBy"), me)));
                if (!actedIn.isEmpty()) {
                    any.add(root.get("id").in(actedIn));
                }
                all.add(cb.or(any.toArray(Predicate[]::new)));
            }
            if (more.leadDepartment() != null) {
                all.add(cb.equal(root.get("leadDepartment"), more.leadDepartment()));
            }
            if (more.openedByCaller()) {
                all.add(cb.equal(root.get("openedBy"), scope.caller().userId()));
            }
            if (more.byDeadline() && !Long.class.equals(query.getResultType())) {
                // open cases by the deadline they wait on (the record keeps it, CaseRecord.nextDue), then open
                // cases without one, then closed cases (which have none), each newest first
                Expression<Instant> deadline = root.get("nextDue");
                query.orderBy(cb.asc(cb.selectCase().when(cb.isNull(deadline), 1).otherwise(0)),
                        cb.asc(cb.selectCase().when(cb.equal(root.get("status"), CaseStatus.CLOSED), 1)
                                .otherwise(0)),
                        cb.asc(deadline), cb.desc(root.get("receivedAt")));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
    }

    /**
     * The cases in one of whose processes the caller completed a task (the Tasklist's steps, check-ins included),
     * from gridcase's own record of it (CaseActors): the engine's history of a closed case goes once the audit has
     * archived it.
     */
    private List<Long> casesWorkedOn(Caller caller) {
        return caller.known() ? actors.casesOf(caller.userId(), ACTED_CASES) : List.of();
    }

    static String escaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
