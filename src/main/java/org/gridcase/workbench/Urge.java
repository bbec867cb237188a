package org.gridcase.workbench;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One 催办: who urged which open step of a case, held by whom, when, with what words. */
@Entity
@Table(name = "case_urge")
class Urge {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String caseNumber;
    private String taskId;
    private String step;
    private String holder;
    private String urgedBy;
    private Instant urgedAt;
    private String words;

    protected Urge() {
    }

    Urge(String caseNumber, String taskId, String step, String holder, String urgedBy, Instant urgedAt,
            String words) {
        this.caseNumber = caseNumber;
        this.taskId = taskId;
        this.step = step;
        this.holder = holder;
        this.urgedBy = urgedBy;
        this.urgedAt = urgedAt;
        this.words = words;
    }

    UrgeView view(Names.Lookup names) {
        return new UrgeView(step, holder, names.person(urgedBy), urgedBy, urgedAt, words);
    }

    record UrgeView(String step, String holder, String urgedByName, String urgedBy, Instant urgedAt, String words) {
    }
}
