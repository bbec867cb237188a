package org.gridcase.cluster;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;

/**
 * A case reduced to a timer and the job after it: {@code delay} (an ISO-8601 duration), then work that takes
 * {@code workMillis} and is counted outside the engine's transaction, so that a job two nodes ran counts two even
 * though the engine rolls one of them back.
 */
final class CountedTimers {

    static final String PROCESS = "ClusterTimer";

    private static final Map<String, AtomicInteger> RUNS = new ConcurrentHashMap<>();

    private CountedTimers() {
    }

    static void deploy(ProcessEngine engine) {
        var repository = engine.getRepositoryService();
        if (repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
            repository.createDeployment().addModelInstance(PROCESS + ".bpmn",
                    Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
                            .startEvent()
                            .intermediateCatchEvent("Timer").timerWithDuration("${delay}")
                            .serviceTask("Task_Count").camundaClass(Work.class.getName())
                            .endEvent()
                            .done())
                    .deploy();
        }
    }

    static int runs(String processInstanceId) {
        AtomicInteger runs = RUNS.get(processInstanceId);
        return runs == null ? 0 : runs.get();
    }

    /** The job after the timer; the engine makes one per run. */
    public static class Work implements JavaDelegate {

        @Override
        public void execute(DelegateExecution execution) throws InterruptedException {
            RUNS.computeIfAbsent(execution.getProcessInstanceId(), id -> new AtomicInteger()).incrementAndGet();
            Thread.sleep(((Number) execution.getVariable("workMillis")).longValue());
        }
    }
}
