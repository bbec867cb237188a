package org.gridcase.casework;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import org.gridcase.identity.CamundaGroups;
import org.gridcase.system.PhoneNumbers;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading cases: one by number, a page of them, or one for its reporter (by tracking token). Every staff query
 * is limited to the current caller's cases and shows the reporter's phone as they may see it ({@link CaseAccess});
 * there is no way here to read around those rules.
 */
@Service
@Transactional(readOnly = true)
public class CaseQueries {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[A-Z0-9]{1,6}-\\d{8}-\\d{4,}");

    private final CaseRecordRepository records;
    private final CaseAccess access;
    private final CaseNarrowing narrowing;

    CaseQueries(CaseRecordRepository records, CaseAccess access, CaseNarrowing narrowing) {
        this.records = records;
        this.access = access;
        this.narrowing = narrowing;
    }

    /** The case, if the caller works on it (its unit, a summoned department, ...); empty as if it did not exist. */
    public Optional<CaseDetails> find(String caseNumber) {
        CaseAccess.Scope scope = access.current();
        return access.workedOn(scope, caseNumber).map(scope::details);
    }

    /**
     * The case, to answer about it: what {@link #find} gives, and for the hotline any case, so that the desk can
     * tell a caller how a case is going (with the reporter's phone masked unless the desk took that call).
     */
    public Optional<CaseDetails> lookUp(String caseNumber) {
        CaseAccess.Scope scope = access.current();
        return records.findOne(scope.lookUp().and(CaseAccess.numbered(caseNumber))).map(scope::details);
    }

    /** The case, if the token is the one its reporter was given (compared in constant time); phone masked. */
    public Optional<CaseDetails> findForReporter(String caseNumber, String token) {
        return records.findByCaseNumber(caseNumber)
                .filter(record -> token != null && MessageDigest.isEqual(
                        record.trackingToken().getBytes(StandardCharsets.UTF_8),
                        token.getBytes(StandardCharsets.UTF_8)))
                .map(record -> record.details(PhoneNumbers.mask(record.reporterPhone())));
    }

    /**
     * Cases as the public may see them (Open311's GET requests): of one channel only, and as {@link PublicCase},
     * which holds no reporter's name or phone. Not scoped to a caller: it is the public view, like the tracking link.
     */
    public List<PublicCase> findPublic(PublicCase.Search search, int limit) {
        Specification<CaseRecord> spec = (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            all.add(cb.equal(root.get("channel"), search.channel()));
            if (!search.numbers().isEmpty()) {
                all.add(root.get("caseNumber").in(search.numbers()));
                return cb.and(all.toArray(Predicate[]::new));
            }
            if (!search.categories().isEmpty()) {
                all.add(root.get("category").in(search.categories()));
            }
            if (search.from() != null) {
                all.add(cb.greaterThanOrEqualTo(root.get("receivedAt"), search.from()));
            }
            if (search.to() != null) {
                all.add(cb.lessThan(root.get("receivedAt"), search.to()));
            }
            if (search.closed() != null) {
                all.add(search.closed() ? cb.equal(root.get("status"), CaseStatus.CLOSED)
                        : cb.notEqual(root.get("status"), CaseStatus.CLOSED));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
        return records.findAll(spec, org.springframework.data.domain.PageRequest.of(0, limit,
                        org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Direction.DESC,
                                "receivedAt")))
                .map(record -> PublicCase.of(record.details(null))).getContent();
    }

    /**
     * The current caller's scope spelled out, for modules that keep rows of their own per case (the evaluation's
     * facts) and must show a caller only the figures of the cases this class would show them.
     */
    public CaseScope scope() {
        return access.current().describe();
    }

    /** Those of these cases the caller works on, in the page's order (the cases behind an evaluation's figure). */
    public Page<CaseDetails> among(java.util.Collection<String> caseNumbers, Pageable page) {
        CaseAccess.Scope scope = access.current();
        Specification<CaseRecord> listed = (root, query, cb) -> caseNumbers.isEmpty() ? cb.disjunction()
                : root.get("caseNumber").in(caseNumbers);
        return records.findAll(scope.workedOn().and(listed), page).map(scope::details);
    }

    /** The caller's cases that match the search. */
    public Page<CaseDetails> search(CaseSearch search, Pageable page) {
        CaseAccess.Scope scope = access.current();
        return records.findAll(scope.workedOn().and(matching(search)).and(narrowing.of(search.more(), scope)), page)
                .map(scope::details);
    }

    /**
     * The cases a caller on the phone reported, to answer them: the whole number, newest first. The hotline finds
     * any case by it, as it may open any case by number (with the phone masked unless the desk took that call);
     * everyone else only among the cases whose phone they may see.
     */
    public Page<CaseDetails> lookUpByPhone(String phone, Pageable page) {
        CaseAccess.Scope scope = access.current();
        Specification<CaseRecord> byPhone = (root, query, cb) -> cb.equal(root.get("reporterPhone"), phone);
        Specification<CaseRecord> allowed = scope.caller().isMemberOf(CamundaGroups.HOTLINE)
                ? scope.lookUp() : scope.workedOn().and(scope.callsBack());
        return records.findAll(allowed.and(byPhone), page).map(scope::details);
    }

    /**
     * The case for one who holds its tracking token or one of {@code moreTokens} (a co-reporter's, which the
     * resident module keeps), compared in constant time; phone masked. Public: nothing about staff.
     */
    public Optional<CaseDetails> findForReporter(String caseNumber, String token, java.util.Collection<String> moreTokens) {
        return records.findByCaseNumber(caseNumber)
                .filter(record -> token != null && (sameToken(record.trackingToken(), token)
                        | moreTokens.stream().map(t -> sameToken(t, token)).reduce(false, Boolean::logicalOr)))
                .map(record -> record.details(PhoneNumbers.mask(record.reporterPhone())));
    }

    private static boolean sameToken(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Open cases of a category received since {@code since} whose point lies within {@code radiusMeters} of the
     * given one, nearest first, for a resident about to report the same thing: only what is safe to show anyone
     * (no description, address, name or phone). The database narrows to a bounding box; the haversine distance
     * decides.
     */
    public List<NearbyCase> nearbyOpen(String category, double lat, double lon, double radiusMeters, Instant since,
            int limit) {
        double dLat = Math.toDegrees(radiusMeters / EARTH_RADIUS_METERS);
        double dLon = dLat / Math.max(0.01, Math.cos(Math.toRadians(lat)));
        Specification<CaseRecord> box = (root, query, cb) -> cb.and(
                cb.equal(root.get("category"), category),
                cb.notEqual(root.get("status"), CaseStatus.CLOSED),
                cb.greaterThanOrEqualTo(root.get("receivedAt"), since),
                cb.between(root.get("lat"), lat - dLat, lat + dLat),
                cb.between(root.get("lon"), lon - dLon, lon + dLon));
        return records.findAll(box).stream()
                .map(r -> r.details(null))
                .map(c -> new NearbyCase(c, haversine(lat, lon, c.lat(), c.lon())))
                .filter(n -> n.distanceMeters() <= radiusMeters)
                .sorted(java.util.Comparator.comparingDouble(NearbyCase::distanceMeters))
                .limit(limit)
                .toList();
    }

    /** A case near a point, as anyone may see it. */
    public record NearbyCase(String caseNumber, CaseStatus status, String statusLabel, String categoryName,
            Instant receivedAt, List<String> photoLinks, double distanceMeters) {

        NearbyCase(CaseDetails c, double distanceMeters) {
            this(c.caseNumber(), c.status(), c.statusLabel(), c.categoryName(), c.receivedAt(), c.photoLinks(),
                    distanceMeters);
        }
    }

    /** Whether an open case of that number exists (a resident may join it as a co-reporter). */
    public Optional<CaseStatus> statusOf(String caseNumber) {
        return records.findByCaseNumber(caseNumber).map(r -> r.details(null).status());
    }

    /**
     * Every case reported with this phone, newest first, with its tracking token: for a resident who has just
     * proved with a one-time code that the phone is theirs (the caller checks that, nothing here can).
     */
    public List<ReportedCase> reportedWithVerifiedPhone(String phone) {
        Specification<CaseRecord> byPhone = (root, query, cb) -> cb.equal(root.get("reporterPhone"), phone);
        return records.findAll(byPhone, org.springframework.data.domain.Sort.by(
                        org.springframework.data.domain.Sort.Direction.DESC, "receivedAt")).stream()
                .map(r -> {
                    CaseDetails c = r.details(null);
                    return new ReportedCase(c.caseNumber(), c.statusLabel(), c.categoryName(), c.receivedAt(),
                            r.trackingToken());
                })
                .toList();
    }

    /** A case its reporter may follow: number, where it stands, and its tracking token. */
    public record ReportedCase(String caseNumber, String statusLabel, String categoryName, Instant receivedAt,
            String trackingToken) {
    }

    private static final double EARTH_RADIUS_METERS = 6_371_000;

    static double haversine(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.sqrt(a));
    }

    private static Specification<CaseRecord> matching(CaseSearch search) {
        return (root, query, cb) -> {
            List<Predicate> predicates = new ArrayList<>();
            if (search.status() != null) {
                predicates.add(cb.equal(root.get("status"), search.status()));
            }
            if (search.streetCode() != null) {
                predicates.add(cb.equal(root.get("streetCode"), search.streetCode()));
            }
            if (search.from() != null) {
                predicates.add(cb.greaterThanOrEqualTo(root.get("receivedAt"), search.from()));
            }
            if (search.to() != null) {
                predicates.add(cb.lessThan(root.get("receivedAt"), search.to()));
            }
            if (search.number() != null) {
                // a whole number is that case, not also the tenth to nineteenth of its day (…-0001 is a prefix
                // of …-0010); anything shorter is the start of numbers, its wildcards taken literally
                predicates.add(WHOLE_NUMBER.matcher(search.number()).matches()
                        ? cb.equal(root.get("caseNumber"), search.number())
                        : cb.like(root.get("caseNumber"), CaseNarrowing.escaped(search.number()) + "%", '\\'));
            }
            if (search.departmentCode() != null) {
                predicates.add(exists(root, query, cb, "departments",
                        d -> cb.equal(d.get("departmentCode"), search.departmentCode())));
            }
            for (CaseFlag flag : search.flags()) {
                predicates.add(switch (flag) {
                    case ESCALATED -> exists(root, query, cb, "escalations",
                            e -> e.get("rung").in(LadderRung.ESCALATION, LadderRung.RED_CARD));
                    case OVERDUE -> cb.or(
                            exists(root, query, cb, "departments", d -> cb.isTrue(d.get("late"))),
                            cb.and(cb.isNotNull(root.get("handlingDue")), cb.or(
                                    cb.greaterThan(root.get("closedAt"), root.<Instant>get("handlingDue")),
                                    cb.and(cb.isNull(root.get("closedAt")),
                                            cb.lessThan(root.get("handlingDue"), CaseFile.now())))));
                    case REOPENED -> cb.greaterThan(root.get("reopenCount"), 0);
                    case RETURNED -> cb.greaterThan(root.get("returnCount"), 0);
                });
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }

    /** A case one of whose {@code collection} rows satisfies the condition, without duplicating the case. */
    static Predicate exists(Root<CaseRecord> root, CriteriaQuery<?> query, CriteriaBuilder cb,
            String collection, Function<Join<CaseRecord, ?>, Predicate> condition) {
        Subquery<Long> rows = query.subquery(Long.class);
        Root<CaseRecord> same = rows.from(CaseRecord.class);
        Join<CaseRecord, ?> row = same.join(collection);
        return cb.exists(rows.select(same.get("id"))
                .where(cb.equal(same.get("id"), root.get("id")), condition.apply(row)));
    }
}
