package org.gridcase.casework;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.time.OffsetDateTime;
import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.gridcase.registry.DepartmentService;
import org.gridcase.registry.TestDistrict;
import org.gridcase.registry.UnitService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What every process test class needs: a district of its own, the engine's clock set to a known moment for each
 * test (limits in working time end at known instants), camunda-bpm-assert bound to the engine, and a way to open
 * a case through the real registration.
 */
@ProcessTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ProcessTestSupport {

    /** A Thursday morning in office hours. */
    public static final OffsetDateTime THURSDAY_TEN = OffsetDateTime.parse("2025-10-16T10:00:00+08:00");

    @Autowired
    protected ProcessEngine engine;

    @Autowired
    protected RuntimeService runtime;

    @Autowired
    protected TaskService tasks;

    @Autowired
    protected ManagementService management;

    @Autowired
    protected CaseRegistration registration;

    protected TestDistrict d;

    private final String county;
    private final double lat0;
    private final double lon0;
    private final OffsetDateTime clock;

    /** A district with this county code and south-west corner, tests running at {@code clock}. */
    protected ProcessTestSupport(String county, double lat0, double lon0, OffsetDateTime clock) {
        this.county = county;
        this.lat0 = lat0;
        this.lon0 = lon0;
        this.clock = clock;
    }

    @BeforeAll
    void createDistrict(@Autowired UnitService units, @Autowired DepartmentService departments) {
        d = TestDistrict.create(units, departments, county, lat0, lon0);
    }

    @BeforeEach
    void setClock() {
        BpmnAwareTests.init(engine);
        ClockUtil.setCurrentTime(Date.from(clock.toInstant()));
    }

    @AfterEach
    void resetClock() {
        BpmnAwareTests.reset();
        ClockUtil.reset();
    }

    /** Opens the case as the intake API does and runs the start event's async continuation. */
    protected ProcessInstance opened(NewCase report) {
        String caseNumber = registration.open(report).caseNumber();
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .singleResult();
        assertThat(instance).isWaitingAt("StartEvent_ReportReceived");
        execute(job());
        return instance;
    }
}
