package org.gridcase.system;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Gives the engine's decisions {@link ParsingOnceFeelEngine}. The engine builds its decision engine from the
 * configuration set here and adds its own parts (history, the custom FEEL functions) as it does to a default one;
 * the FEEL engine is made after those are in, so it gets the functions.
 */
@Component
class ParsingOnceFeelEnginePlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getDmnEngineConfiguration() == null) {
            configuration.setDmnEngineConfiguration(
                    (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration());
        }
        DefaultDmnEngineConfiguration decisions = configuration.getDmnEngineConfiguration();
        decisions.setFeelEngineFactory(() -> new ParsingOnceFeelEngine(decisions.getFeelCustomFunctionProviders()));
    }
}
