package org.gridcase.casework;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Registers the parse listener that keeps case records following their processes' stages. */
@Component
class CaseworkEnginePlugin extends AbstractProcessEnginePlugin {

    private final CaseFile cases;

    CaseworkEnginePlugin(CaseFile cases) {
        this.cases = cases;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new CaseStatusParseListener(cases));
    }
}
