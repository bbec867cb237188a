package org.gridcase.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.gridcase.casework.CaseDetails;
import org.gridcase.casework.CaseQueries;
import org.gridcase.cluster.ClusterLocks;
import org.gridcase.identity.CamundaGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each night, replaces the engine's history of every case that ended longer ago than
 * {@code gridcase.audit.compact-after} (P90D unless set; {@code off}: the job only logs so) by its compact archive
 * (CaseArchive): the case's records are written as one
 * row, read back and replayed, and only when the replay (every step's state, the timeline, its CSV, the integrity
 * verdict) is the same as from the engine's history is that history deleted, all in one transaction: a case is
 * never without one of the two. While a case can still change it keeps the engine's full history.
 *
 * <p>Every node runs it; a case is compacted under a cluster lock of its own, and a node that waited for it finds
 * the row the other wrote and leaves the case. The work list is the engine's history itself: a compacted case has
 * none left, so it is not found again.
 */
@Component
@EnableScheduling
class CaseCompaction {

    private static final Logger log = LoggerFactory.getLogger(CaseCompaction.class);
    private static final String PROCESS = "GridReportProcess";
    private static final String ARCHIVER = "gridcase.archiver";
    private static final int BATCH = 100;
    // staff pages read an archived case as before (the workbench's steps and return-visit rounds through
    // CaseSteps, casework's 我经手的 from case_actor), so compaction is on unless a district switches it off
    private static final String OFF = "Case compaction is off: gridcase.audit.compact-after is off (closed cases "
            + "keep their engine history)";

    private final HistoryService history;
    private final IdentityService identity;
    private final CaseQueries cases;
    private final EngineHistory engine;
    private final CaseArchive archive;
    private final CaseReplay replay;
    private final CaseTimeline timeline;
    private final TimelineCsv csv;
    private final HistoryIntegrity integrity;
    private final ClusterLocks locks;
    private final ObjectMapper json;
    private final TransactionTemplate transaction;
    private final Duration compactAfter;
    private final Duration compactFor;

    CaseCompaction(HistoryService history, IdentityService identity, CaseQueries cases, EngineHistory engine,
            CaseArchive archive, CaseReplay replay, CaseTimeline timeline, TimelineCsv csv,
            HistoryIntegrity integrity, ClusterLocks locks, ObjectMapper json, PlatformTransactionManager transactions,
            @Value("${gridcase.audit.compact-after:P90D}") String compactAfter,
            @Value("${gridcase.audit.compact-for:PT2H}") Duration compactFor) {
        this.history = history;
        this.identity = identity;
        this.cases = cases;
        this.engine = engine;
        this.archive = archive;
        this.replay = replay;
        this.timeline = timeline;
        this.csv = csv;
        this.integrity = integrity;
        this.locks = locks;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
        this.compactAfter = compactAfter(compactAfter);
        this.compactFor = compactFor;
        if (compactAfter == null) {
            log.info(OFF);
        }
    }

    /** {@code off} (or empty): no compaction; else a duration, as ISO-8601 ({@code P90D}) or Spring's ({@code 90d}). */
    static Duration compactAfter(String setting) {
        String value = setting == null ? "" : setting.strip();
        return value.isEmpty() || "off".equalsIgnoreCase(value) ? null : DurationStyle.detectAndParse(value);
    }

    /** How long after its end a case is compacted; empty when compaction is off. */
    Optional<Duration> compactAfter() {
        return Optional.ofNullable(compactAfter);
    }

    @Scheduled(cron = "${gridcase.audit.compact-at:0 30 5 * * *}", zone = "${gridcase.time-zone:Asia/Shanghai}")
    void nightly() {
        if (compactAfter == null) {
            log.info(OFF);
            return;
        }
        Instant now = Instant.now();
        try {
            int compacted = compactEndedBefore(now.minus(compactAfter), now.plus(compactFor));
            log.info("Compacted the history of {} cases ended before {}", compacted, now.minus(compactAfter));
        } catch (RuntimeException failed) {
            // the next night tries again; what was compacted stays compacted
            log.warn("Case compaction failed", failed);
        }
    }

    /** Compacts the cases whose process ended before {@code endedBefore}, until {@code until}; answers how many. */
    int compactEndedBefore(Instant endedBefore, Instant until) {
        return compactEndedBefore(endedBefore, until, null);
    }

    /** The same among these process instances only (a test's cases in a shared database); null for all. */
    int compactEndedBefore(Instant endedBefore, Instant until, Set<String> among) {
        // the engine's own records are deleted as nobody: no user operation is logged for the deletion
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            int compacted = 0;
            while (Instant.now().isBefore(until)) {
                var query = history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS)
                        .rootProcessInstances().finished().finishedBefore(Date.from(endedBefore));
                if (among != null) {
                    query.processInstanceIds(among);
                }
                List<HistoricProcessInstance> ended = query.orderByProcessInstanceEndTime().asc().listPage(0, BATCH);
                int now = 0;
                for (HistoricProcessInstance process : ended) {
                    if (Instant.now().isAfter(until)) {
                        break;
                    }
                    if (compact(process.getBusinessKey(), process.getId())) {
                        now++;
                    }
                }
                compacted += now;
                // a batch another node emptied first, or cases that failed their check, make no progress: stop
                if (ended.size() < BATCH || now == 0) {
                    break;
                }
            }
            return compacted;
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }

    /** Archives one case and deletes its engine history; false when another node did or its check failed. */
    boolean compact(String caseNumber, String processInstanceId) {
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> {
                locks.lockForTransaction("case-archive " + caseNumber);
                if (archive.exists(caseNumber)) {
                    return false;
                }
                CaseRecords recorded = engine.read(processInstanceId);
                Optional<CaseDetails> c = asArchiver(() -> cases.find(caseNumber));
                if (recorded == null || c.isEmpty()) {
                    return false;
                }
                String before = replayed(c.get(), recorded);
                archive.write(caseNumber, recorded, Instant.now());
                String after = replayed(c.get(), archive.read(caseNumber).orElseThrow());
                if (!before.equals(after)) {
                    throw new IllegalStateException("The archive of case " + caseNumber
                            + " does not replay as its engine history does; the history is kept");
                }
                delete(recorded);
                return true;
            }));
        } catch (RuntimeException failed) {
            log.warn("Case {} not compacted", caseNumber, failed);
            return false;
        }
    }

    /** Everything the audit makes of the records: every step's state, the timeline and its CSV, the verdict. */
    private String replayed(CaseDetails c, CaseRecords recorded) {
        return asArchiver(() -> {
            CaseHistory h = replay.load(c, recorded);
            List<TimelineEvent> steps = timeline.of(h);
            try {
                return json.writeValueAsString(List.of(replay.of(h, steps), replay.everyStep(h, steps),
                        integrity.check(c.caseNumber(), h.main()))) + csv.write(steps);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot write the replay of " + c.caseNumber(), e);
            }
        });
    }

    /** The engine's history of the case and of every process it called, with its decisions and operation log. */
    private void delete(CaseRecords recorded) {
        for (CaseRecords.ProcessRecords process : recorded.processes()) {
            process.decisions().forEach(d -> history.deleteHistoricDecisionInstanceByInstanceId(d.id()));
            process.operations().forEach(op -> history.deleteUserOperationLogEntry(op.id()));
        }
        history.deleteHistoricProcessInstances(EngineHistory.processInstanceIds(recorded).toList());
    }

    /** Reads the case as an auditor does (case records are scoped to their reader), the engine as nobody. */
    private <T> T asArchiver(Supplier<T> read) {
        identity.setAuthentication(ARCHIVER, List.of(CamundaGroups.AUDITORS));
        try {
            return read.get();
        } finally {
            identity.clearAuthentication();
        }
    }
}
