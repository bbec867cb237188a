package org.gridcase.worktime;

import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Puts working time behind the engine's timer durations ("duration") and task due dates ("dueDate"), so that a
 * {@code working:} limit counts office hours wherever the engine resolves it: timers, task due dates, and
 * {@code ManagementService.recalculateJobDuedate}. Cycles keep the engine's own calendar.
 */
@Component
class WorkingTimeEnginePlugin extends AbstractProcessEnginePlugin {

    private final WorkingCalendar calendar;

    WorkingTimeEnginePlugin(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
        calendars.addBusinessCalendar(DurationBusinessCalendar.NAME,
                new WorkingTimeBusinessCalendar(calendar, new DurationBusinessCalendar()));
        calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME,
                new WorkingTimeBusinessCalendar(calendar, new DueDateBusinessCalendar()));
        calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar());
        configuration.setBusinessCalendarManager(calendars);
    }
}
