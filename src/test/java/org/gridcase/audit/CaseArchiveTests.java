package org.gridcase.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gridcase.casework.CaseQueries;
import org.gridcase.cluster.ClusterLocks;
import org.gridcase.casework.CaseStatus;
import org.gridcase.casework.ProcessTestSupport;
import org.gridcase.registry.Urgency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A closed case's compact archive: a whistled case reopened once, replayed from the engine's history, archived by
 * the nightly compaction, its engine history gone, and replayed again from the archive: every step, the timeline,
 * the CSV, the PDF's text and the integrity verdict as before; a mediation case with its called process's steps
 * too. An archive row changed afterwards is reported, not replayed. The tests compact with explicit cut-offs and
 * among their own cases (the database is shared): the nightly job, on by default (P90D), would take every test's.
 */
class CaseArchiveTests extends ProcessTestSupport {

    private static final Instant FAR_FUTURE = Instant.parse("2100-01-01T00:00:00Z");

    @Autowired
    CaseReplay replay;

    @Autowired
    CaseTimeline timeline;

    @Autowired
    TimelineCsv csv;

    @Autowired
    CaseReportPdf report;

    @Autowired
    HistoryIntegrity integrity;

    @Autowired
    CaseCompaction compaction;

    @Autowired
    CaseQueries cases;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    CaseArchiveTests() {
        super("993301", 69.0, 139.0, THURSDAY_TEN); // a square of the globe no other test district uses
    }

    @BeforeEach
    void actAsStaff() {
        actAs("test.staff");
    }

    @Test
    void replaysAnArchivedCaseExactlyAsFromTheEngineHistoryAndDeletesThatHistory() throws Exception {
        // given a closed case, as the audit shows it from the engine's history
        ProcessInstance instance = closedCase();
        String caseNumber = instance.getBusinessKey();
        Shown before = asAuditor(() -> shown(caseNumber));
        assertThat(before.integrity()).contains("\"intact\":true");
        assertThat(historyRows(instance.getId())).as("the engine's history before").isPositive();

        // when the nightly compaction runs past its end
        int compacted = compaction.compactEndedBefore(FAR_FUTURE, FAR_FUTURE, Set.of(instance.getId()));

        // then its engine history is gone, and the archive replays the same
        assertThat(compacted).isEqualTo(1);
        assertThat(historyRows(instance.getId())).as("the engine's history after").isZero();
        assertThat(jdbc.queryForObject("SELECT bytes FROM case_archive WHERE case_number = ?", Integer.class,
                caseNumber)).isBetween(1000, 20 * 1024);
        Shown after = asAuditor(() -> shown(caseNumber));
        assertThat(after.steps()).isEqualTo(before.steps());
        assertThat(after.timeline()).isEqualTo(before.timeline());
        assertThat(after.csv()).isEqualTo(before.csv());
        assertThat(after.integrity()).isEqualTo(before.integrity());
        assertThat(after.diagram()).isEqualTo(before.diagram());
        assertThat(after.pdfText()).isEqualTo(before.pdfText());
    }

    @Test
    void replaysAnArchivedMediationCaseWithTheStepsOfItsCalledProcessAsBefore() throws Exception {
        // given a dispute mediated (MediationProcess, called) and closed, as the audit shows it from the engine
        actAs("test.mediator");
        ProcessInstance instance = MediationAuditTests.mediateAndClose(engine,
                report("DISPUTE.NEIGHBOUR", Urgency.ROUTINE), "https://elsewhere.example/signed.jpg");
        String caseNumber = instance.getBusinessKey();
        Shown before = asAuditor(() -> shown(caseNumber));
        assertThat(before.timeline()).contains("调解记录", "制作调解协议书", "402 室漏水致顶棚受损");

        // when the nightly compaction archives it
        assertThat(compaction.compactEndedBefore(FAR_FUTURE, FAR_FUTURE, Set.of(instance.getId()))).isEqualTo(1);

        // then the mediation's history is gone with the case's, and every step replays the same from the archive:
        // the called steps, their open tasks and limits during the call, their names from the called model
        assertThat(historyRows(instance.getId())).isZero();
        Shown after = asAuditor(() -> shown(caseNumber));
        assertThat(after.steps()).isEqualTo(before.steps());
        assertThat(after.steps()).anySatisfy(step -> assertThat(step).contains("\"name\":\"调解记录\"", "调解预警"));
        assertThat(after.timeline()).isEqualTo(before.timeline());
        assertThat(after.csv()).isEqualTo(before.csv());
        assertThat(after.integrity()).isEqualTo(before.integrity());
        assertThat(after.pdfText()).isEqualTo(before.pdfText());
    }

    @Test
    void reportsAnArchiveRowChangedAfterwardsInsteadOfReplayingIt() throws Exception {
        ProcessInstance instance = closedCase();
        String caseNumber = instance.getBusinessKey();
        assertThat(compaction.compactEndedBefore(FAR_FUTURE, FAR_FUTURE, Set.of(instance.getId()))).isEqualTo(1);

        // one bit of the gzip'd records flipped, in the middle
        assertThat(jdbc.update("UPDATE case_archive SET records = set_byte(records, length(records) / 2, "
                + "get_byte(records, length(records) / 2) # 1) WHERE case_number = ?", caseNumber)).isOne();

        IntegrityReport verdict = asAuditor(() -> integrity.check(caseNumber));
        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.findings()).extracting(IntegrityReport.Finding::rule).containsExactly("ARCHIVE_UNCHANGED");
        assertThatThrownBy(() -> asAuditor(() -> replay.of(caseNumber))).isInstanceOf(CaseArchive.Altered.class)
                .hasMessageContaining("归档记录已被改动");
        assertThatThrownBy(() -> asAuditor(() -> timeline.of(caseNumber))).isInstanceOf(CaseArchive.Altered.class);
    }

    @Test
    void compactsOnlyCasesEndedLongerAgoThanCompactAfter() {
        ProcessInstance instance = closedCase();
        String caseNumber = instance.getBusinessKey();
        Instant ended = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(instance.getId()).singleResult().getEndTime().toInstant();

        assertThat(compaction.compactEndedBefore(ended.minusSeconds(1), FAR_FUTURE, Set.of(instance.getId())))
                .isZero();
        assertThat(historyRows(instance.getId())).isPositive();

        assertThat(compaction.compactEndedBefore(ended.plusSeconds(1), FAR_FUTURE, Set.of(instance.getId())))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM case_archive WHERE case_number = ?", Integer.class,
                caseNumber)).isOne();
        assertThat(historyRows(instance.getId())).isZero();
    }

    @Test
    void compactionIsOnByDefaultForCasesEndedNinetyDaysAgo() {
        // a case closed in 2025, long past the default compact-after
        ProcessInstance instance = closedCase();

        assertThat(compaction.compactAfter()).contains(Duration.ofDays(90));
        assertThat(compaction.compactEndedBefore(Instant.now().minus(compaction.compactAfter().orElseThrow()),
                FAR_FUTURE, Set.of(instance.getId()))).isEqualTo(1);
        assertThat(historyRows(instance.getId())).isZero();
    }

    @Test
    void compactAfterIsADurationOrOff() {
        assertThat(CaseCompaction.compactAfter("P90D")).isEqualTo(Duration.ofDays(90));
        assertThat(CaseCompaction.compactAfter("30d")).isEqualTo(Duration.ofDays(30));
        assertThat(CaseCompaction.compactAfter("off")).isNull();
        assertThat(CaseCompaction.compactAfter(" ")).isNull();
        assertThatThrownBy(() -> CaseCompaction.compactAfter("ninety days")).isInstanceOf(RuntimeException.class);
    }

    @Test
    void theNightlyJobLeavesClosedCasesAloneWhenCompactAfterIsOff(@Autowired ApplicationContext context) {
        // a case closed in 2025, long past any compact-after a district would set
        ProcessInstance instance = closedCase();
        CaseCompaction off = new CaseCompaction(engine.getHistoryService(), engine.getIdentityService(), cases,
                context.getBean(EngineHistory.class), context.getBean(CaseArchive.class), replay, timeline, csv,
                integrity, context.getBean(ClusterLocks.class), json,
                context.getBean(PlatformTransactionManager.class), "off", Duration.ofHours(2));

        off.nightly();

        assertThat(historyRows(instance.getId())).as("the engine's history kept").isPositive();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM case_archive WHERE case_number = ?", Integer.class,
                instance.getBusinessKey())).isZero();
    }

    @Test
    void twoNodesCompactingAtOnceArchiveEachCaseOnce() throws Exception {
        List<ProcessInstance> closed = List.of(closedCase(), closedCase(), closedCase());
        Set<String> ids = closed.stream().map(ProcessInstance::getId).collect(Collectors.toSet());
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> node = () -> compaction.compactEndedBefore(FAR_FUTURE, FAR_FUTURE, ids);
            List<Future<Integer>> runs = new ArrayList<>(List.of(nodes.submit(node), nodes.submit(node)));
            int compacted = 0;
            for (Future<Integer> run : runs) {
                compacted += run.get();
            }
            assertThat(compacted).as("each case by one node").isEqualTo(3);
        } finally {
            nodes.shutdown();
        }
        for (ProcessInstance instance : closed) {
            assertThat(historyRows(instance.getId())).isZero();
            assertThat(asAuditor(() -> integrity.check(instance.getBusinessKey())).intact()).isTrue();
        }
    }

    @Test
    void anArchivedCaseLeavesNoRowInTheEnginesHistoryTables() {
        // the rows of every history table before the case, against those after it was closed and archived: a
        // decision evaluated outside the process (the notices' routing) or its operation log entry would be left
        Map<String, Long> before = historyTableRows();
        ProcessInstance instance = closedCase();
        assertThat(historyTableRows()).as("the closed case's history").isNotEqualTo(before);

        assertThat(compaction.compactEndedBefore(FAR_FUTURE, FAR_FUTURE, Set.of(instance.getId()))).isEqualTo(1);

        Map<String, Long> after = historyTableRows();
        after.forEach((table, rows) -> assertThat(rows).as(table).isLessThanOrEqualTo(before.getOrDefault(table, 0L)));
    }

    private Map<String, Long> historyTableRows() {
        Map<String, Long> rows = new TreeMap<>();
        for (String table : jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                + "current_schema() AND (table_name LIKE 'act_hi_%' OR table_name = 'act_ge_bytearray')", String.class)) {
            rows.put(table, jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class));
        }
        return rows;
    }

    /** Everything the audit shows of a case, as text to compare. */
    private Shown shown(String caseNumber) {
        try {
            Replay replayed = replay.of(caseNumber);
            List<String> steps = new ArrayList<>();
            for (int step = 0; step < replayed.steps().size(); step++) {
                steps.add(json.writeValueAsString(replay.at(caseNumber, step)));
            }
            List<TimelineEvent> events = timeline.of(caseNumber);
            String pdfText;
            try (PDDocument document = Loader.loadPDF(report.render(caseNumber))) {
                pdfText = new PDFTextStripper().getText(document);
            }
            return new Shown(json.writeValueAsString(replayed), steps, json.writeValueAsString(events),
                    csv.write(events), json.writeValueAsString(integrity.check(caseNumber)),
                    replay.diagram(caseNumber, replayed.steps().size() / 2), pdfText);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private record Shown(String replay, List<String> steps, String timeline, String csv, String integrity,
            String diagram, String pdfText) {
    }

    /** Rows of the engine's history tables that belong to the process instance (or have it as their root). */
    private int historyRows(String processInstanceId) {
        int rows = 0;
        for (var table : jdbc.queryForList("SELECT table_name, column_name FROM information_schema.columns "
                + "WHERE table_schema = current_schema() AND table_name LIKE 'act_hi_%' "
                + "AND column_name IN ('proc_inst_id_', 'root_proc_inst_id_')")) {
            rows += jdbc.queryForObject("SELECT count(*) FROM " + table.get("table_name") + " WHERE "
                    + table.get("column_name") + " = ?", Integer.class, processInstanceId);
        }
        return rows;
    }

    /** Whistled, reopened once, closed; its record closed too. */
    private ProcessInstance closedCase() {
        ProcessInstance instance = whistledReopenedAndClosed();
        assertThat(asAuditor(() -> cases.find(instance.getBusinessKey())).orElseThrow().status())
                .isEqualTo(CaseStatus.CLOSED);
        return instance;
    }
}
