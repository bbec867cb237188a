package org.gridcase.audit;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gridcase.casework.ProcessTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What an auditor's printed report of a case costs: the PDF of a whistled case reopened once (replay, timeline,
 * diagram, integrity check, layout and the font), {@code -Dbench.cases} renders (40) after 5 not counted, in ms
 * (wall and the rendering thread's CPU; median, 90th percentile, least). Printed, never asserted; run with
 * {@code mvn test -Pbench -Dtest=CaseReportPdfBenchmark}.
 */
class CaseReportPdfBenchmark extends ProcessTestSupport {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Autowired
    CaseReportPdf report;

    CaseReportPdfBenchmark() {
        super("997402", 74.5, 144.5, THURSDAY_TEN); // a square of the globe no other test district uses
    }

    @Test
    void rendersOneCasesReport() {
        ProcessInstance instance = whistledReopenedAndClosed();
        String caseNumber = instance.getBusinessKey();
        int renders = Integer.getInteger("bench.cases", 40);
        List<Double> wall = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        int bytes = 0;
        for (int i = -5; i < renders; i++) {
            long start = System.nanoTime();
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            bytes = asAuditor(() -> report.render(caseNumber)).length;
            if (i >= 0) {
                wall.add((System.nanoTime() - start) / 1e6);
                cpu.add((THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6);
            }
        }
        System.out.printf("case report PDF of %s (%d KB), %d renders: wall %s ms, its thread's CPU %s ms%n",
                caseNumber, bytes / 1024, renders, spread(wall), spread(cpu));
    }

    /** Median / 90th percentile / least. */
    private static String spread(List<Double> ms) {
        List<Double> sorted = ms.stream().sorted().toList();
        return "%.0f / %.0f / %.0f".formatted(sorted.get(sorted.size() / 2), sorted.get(sorted.size() * 9 / 10),
                sorted.get(0));
    }
}
