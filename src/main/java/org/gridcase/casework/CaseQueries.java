package org.gridcase.casework;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.criteria.Predicate;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading cases: one by number, one for its reporter (by tracking token), or a page of them for staff. */
@Service
@Transactional(readOnly = true)
public class CaseQueries {

    private final CaseRecordRepository records;

    CaseQueries(CaseRecordRepository records) {
        this.records = records;
    }

    public Optional<CaseDetails> find(String caseNumber) {
        return records.findByCaseNumber(caseNumber).map(CaseRecord::details);
    }

    /** The case, if the token is the one its reporter was given (compared in constant time). */
    public Optional<CaseDetails> findForReporter(String caseNumber, String token) {
        return records.findByCaseNumber(caseNumber)
                .filter(record -> token != null && MessageDigest.isEqual(
                        record.trackingToken().getBytes(StandardCharsets.UTF_8),
                        token.getBytes(StandardCharsets.UTF_8)))
                .map(CaseRecord::details);
    }

    public Optional<RegisteredCase> registered(String caseNumber) {
        return records.findByCaseNumber(caseNumber)
                .map(record -> new RegisteredCase(record.caseNumber(), record.trackingToken(), record.status()));
    }

    public Page<CaseDetails> search(CaseSearch search, Pageable page) {
        return records.findAll(matching(search), page).map(CaseRecord::details);
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
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }
}
