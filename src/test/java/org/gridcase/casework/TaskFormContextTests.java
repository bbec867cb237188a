package org.gridcase.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.gridcase.registry.Urgency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the Tasklist shows of a task: its title in the list, and the case context its form opens with. */
class TaskFormContextTests extends ProcessTestSupport {

    TaskFormContextTests() {
        super("991401", 43.0, 113.0, THURSDAY_TEN);
    }

    @BeforeEach
    void actAsStaff() {
        actAs("street.staff");
    }

    @Test
    void titlesEachTaskWithItsStepCaseNumberAndCategory() {
        ProcessInstance instance = report("TRAFFIC.BUS_BLOCKING", Urgency.URGENT);

        assertThat(task().getName()).isEqualTo("街道吹哨 · " + instance.getBusinessKey() + " · 道路交通/公交车辆堵路");
    }

    @Test
    void opensTheWhistleWithTheRegistrysDepartmentsWhichNoCaseStores() {
        // given: a case waiting for the street's whistle
        ProcessInstance instance = report("TRAFFIC.BUS_BLOCKING", Urgency.URGENT);

        // when: the dispatcher opens the form, as the Tasklist does (serialized values)
        VariableMap form = engine.getFormService().getTaskFormVariables(task().getId(), null, false);

        // then: the checklist's options are the registry's departments, as JSON, and the case holds no copy
        ObjectValue options = form.getValueTyped(GridReportVariables.DEPARTMENT_OPTIONS);
        assertThat(options.getSerializationDataFormat()).isEqualTo("application/json");
        assertThat(options.getValueSerialized())
                .contains("{\"label\":\"测试城管局\",\"value\":\"" + d.department() + "\"}");
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), GridReportVariables.DEPARTMENT_OPTIONS))
                .isNull();
    }

    @Test
    void opensEveryFormWithTheReportAndPlaceFromTheRecordWhichTheProcessDoesNotCopy() {
        // given: a case waiting for the street's whistle
        ProcessInstance instance = report("TRAFFIC.BUS_BLOCKING", Urgency.URGENT);

        // when
        VariableMap form = engine.getFormService().getTaskFormVariables(task().getId());

        // then: the header the forms' texts show comes with the form
        assertThat(form).containsEntry("categoryName", "道路交通/公交车辆堵路").containsEntry("urgencyLabel", "紧急")
                .containsEntry("channelLabel", Channel.RESIDENT_APP.label())
                .containsEntry("description", "测试诉求：TRAFFIC.BUS_BLOCKING")
                .containsEntry("address", "测试社区 1 号楼").containsEntry("reporterName", "张先生")
                .containsEntry("streetName", "测试街道").containsEntry("communityName", "测试社区").containsKey("gridName");
        // and: the case's variables hold only what the process decides on, and no phone
        assertThat(engine.getRuntimeService().getVariables(instance.getId())).doesNotContainKeys("description",
                "address", "reporterName", "reporterPhone", "lat", "lon", "photoLinks", "categoryName",
                "urgencyLabel", "channelLabel", "gridName", "communityName", "streetName");
    }

    @Test
    void keepsNoHistoryOfTheListColumnsCopiedOntoTasksButAllOfTheCasesOwnVariables() {
        ProcessInstance instance = report("TRAFFIC.BUS_BLOCKING", Urgency.URGENT);
        Task whistle = task();
        assertThat(engine.getTaskService().getVariablesLocal(whistle.getId())).containsKeys("caseNumber", "address");

        var history = engine.getHistoryService();
        assertThat(history.createHistoricVariableInstanceQuery().taskIdIn(whistle.getId()).count()).isZero();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName("triage").count()).as("triage's result, kept by the decision's history").isZero();
        whistle(List.of(d.department()), d.department());
        assertThat(engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(instance.getId())
                .variableName("nrOfInstances").count()).as("the check-ins' counters").isOne();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableNameIn("nrOfInstances", "nrOfActiveInstances", "loopCounter").count()).isZero();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableNameIn("caseNumber", "category", "urgency", "track", "departments", "streetCode").count())
                .isEqualTo(6);
        assertThat(history.createHistoricDetailQuery().processInstanceId(instance.getId()).variableUpdates()
                .count()).isPositive();
        assertThat(engine.getProcessEngineConfiguration().getHistory()).isEqualTo(CaseHistoryLevel.NAME);
        // the start event's async continuation ran as planned: no job log; the whistle's timers: all of it
        assertThat(history.createHistoricJobLogQuery().processInstanceId(instance.getId())
                .activityIdIn("StartEvent_ReportReceived").count()).isZero();
    }

    @Test
    void tellsEachSummonedDepartmentWhetherItLeadsOrAssists() {
        ProcessInstance instance = report("TRAFFIC.BUS_BLOCKING", Urgency.URGENT);
        whistle(List.of("jiaojing", "gongjiao"), "jiaojing");

        for (Task checkIn : engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("Task_CheckIn").list()) {
            String department = (String) engine.getTaskService().getVariable(checkIn.getId(), "department");
            assertThat(engine.getFormService().getTaskFormVariables(checkIn.getId())
                    .getValue(TaskFormContext.DEPARTMENT_ROLE, String.class)).as(department)
                    .isEqualTo(department.equals("jiaojing") ? "主办" : "协办");
        }
    }

    @Test
    void opensACheckInWithTheDeadlineTheWorkingTimeLeftTheNotesAndTheDepartmentsName() {
        // given: the street whistles at 10:00 on a Thursday; the check-in limit is two working hours
        ProcessInstance instance = report("TRAFFIC.BUS_BLOCKING", Urgency.URGENT);
        whistle(List.of(d.department()), d.department());
        Task checkIn = task("Task_CheckIn");

        // when: the department opens the form at 11:30
        ClockUtil.setCurrentTime(Date.from(THURSDAY_TEN.plusMinutes(90).toInstant()));
        VariableMap form = engine.getFormService().getTaskFormVariables(checkIn.getId());

        // then
        assertThat(form.getValue(TaskFormContext.DEADLINE_TEXT, String.class)).isEqualTo("2025年10月16日 星期四 12:00");
        assertThat(form.getValue(TaskFormContext.TIME_LEFT_TEXT, String.class)).isEqualTo("剩余 30 分（工作时间）");
        assertThat(form.getValue(TaskFormContext.NOTES_HISTORY, String.class))
                .contains("street.staff：【街道吹哨】请各部门到场");
        assertThat(form.getValue(TaskFormContext.DEPARTMENT_NAME, String.class)).isEqualTo("测试城管局");
        assertThat(form.getValue(TaskFormContext.DEPARTMENT_ROLE, String.class)).as("the only one summoned leads")
                .isEqualTo("主办");
        assertThat(form.getValue(TaskFormContext.PHOTO_LINKS_MARKDOWN, String.class))
                .isEqualTo("[照片 1](https://example.org/photo.jpg)");
        assertThat(checkIn.getName()).startsWith("部门报到 · " + instance.getBusinessKey());

        // and: past lunch the limit is over
        ClockUtil.setCurrentTime(Date.from(THURSDAY_TEN.plusHours(5).toInstant()));
        assertThat(engine.getFormService().getTaskFormVariables(checkIn.getId())
                .getValue(TaskFormContext.TIME_LEFT_TEXT, String.class)).isEqualTo("已超时");
    }

    @Test
    void countsWorkingDaysAndHoursLeftAcrossAWeekend() {
        // given: three working days of handling from Thursday 10:00 end on Tuesday 10:00
        ProcessInstance instance = report("TRAFFIC.BUS_BLOCKING", Urgency.URGENT);
        whistle(List.of(d.department()), d.department());
        checkIn(instance, d.department());

        // when: Friday 15:00 (Friday afternoon 2.5 h + Monday 7 h + Tuesday 1.5 h = 1 day 4 h)
        ClockUtil.setCurrentTime(Date.from(THURSDAY_TEN.plusDays(1).plusHours(5).toInstant()));
        VariableMap form = engine.getFormService().getTaskFormVariables(task("Task_HandleOnSite").getId());

        // then
        assertThat(form.getValue(TaskFormContext.TIME_LEFT_TEXT, String.class)).isEqualTo("剩余 1 个工作日 4 小时（工作时间）");
        assertThat(form.getValue(TaskFormContext.NOTES_HISTORY, String.class))
                .contains("【部门报到】" + d.department() + " 已到场");
    }

    @Test
    void countsAnEmergencysTimeLeftOnTheClockNotInWorkingTime() {
        // given: a road subsides on Saturday at 10:00; departments check in within 30 minutes on the clock
        ClockUtil.setCurrentTime(Date.from(THURSDAY_TEN.plusDays(2).toInstant()));
        ProcessInstance instance = report("SAFETY.ROAD_SUBSIDENCE", Urgency.EMERGENCY);
        execute(job("Task_NotifyStreetOfEmergency"));

        // when: a department opens its check-in ten minutes later
        ClockUtil.setCurrentTime(Date.from(THURSDAY_TEN.plusDays(2).plusMinutes(10).toInstant()));
        VariableMap form = engine.getFormService().getTaskFormVariables(
                tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_CheckIn").list()
                        .get(0).getId());

        // then: not "剩余 0 分（工作时间）", as it said when no office hours were left that weekend
        assertThat(form.getValue(TaskFormContext.TIME_LEFT_TEXT, String.class)).isEqualTo("剩余 20 分钟");
    }
}
