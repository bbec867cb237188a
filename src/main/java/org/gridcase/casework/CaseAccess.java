package org.gridcase.casework;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import org.gridcase.identity.CamundaGroups;
import org.gridcase.registry.UnitLevel;
import org.gridcase.system.Caller;
import org.gridcase.system.Callers;
import org.gridcase.system.PhoneNumbers;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/**
 * Which cases the current caller may work on, and whether they may see the reporter's phone: the one place these
 * rules live. Every query of {@link CaseQueries}, the notes and the notifications of a case go through a
 * {@link Scope}; the case record's repository is package-private, so nothing outside casework reads around it.
 * Anything out of scope is simply not found, so a 404 does not tell a caller whether a case number exists.
 *
 * <p>Working on a case follows the unit tree: a grid, community or street works on the cases placed in it (the
 * unit's group; street dispatchers are in their street's), a department on the cases it was summoned to, lead or
 * assisting, and a department or outside body on the cases it took on a consultation meeting's commitment for
 * (kept after the commitment is done, as a summons is kept after the check-in); the hotline on the cases its
 * member took. Supervisors, the district's leadership group (told of red cards, it reads the district board),
 * auditors and administrators work on all.
 * The hotline may also look any case up by number to answer a caller ({@link Scope#lookUp()}).
 *
 * <p>The reporter's phone is shown in full only to those who must call back: the community that makes the return
 * visit and the hotline member who took the call. Everyone else, supervisors included, gets it masked.
 */
@Component
class CaseAccess {

    private static final Set<String> SEE_ALL = Set.of(CamundaGroups.SUPERVISORS, CamundaGroups.LEADERS,
            CamundaGroups.AUDITORS, CamundaGroups.ADMINISTRATORS);

    private final Callers callers;
    private final CaseRecordRepository records;

    CaseAccess(Callers callers, CaseRecordRepository records) {
        this.callers = callers;
        this.records = records;
    }

    /** The rules for whoever is calling now (taken once, so one request answers with one set of rules). */
    Scope current() {
        return new Scope(callers.current());
    }

    /** The case, if the caller works on it; otherwise as if it did not exist. */
    Optional<CaseRecord> workedOn(Scope scope, String caseNumber) {
        return records.findOne(scope.workedOn().and(numbered(caseNumber)));
    }

    static Specification<CaseRecord> numbered(String caseNumber) {
        return (root, query, cb) -> cb.equal(root.get("caseNumber"), caseNumber);
    }

    record Scope(Caller caller) {

        /** The cases the caller reads, lists and annotates, and whose notifications they read. */
        Specification<CaseRecord> workedOn() {
            return (root, query, cb) -> {
                if (SEE_ALL.stream().anyMatch(caller::isMemberOf)) {
                    return cb.conjunction();
                }
                List<Predicate> any = new ArrayList<>();
                unitCodes(UnitLevel.GRID).ifPresent(codes -> any.add(root.get("gridCode").in(codes)));
                unitCodes(UnitLevel.COMMUNITY).ifPresent(codes -> any.add(root.get("communityCode").in(codes)));
                unitCodes(UnitLevel.STREET).ifPresent(codes -> any.add(root.get("streetCode").in(codes)));
                Set<String> departments = CamundaGroups.departmentCodes(caller.groups());
                if (!departments.isEmpty()) {
                    any.add(CaseQueries.exists(root, query, cb, "departments",
                            d -> d.get("departmentCode").in(departments)));
                    any.add(committed(root, query, cb, departments));
                }
                if (caller.isMemberOf(CamundaGroups.HOTLINE)) {
                    any.add(cb.equal(root.get("openedBy"), caller.userId()));
                }
                // nobody, or a login in no unit: a condition no row meets, spelled out rather than an empty OR
                return any.isEmpty() ? cb.isNull(root.get("id")) : cb.or(any.toArray(Predicate[]::new));
            };
        }

        /** A party that took on a commitment for the case (CaseParties), done or not. */
        private static Predicate committed(Root<CaseRecord> root, CriteriaQuery<?> query, CriteriaBuilder cb,
                Set<String> parties) {
            Subquery<Long> rows = query.subquery(Long.class);
            Root<CommitmentParty> party = rows.from(CommitmentParty.class);
            return cb.exists(rows.select(party.get("caseId")).where(cb.equal(party.get("caseId"), root.get("id")),
                    party.get("partyCode").in(parties)));
        }

        /**
         * {@link #workedOn()} spelled out, for rows kept outside casework (CaseQueries#scope). A commitment
         * party's cases are not in it: the evaluation counts a department's summonses, not its commitments.
         */
        CaseScope describe() {
            if (SEE_ALL.stream().anyMatch(caller::isMemberOf)) {
                return new CaseScope(true, Set.of(), Set.of(), Set.of(), Set.of(), null);
            }
            return new CaseScope(false, CamundaGroups.unitCodes(UnitLevel.GRID, caller.groups()),
                    CamundaGroups.unitCodes(UnitLevel.COMMUNITY, caller.groups()),
                    CamundaGroups.unitCodes(UnitLevel.STREET, caller.groups()),
                    CamundaGroups.departmentCodes(caller.groups()),
                    caller.isMemberOf(CamundaGroups.HOTLINE) ? caller.userId() : null);
        }

        /** The cases the caller may open by number: those they work on, and any case for the hotline. */
        Specification<CaseRecord> lookUp() {
            return caller.isMemberOf(CamundaGroups.HOTLINE) ? (root, query, cb) -> cb.conjunction() : workedOn();
        }

        /** The cases whose reporter's phone the caller may see ({@link #callsBack(CaseRecord)} as a condition). */
        Specification<CaseRecord> callsBack() {
            return (root, query, cb) -> {
                List<Predicate> any = new ArrayList<>();
                unitCodes(UnitLevel.COMMUNITY).ifPresent(codes -> any.add(root.get("communityCode").in(codes)));
                if (caller.isMemberOf(CamundaGroups.HOTLINE)) {
                    any.add(cb.equal(root.get("openedBy"), caller.userId()));
                }
                return any.isEmpty() ? cb.isNull(root.get("id")) : cb.or(any.toArray(Predicate[]::new));
            };
        }

        /** The community making the return visit, and the hotline member who took the call. */
        boolean callsBack(CaseRecord record) {
            return record.communityCode() != null
                    && caller.isMemberOf(CamundaGroups.ofUnit(UnitLevel.COMMUNITY, record.communityCode()))
                    || caller.isMemberOf(CamundaGroups.HOTLINE) && caller.userId().equals(record.openedBy());
        }

        /** The case with the reporter's phone as this caller may see it. */
        CaseDetails details(CaseRecord record) {
            String phone = record.reporterPhone();
            return record.details(callsBack(record) ? phone : PhoneNumbers.mask(phone));
        }

        /** A text about the case (a message, its recipient) with the reporter's phone masked unless they call back. */
        String shown(CaseRecord record, String text) {
            String phone = record.reporterPhone();
            return text == null || phone == null || phone.isBlank() || callsBack(record) ? text
                    : text.replace(phone, PhoneNumbers.mask(phone));
        }

        private Optional<Set<String>> unitCodes(UnitLevel level) {
            Set<String> codes = CamundaGroups.unitCodes(level, caller.groups());
            return codes.isEmpty() ? Optional.empty() : Optional.of(codes);
        }
    }
}
