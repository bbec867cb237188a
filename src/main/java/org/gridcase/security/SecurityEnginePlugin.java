package org.gridcase.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The engine's share of gridcase's security: no request-sent expression is evaluated, no model with a DOCTYPE
 * is parsed, a refused form value is a 400, and a task's holders work on it and hand it on only within its units
 * (TaskGrants, TaskHandOverRule). Ad-hoc queries run in a transaction that is either required or
 * new, so both chains get the guards.
 */
@Component
class SecurityEnginePlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new TaskGrants());
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new TaskHandOverRule());
        // outermost: sees what the command threw after the engine wrapped it
        configuration.setCustomPreCommandInterceptorsTxRequired(
                prepend(configuration.getCustomPreCommandInterceptorsTxRequired(), new ValidationErrorTranslation()));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(
                prepend(configuration.getCustomPreCommandInterceptorsTxRequiresNew(), new ValidationErrorTranslation()));
        // inside the command context: the guard reads the filter that is about to run
        configuration.setCustomPostCommandInterceptorsTxRequired(append(
                configuration.getCustomPostCommandInterceptorsTxRequired(), new QueryExpressionGuard(), new ModelXmlGuard()));
        configuration.setCustomPostCommandInterceptorsTxRequiresNew(append(
                configuration.getCustomPostCommandInterceptorsTxRequiresNew(), new QueryExpressionGuard(), new ModelXmlGuard()));
    }

    private static List<CommandInterceptor> prepend(List<CommandInterceptor> existing, CommandInterceptor first) {
        List<CommandInterceptor> chain = new ArrayList<>();
        chain.add(first);
        if (existing != null) {
            chain.addAll(existing);
        }
        return chain;
    }

    private static List<CommandInterceptor> append(List<CommandInterceptor> existing, CommandInterceptor... last) {
        List<CommandInterceptor> chain = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
        chain.addAll(List.of(last));
        return chain;
    }
}
