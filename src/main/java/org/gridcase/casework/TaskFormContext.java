package org.gridcase.casework;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.spin.Spin;
import org.gridcase.registry.DepartmentService;
import org.gridcase.registry.DepartmentView;
import org.gridcase.system.Callers;
import org.gridcase.system.PhoneNumbers;
import org.gridcase.worktime.WorkingTimeExpressions;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Adds what a form shows but no process variable holds, each time a form is opened (the Tasklist loads a Camunda
 * Form's variables through {@code formService.getTaskFormVariables}): the case's report and place as the record
 * holds them ({@link CaseHeader}), the task's deadline in Chinese and the working time left <em>now</em>, the notes
 * written on the case so far, the reporter's photos as links, the summoned department's name and whether it leads
 * or assists, and the registry's departments to summon. Nothing is stored; it is computed for the reader.
 */
class TaskFormContext extends CommandInterceptor {

    static final String DEADLINE_TEXT = "deadlineText";
    static final String TIME_LEFT_TEXT = "timeLeftText";
    static final String NOTES_HISTORY = "notesHistory";
    static final String PHOTO_LINKS_MARKDOWN = "photoLinksMarkdown";
    static final String DEPARTMENT_NAME = "departmentName";
    /** 主办 (the lead, who will handle the case) or 协办 (assisting), for a summoned department's check-in. */
    static final String DEPARTMENT_ROLE = "departmentRole";

    /** The reporter's phone as the reader may see it: in full for those who call back, masked for the others. */
    static final String REPORTER_PHONE_TEXT = "reporterPhoneText";
    /** What the previous round's return visit found, on the forms of a reopened case's next round. */
    static final String PREVIOUS_ROUND = "previousRound";
    private static final String RETURN_VISIT_NOTE = GridReportVariables.RETURN_VISIT_NOTE;
    private static final Set<String> ROUND_STEPS = Set.of("Task_HandleOnSite", "Task_ReturnVisit");
    private static final Map<Object, String> RESOLUTIONS = Map.of("RESOLVED", "已解决", "PARTIALLY", "部分解决",
            "UNRESOLVED", "未解决");
    private static final Map<Object, String> SATISFACTIONS = Map.of("SATISFIED", "满意", "BASICALLY_SATISFIED",
            "基本满意", "UNSATISFIED", "不满意", "NO_RESPONSE", "未评价");

    /** The variable holding each step's limit; handling's deadline is a date (it may be extended). */
    private static final Map<String, String> LIMITS = Map.of(
            "Task_PlaceReportByHand", GridReportVariables.PLACEMENT_LIMIT,
            "Task_HandleOnTheSpot", GridReportVariables.RESPONSE_LIMIT,
            "Task_BlowWhistle", GridReportVariables.WHISTLE_LIMIT,
            "Task_CheckIn", GridReportVariables.CHECK_IN_LIMIT,
            "Task_HandleOnSite", GridReportVariables.HANDLING_LIMIT,
            "Task_ReturnVisit", GridReportVariables.RETURN_VISIT_LIMIT);

    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("yyyy年M月d日 EEEE HH:mm",
            Locale.CHINA);
    private static final DateTimeFormatter NOTE_TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm");

    private final ProcessEngineConfigurationImpl engine;
    private final CaseFile cases;
    private final WorkingTimeExpressions workingTime;
    private final DepartmentService departments;
    private final ObjectProvider<CaseNotes> notes;
    private final ObjectProvider<Callers> callers;
    private final ZoneId zone;

    /** {@code notes} is looked up when a form opens: it needs the engine this interceptor is part of. */
    TaskFormContext(ProcessEngineConfigurationImpl engine, CaseFile cases, WorkingTimeExpressions workingTime,
            DepartmentService departments, ObjectProvider<CaseNotes> notes, ObjectProvider<Callers> callers,
            ZoneId zone) {
        this.engine = engine;
        this.callers = callers;
        this.cases = cases;
        this.notes = notes;
        this.workingTime = workingTime;
        this.departments = departments;
        this.zone = zone;
    }

    @Override
    public <T> T execute(Command<T> command) {
        T result = next.execute(command);
        if (command instanceof GetTaskFormVariablesCmd get && result instanceof VariableMap variables) {
            // the caller could read the form; what is added comes from the same task and case
            engine.getCommandExecutorTxRequired().execute(context -> {
                context.disableAuthorizationCheck();
                try {
                    addTo(get.resourceId, variables);
                } finally {
                    context.enableAuthorizationCheck();
                }
                return null;
            });
        }
        return result;
    }

    private void addTo(String taskId, VariableMap variables) {
        Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
        if (task == null || task.getProcessInstanceId() == null) {
            return;
        }
        if (task.getDueDate() == null) {
            variables.putValue(DEADLINE_TEXT, "无期限");
            variables.putValue(TIME_LEFT_TEXT, "—");
        } else {
            variables.putValue(DEADLINE_TEXT, DEADLINE.format(task.getDueDate().toInstant().atZone(zone)));
            variables.putValue(TIME_LEFT_TEXT, workingTime.describeLeft(task.getDueDate().toInstant(),
                    limitOf(task)));
        }
        variables.putValue(NOTES_HISTORY, notes(task.getProcessInstanceId()));
        String caseNumber = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey();
        if (caseNumber != null) {
            CaseHeader header = cases.header(caseNumber);
            variables.putAll(header.formVariables());
            // the phone as the reader may see it (CaseAccess): the process variable holds it in full
            CaseRecord record = cases.of(caseNumber);
            String phone = record.reporterPhone();
            boolean callsBack = new CaseAccess.Scope(callers.getObject().current()).callsBack(record);
            String shown = phone == null || phone.isBlank() ? "无" : callsBack ? phone : PhoneNumbers.mask(phone);
            if (variables.containsKey(GridReportVariables.REPORTER_PHONE)) {
                variables.putValue(GridReportVariables.REPORTER_PHONE, callsBack ? phone : PhoneNumbers.mask(phone));
            }
            variables.putValue(REPORTER_PHONE_TEXT, shown);
            variables.putValue(PHOTO_LINKS_MARKDOWN, photoLinks(header.photoLinks()));
        }
        variables.putValue(GridReportVariables.DEPARTMENT_OPTIONS, departmentOptions());
        previousRound(task).ifPresent(text -> variables.putValue(PREVIOUS_ROUND, text));
        Object department = engine.getTaskService().getVariable(taskId, "department");
        if (department instanceof String code) {
            variables.putValue(DEPARTMENT_NAME, departments.find(code).map(DepartmentView::name).orElse(code));
            Object lead = engine.getTaskService().getVariable(taskId, GridReportVariables.LEAD_DEPARTMENT);
            variables.putValue(DEPARTMENT_ROLE, code.equals(lead) ? "主办" : "协办");
        }
    }

    /**
     * After a reopening, the return visit that sent the case back ("未解决 · 不满意 · 灯泡又坏了"): each round's
     * form starts empty (its fields are the task's own, see the BPMN), and this is what the last round left on
     * the case. Absent in the first round, so the form hides it.
     */
    private Optional<String> previousRound(Task task) {
        if (!ROUND_STEPS.contains(task.getTaskDefinitionKey())) {
            return Optional.empty();
        }
        RuntimeService runtime = engine.getRuntimeService();
        String instance = task.getProcessInstanceId();
        if (!(runtime.getVariable(instance, GridReportVariables.REOPEN_COUNT) instanceof Number reopened)
                || reopened.intValue() == 0) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        parts.add(RESOLUTIONS.getOrDefault(runtime.getVariable(instance, GridReportVariables.RESOLUTION), "—"));
        parts.add(SATISFACTIONS.getOrDefault(runtime.getVariable(instance, GridReportVariables.SATISFACTION), "—"));
        if (runtime.getVariable(instance, RETURN_VISIT_NOTE) instanceof String note && !note.isBlank()) {
            parts.add(note.strip());
        }
        return Optional.of("第 " + reopened + " 次重办。上一轮回访：" + String.join(" · ", parts));
    }

    /** The task's limit as the DMN wrote it ("working:P3D", "PT30M"), which says what kind of time it counts. */
    private String limitOf(Task task) {
        String variable = LIMITS.get(task.getTaskDefinitionKey());
        Object limit = variable == null ? null : engine.getTaskService().getVariable(task.getId(), variable);
        return limit == null ? null : limit.toString();
    }

    /**
     * The registry's departments as the whistle form's checklist and lead select read them ({@code valuesKey}):
     * a JSON list of label and value, as the Tasklist reads a serialized object variable. Built when the form
     * opens instead of being copied into every case; the inactive ones are not offered.
     */
    private ObjectValue departmentOptions() {
        List<Option> options = departments.offered().stream().map(d -> new Option(d.name(), d.code())).toList();
        return Variables.serializedObjectValue(Spin.JSON(options).toString())
                .serializationDataFormat(Variables.SerializationDataFormats.JSON)
                .objectTypeName(ArrayList.class.getName())
                .create();
    }

    /** One choice of a Camunda Forms checklist or select. */
    record Option(String label, String value) {
    }

    private String notes(String processInstanceId) {
        List<CaseNotes.Note> notes = this.notes.getObject().ofProcessInstance(processInstanceId);
        if (notes.isEmpty()) {
            return "暂无";
        }
        List<String> lines = new ArrayList<>();
        for (CaseNotes.Note note : notes) {
            lines.add(NOTE_TIME.format(note.time().atZone(zone)) + "　" + author(note.author()) + "：" + note.text());
        }
        return String.join("\n\n", lines);
    }

    /** "周小军（grid.worker）": the name staff know, and the login that is on record. */
    private String author(String userId) {
        if (userId == null) {
            return "系统";
        }
        User user = engine.getIdentityService().createUserQuery().userId(userId).singleResult();
        return user == null || user.getFirstName() == null ? userId : user.getFirstName() + "（" + userId + "）";
    }

    /** Markdown links the form's text renders: "[照片 1](https://...)". */
    static String photoLinks(Object photos) {
        if (!(photos instanceof String text) || text.isBlank()) {
            return "无";
        }
        List<String> links = new ArrayList<>();
        for (String link : text.split("[\\s,，]+")) {
            if (link.startsWith("https://") || link.startsWith("http://")) {
                links.add("[照片 " + (links.size() + 1) + "](" + link.replace(")", "%29") + ")");
            }
        }
        return links.isEmpty() ? "无" : String.join("　", links);
    }
}
