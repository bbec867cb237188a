package org.gridcase.cluster;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.core.Ordered;

/**
 * Holds each node's engine at the end of its configuration, just before the engine looks for Camunda's tables,
 * until every node has got there: so that "started together" means the worst case, both engines checking for the
 * tables and creating them at the same moment. Runs before every other plugin's {@code postInit}, gridcase's
 * included. A node that never arrives (it failed earlier) releases the others after a minute.
 */
final class EnginesBuiltTogether extends AbstractProcessEnginePlugin implements Ordered {

    private final CyclicBarrier barrier;

    EnginesBuiltTogether(int nodes) {
        this.barrier = new CyclicBarrier(nodes);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        try {
            barrier.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (BrokenBarrierException | TimeoutException e) {
            // the other node is not coming: build alone
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
