package org.gridcase.casework;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One summons of a department to a case: when, by when it must check in, when it did, and whether late. */
@Entity
@Table(name = "case_department")
class SummonedDepartment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String departmentCode;
    private boolean lead;
    private Instant summonedAt;
    private Instant checkInDue;
    private Instant checkedInAt;
    private String checkedInBy;
    private String checkInNote;
    private boolean late;
    private Instant lateAt;

    protected SummonedDepartment() {
    }

    SummonedDepartment(String departmentCode, boolean lead, Instant summonedAt, Instant checkInDue) {
        this.departmentCode = departmentCode;
        this.lead = lead;
        this.summonedAt = summonedAt;
        this.checkInDue = checkInDue;
    }

    void checkIn(Instant at, String by, String note) {
        this.checkedInAt = at;
        this.checkedInBy = by;
        this.checkInNote = note;
    }

    void markLate(Instant at) {
        this.late = true;
        this.lateAt = at;
    }

    String departmentCode() {
        return departmentCode;
    }

    Instant checkInDue() {
        return checkInDue;
    }

    boolean checkedIn() {
        return checkedInAt != null;
    }

    CaseDetails.Department view() {
        return new CaseDetails.Department(departmentCode, lead, summonedAt, checkInDue, checkedInAt, checkedInBy,
                checkInNote, late, lateAt);
    }
}
