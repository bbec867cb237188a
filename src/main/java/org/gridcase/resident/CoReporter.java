package org.gridcase.resident;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A resident who joined a case reported by someone else (我也遇到了), with a tracking token of their own. */
@Entity
@Table(name = "case_co_reporter")
class CoReporter {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String caseNumber;
    private String name;
    private String phone;
    private String trackingToken;
    private Instant joinedAt;

    protected CoReporter() {
    }

    CoReporter(String caseNumber, String name, String phone, String trackingToken, Instant joinedAt) {
        this.caseNumber = caseNumber;
        this.name = name;
        this.phone = phone;
        this.trackingToken = trackingToken;
        this.joinedAt = joinedAt;
    }

    String caseNumber() {
        return caseNumber;
    }

    String phone() {
        return phone;
    }

    String trackingToken() {
        return trackingToken;
    }
}
