package org.gridcase.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.gridcase.casework.CaseQueries;
import org.gridcase.casework.CaseStatus;
import org.gridcase.casework.ProcessTestSupport;
import org.gridcase.registry.Urgency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Replay and export of a case that went through everything an auditor looks for: whistled, a department late to
 * check in, the deadline extended, reopened after the return visit, and closed. While the case runs, the test
 * records how it stands at several moments from the running engine; afterwards the replay, built from history
 * alone, must show exactly that at the matching step.
 */
class CaseReplayTests extends ProcessTestSupport {

    @Autowired
    CaseReplay replay;

    @Autowired
    CaseTimeline timeline;

    @Autowired
    TimelineCsv csv;

    @Autowired
    CaseReportPdf report;

    @Autowired
    CaseQueries cases;

    @Autowired
    org.gridcase.registry.DepartmentService departments;

    private final List<Recorded> recorded = new ArrayList<>();

    CaseReplayTests() {
        super("991201", 41.0, 111.0, THURSDAY_TEN);
    }

    @Test
    void replaysEveryRecordedMomentOfAWhistledLateExtendedReopenedCase() throws Exception {
        ProcessInstance instance = runTheWholeCase();
        String caseNumber = instance.getBusinessKey();

        Replay replayed = replay.of(caseNumber);
        assertThat(replayed.processDefinitionId())
                .isEqualTo(engine.getHistoryService().createHistoricProcessInstanceQuery()
                        .processInstanceId(instance.getId()).singleResult().getProcessDefinitionId());
        assertThat(recorded).hasSizeGreaterThanOrEqualTo(6);
        for (Recorded moment : recorded) {
            int step = lastStepAtOrBefore(replayed.steps(), moment.at());
            ReplayState state = replay.at(caseNumber, step);
            assertThat(state.status()).as(moment.what()).isEqualTo(moment.status());
            assertThat(openTasks(state)).as(moment.what()).isEqualTo(moment.openTasks());
            assertThat(Set.copyOf(state.activeActivities())).as(moment.what()).isEqualTo(moment.activities());
            assertThat(timers(state)).as(moment.what()).isEqualTo(moment.timers());
            assertThat(state.variables()).as(moment.what()).isEqualTo(moment.variables());
        }
        assertThat(replayed.taken()).contains("Task_RecordLateCheckIn", "Task_ApproveExtension",
                "Task_ExtendHandlingDeadline", "Task_ReopenCase", "EndEvent_CaseClosed")
                .doesNotContain("Task_HandleOnTheSpot", "Task_SuperviseOverdueCase");
    }

    @Test
    void drawsTheExactVersionWithThePathTakenAndThePositionAtAStep() throws Exception {
        String caseNumber = runTheWholeCase().getBusinessKey();
        Replay replayed = replay.of(caseNumber);

        Map<String, String> whole = classesById(replay.diagram(caseNumber, null));
        assertThat(whole.get("Task_ApproveExtension")).contains("taken");
        assertThat(whole.get("Task_SuperviseOverdueCase")).doesNotContain("taken");
        assertThat(whole.get("EndEvent_CaseClosed")).contains("taken");
        // a flow is taken once its target started after its source ended: the reopening's, not the overdue path's
        assertThat(whole.get("SequenceFlow_Reopen")).contains("taken");
        assertThat(whole.get("SequenceFlow_HandlingOverdueToSuperviseOverdueCase")).doesNotContain("taken");
        assertThat(whole.values()).noneMatch(classes -> classes.contains("active"));

        int atApproval = replayed.steps().stream().filter(s -> "Task_ApproveExtension".equals(s.activityId())
                && s.kind().equals("ACTIVITY")).findFirst().map(replayed.steps()::indexOf).orElseThrow();
        Map<String, String> then = classesById(replay.diagram(caseNumber, atApproval));
        assertThat(then.get("Task_ApproveExtension")).contains("active");
        assertThat(then.get("Task_ReopenCase")).as("not reached yet").doesNotContain("taken");
        assertThat(then.get("SequenceFlow_Reopen")).as("not followed yet").doesNotContain("taken");
    }

    @Test
    void exportsTheSameEventsAsJsonCsvAndPdf() throws Exception {
        String caseNumber = runTheWholeCase().getBusinessKey();
        List<TimelineEvent> events = timeline.of(caseNumber);
        assertThat(events).extracting(TimelineEvent::kind)
                .contains("CASE_RECEIVED", "DECISION", "TIMER_SET", "TIMER_FIRED", "TIMER_CANCELLED", "NOTIFICATION", "TASK_COMPLETED");

        // a variable's change shows the value it replaced
        assertThat(events).filteredOn(e -> e.kind().equals("VARIABLE") && "reopenCount".equals(e.details().get("name"))
                && Integer.valueOf(1).equals(e.details().get("value"))).singleElement()
                .satisfies(e -> assertThat(e.details().get("from")).isEqualTo(0));

        // each completion carries the values its form submitted
        assertThat(events).filteredOn(e -> e.kind().equals("TASK_COMPLETED")
                && "Task_ApproveExtension".equals(e.activityId())).singleElement()
                .satisfies(e -> assertThat(e.details().get("values")).isEqualTo(
                        Map.of("extensionApproved", true, "extensionDecisionNote", "同意")));

        String json = new ObjectMapper().findAndRegisterModules().writeValueAsString(events);
        assertThat(new ObjectMapper().readTree(json)).hasSize(events.size());

        CsvSchema header = CsvSchema.emptySchema().withHeader();
        String text = csv.write(events).replace("\uFEFF", "");
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class).with(header)
                .readValues(text)) {
            assertThat(rows.readAll()).extracting(row -> row.get("label"))
                    .containsExactlyElementsOf(events.stream().map(TimelineEvent::label).toList());
        }

        byte[] pdf = report.render(caseNumber);
        Files.write(Path.of("target", "case-report.pdf"), pdf); // kept as test output, to look at
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // the bundled Noto Sans SC, embedded, whatever fonts the machine has; its text as written (工, not ⼯)
            List<String> fonts = new ArrayList<>();
            for (COSName name : document.getPage(0).getResources().getFontNames()) {
                fonts.add(document.getPage(0).getResources().getFont(name).getName());
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> assertThat(font).contains("NotoSansSC"));
            String printed = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            assertThat(printed).doesNotContainPattern("[\\x{2E80}-\\x{2EFF}\\x{2F00}-\\x{2FDF}]");
            assertThat(printed).contains("工单审计报告" + caseNumber, "完整性检查通过", "共" + events.size() + "步");
            int from = 0;
            for (TimelineEvent event : events) {
                int at = printed.indexOf(event.label().replaceAll("\\s+", ""), from);
                assertThat(at).as("printed in order: " + event.label()).isGreaterThanOrEqualTo(0);
                from = at;
            }
        }
    }

    @Test
    void printsAOnePageSummaryFirstAndTheDiagramOnALandscapePageOfItsOwn() throws Exception {
        String caseNumber = runTheWholeCase().getBusinessKey();

        byte[] pdf = report.render(caseNumber);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            keepPagesToLookAt(document);
            String first = pageText(document, 1);
            // who reported what, where and when; each stage with its actor, time and limit; lateness; outcome
            assertThat(first).contains("工单审计报告" + caseNumber, "来源渠道居民随手拍", "诉求人张先生139****1111",
                    "道路交通/公交车辆堵路", "测试社区1号楼", "受理时间2025-10-1610:00");
            assertThat(first).contains("街道吹哨", "部门报到", "现场处置", "审批延期", "回访", "办理人", "时限",
                    "2个工作小时", "是否超时", "按时", departments.get("gongjiao").name().replaceAll("\\s+", "") + "迟报到（期限");
            assertThat(first).contains("当前状态已办结", "处置结果已办结", "回访已解决，基本满意", "重办/退单/延期1次/0次/1次",
                    "完整性检查通过");
            assertThat(first).doesNotContain("13900001111", "RESOLVED", "BASICALLY_SATISFIED", "dept-", "street-");
            // the summary fits its page: the next page is already the diagram's, across the sheet
            assertThat(landscape(document, 1)).as("landscape").isTrue();
            PDRectangle summaryPage = document.getPage(0).getMediaBox();
            assertThat(summaryPage.getHeight()).as("portrait").isGreaterThan(summaryPage.getWidth());
            int detail = 1;
            while (landscape(document, detail)) {
                assertThat(pageText(document, detail + 1)).startsWith("流程图与实际路径");
                detail++;
            }
            assertThat(detail).as("the diagram on at most two pages").isBetween(2, 3);
            assertThat(pageText(document, detail + 1)).as("the detail in portrait again").startsWith("工单详情");
        }
    }

    private static boolean landscape(PDDocument document, int index) {
        PDRectangle box = document.getPage(index).getMediaBox();
        return box.getWidth() > box.getHeight();
    }

    private static String pageText(PDDocument document, int page) throws java.io.IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document).replaceAll("\\s+", "").replaceFirst("^\\d+/\\d+", ""); // less "2 / 11"
    }

    /** The first pages as pictures under target/screenshots/audit/, to look at. */
    private static void keepPagesToLookAt(PDDocument document) throws java.io.IOException {
        Path folder = Files.createDirectories(Path.of("target", "screenshots", "audit"));
        org.apache.pdfbox.rendering.PDFRenderer renderer = new org.apache.pdfbox.rendering.PDFRenderer(document);
        for (int page = 0; page < Math.min(4, document.getNumberOfPages()); page++) {
            javax.imageio.ImageIO.write(renderer.renderImageWithDPI(page, 110), "png",
                    folder.resolve("report-page-" + (page + 1) + ".png").toFile());
        }
    }

    @BeforeEach
    void actAsStaff() {
        actAs("test.staff");
    }

    /** Whistled, late check-in, extension, reopened, closed; a moment recorded after each step. */
    private ProcessInstance runTheWholeCase() {
        recorded.clear();
        ProcessInstance instance = report("TRAFFIC.BUS_BLOCKING", Urgency.URGENT);
        record(instance, "received and triaged");

        tick();
        whistle(List.of("jiaojing", "gongjiao"), "jiaojing");
        record(instance, "whistled, both departments summoned");

        tick();
        Task jiaojing = checkInTask(instance, "jiaojing");
        tasks.claim(jiaojing.getId(), "dept.jiaojing");
        record(instance, "check-in claimed");
        tick();
        complete(jiaojing, withVariables("checkInNote", "交警已到场"));
        continueAfterCheckIn(instance);

        tick();
        Job overdue = management.createJobQuery().processInstanceId(instance.getId())
                .activityId("BoundaryEvent_CheckInOverdue").singleResult();
        execute(overdue);
        execute(job("Task_RecordLateCheckIn"));
        record(instance, "bus company late");

        tick();
        checkIn(instance, "gongjiao");
        record(instance, "all checked in, handling");

        tick();
        complete(task("Task_HandleOnSite"), withVariables("handlingOutcome", "EXTENSION_REQUESTED",
                "proposedDeadline", THURSDAY_TEN.plusDays(10).toString(), "extensionReason", "需协调公交线路调整"));
        record(instance, "extension requested");
        tick();
        complete(task("Task_ApproveExtension"), withVariables("extensionApproved", true,
                "extensionDecisionNote", "同意"));
        record(instance, "extension approved");

        tick();
        resolve();
        record(instance, "resolved, return visit open");
        tick();
        complete(task("Task_ReturnVisit"), withVariables("resolution", "PARTIALLY", "satisfaction", "UNSATISFIED",
                "returnVisitNote", "仍有车辆占道"));
        record(instance, "reopened");

        tick();
        resolve();
        tick();
        complete(task("Task_ReturnVisit"), withVariables("resolution", "RESOLVED",
                "satisfaction", "BASICALLY_SATISFIED"));
        assertThat(instance).isEnded();
        assertThat(cases.find(instance.getBusinessKey()).orElseThrow().status()).isEqualTo(CaseStatus.CLOSED);
        return instance;
    }

    private Task checkInTask(ProcessInstance instance, String department) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_CheckIn")
                .taskCandidateGroup("dept-" + department).singleResult();
    }

    /** Steps happen a minute apart, so each recorded moment is its own instant in the history. */
    private void tick() {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 60_000));
    }

    /** How the running engine and the case record say the case stands now. */
    private void record(ProcessInstance instance, String what) {
        String id = instance.getId();
        Set<String> open = new TreeSet<>();
        for (Task t : tasks.createTaskQuery().processInstanceId(id).list()) {
            List<IdentityLink> links = tasks.getIdentityLinksForTask(t.getId());
            open.add(describe(t.getTaskDefinitionKey(), t.getAssignee(),
                    links.stream().filter(l -> l.getType().equals("candidate") && l.getGroupId() != null)
                            .map(IdentityLink::getGroupId).collect(Collectors.toCollection(TreeSet::new)),
                    t.getDueDate() == null ? null : t.getDueDate().toInstant()));
        }
        Set<String> activities = new TreeSet<>();
        collect(runtime.getActivityInstance(id), activities);
        Set<String> timers = new TreeSet<>();
        for (Job timer : management.createJobQuery().processInstanceId(id).timers().list()) {
            String activity = management.createJobDefinitionQuery().jobDefinitionId(timer.getJobDefinitionId())
                    .singleResult().getActivityId();
            timers.add(activity + "@" + timer.getDuedate().toInstant());
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        VariableMap running = runtime.getVariablesLocalTyped(id, false);
        running.keySet().forEach(name -> variables.put(name, ReplayValues.display(running.getValueTyped(name))));
        recorded.add(new Recorded(what, ClockUtil.getCurrentTime().toInstant(),
                cases.find(instance.getBusinessKey()).orElseThrow().status(), open, activities, timers, variables));
    }

    private static void collect(ActivityInstance node, Set<String> into) {
        for (ActivityInstance child : node.getChildActivityInstances()) {
            into.add(child.getActivityId());
            collect(child, into);
        }
    }

    private static Set<String> openTasks(ReplayState state) {
        return state.openTasks().stream().map(t -> describe(t.activityId(), t.assignee(),
                new TreeSet<>(t.candidateGroups()), t.due())).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> timers(ReplayState state) {
        return state.timers().stream().map(t -> t.activityId() + "@" + t.due())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String describe(String activity, String assignee, Set<String> groups, Instant due) {
        return activity + " assignee=" + assignee + " groups=" + groups + " due=" + due;
    }

    private static int lastStepAtOrBefore(List<TimelineEvent> steps, Instant at) {
        int found = -1;
        for (int i = 0; i < steps.size(); i++) {
            if (!steps.get(i).at().isAfter(at)) {
                found = i;
            }
        }
        return found;
    }

    /** Each diagram element's id with its classes. */
    private static Map<String, String> classesById(String svg) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        var document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        NodeList groups = document.getElementsByTagName("g");
        Map<String, String> classes = new LinkedHashMap<>();
        for (int i = 0; i < groups.getLength(); i++) {
            Element group = (Element) groups.item(i);
            if (group.hasAttribute("data-element-id")) {
                classes.put(group.getAttribute("data-element-id"), group.getAttribute("class"));
            }
        }
        return classes;
    }

    private record Recorded(String what, Instant at, CaseStatus status, Set<String> openTasks,
            Set<String> activities, Set<String> timers, Map<String, Object> variables) {
    }
}
