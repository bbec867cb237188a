package org.gridcase.casework;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.gridcase.registry.DepartmentService;
import org.gridcase.worktime.WorkingTimeExpressions;
import org.gridcase.system.Callers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Registers the parse listeners that keep case records following their processes' stages and give tasks their
 * titles and notes, and the interceptor that completes what task forms show.
 */
@Component
class CaseworkEnginePlugin extends AbstractProcessEnginePlugin {

    private final CaseFile cases;
    private final WorkingTimeExpressions workingTime;
    private final DepartmentService departments;
    private final ObjectProvider<CaseNotes> notes;
    private final ObjectProvider<Callers> callers;
    private final ZoneId zone;
    private final CaseActors actors;

    CaseworkEnginePlugin(CaseFile cases, WorkingTimeExpressions workingTime, DepartmentService departments,
            ObjectProvider<CaseNotes> notes, ObjectProvider<Callers> callers,
            @Value("${gridcase.time-zone:Asia/Shanghai}") ZoneId zone, CaseActors actors) {
        this.actors = actors;
        this.notes = notes;
        this.callers = callers;
        this.cases = cases;
        this.workingTime = workingTime;
        this.departments = departments;
        this.zone = zone;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryLevels());
        levels.add(new CaseHistoryLevel());
        configuration.setCustomHistoryLevels(levels);
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new CaseStatusParseListener(cases));
        configuration.getCustomPostBPMNParseListeners().add(new TaskListenersParseListener(cases, actors));
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequired()
                .add(new TaskFormContext(configuration, cases, workingTime, departments, notes, callers,
                        zone));
    }
}
