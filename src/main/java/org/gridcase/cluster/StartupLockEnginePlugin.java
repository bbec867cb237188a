package org.gridcase.cluster;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Takes the start-up lock at the last moment before the engine is built: building it looks for Camunda's tables
 * and creates them when missing ({@code camunda.bpm.database.schema-update}), then Camunda's first administrator
 * is created and the models are deployed. Configuring the engine before that needs no database and need not wait
 * for other nodes.
 */
@Component
class StartupLockEnginePlugin extends AbstractProcessEnginePlugin {

    private final StartupLock lock;

    StartupLockEnginePlugin(StartupLock lock) {
        this.lock = lock;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        lock.acquire();
    }
}
