package org.gridcase.casework;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.EnumMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Function;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.gridcase.registry.Urgency;
import org.gridcase.worktime.WorkingCalendar;
import org.gridcase.worktime.WorkingTimeBusinessCalendar;
import org.springframework.stereotype.Component;

/**
 * The escalation ladder of a stage: its rules come from processes/EscalationLadder.dmn (shares, factors and
 * groups are the designers'), its dates from the working-time calendar. The rungs count the same kind of time as
 * the deadline: working time between start and deadline for a working-time limit, the clock otherwise.
 */
@Component
class EscalationLadder {

    private final DecisionService decisions;
    private final WorkingCalendar calendar;
    private final ProcessEngineConfigurationImpl engine;

    /**
     * Each stage's rules as evaluated in the engine command (one transaction) that asked, so that the decision runs
     * once per stage and command: a whistle summoning three departments starts three check-in ladders of the same
     * stage, whose only input is the stage. The one evaluation's history says the same as three would. Keys are
     * weak: a finished command's entry goes with it.
     */
    private final Map<CommandContext, Map<LadderStage, DmnDecisionResultEntries>> evaluatedPerCommand =
            Collections.synchronizedMap(new WeakHashMap<>());

    EscalationLadder(DecisionService decisions, WorkingCalendar calendar, ProcessEngineConfigurationImpl engine) {
        this.decisions = decisions;
        this.calendar = calendar;
        this.engine = engine;
    }

    /** The rules of one stage, groups resolved for the case. */
    record Rules(double warningShare, double redCardFactor, String escalateTo, String leadershipGroup) {
    }

    /** When the warning and the red card fall, for a stage that started at {@code start} and is due at {@code due}. */
    record Schedule(Date warnAt, Date redCardAt) {
    }

    Rules rules(LadderStage stage, Function<String, Object> caseVariable) {
        return rulesOf(evaluate(stage), caseVariable);
    }

    private DmnDecisionResultEntries evaluate(LadderStage stage) {
        CommandContext command = Context.getCommandContext();
        if (command == null) {
            return evaluateNow(stage);
        }
        Map<LadderStage, DmnDecisionResultEntries> evaluated =
                evaluatedPerCommand.computeIfAbsent(command, c -> new EnumMap<>(LadderStage.class));
        DmnDecisionResultEntries entries = evaluated.get(stage);
        if (entries == null) {
            entries = evaluateNow(stage);
            evaluated.put(stage, entries);
        }
        return entries;
    }

    private DmnDecisionResultEntries evaluateNow(LadderStage stage) {
        return decisions.evaluateDecisionByKey("EscalationLadder").variables(Map.of("stage", stage.name())).evaluate()
                .getSingleResult();
    }

    private static Rules rulesOf(DmnDecisionResultEntries rules, Function<String, Object> caseVariable) {
        return new Rules(
                ((Number) rules.getEntry("warningShare")).doubleValue(),
                ((Number) rules.getEntry("redCardFactor")).doubleValue(),
                group(rules.getEntry("escalateTo"), caseVariable),
                group(rules.getEntry("leadershipGroup"), caseVariable));
    }

    /** A stage whose limit the ladder itself holds: the limit, when it falls, and the rungs counted from the start. */
    record Limited(String limit, Instant due, Schedule schedule) {
    }

    /**
     * The whistle's or the placement's limit ({@code limit}, or {@code emergencyLimit} on the clock for an
     * emergency) and its rungs from {@code start}: one evaluation of the decision for both.
     */
    Limited limited(LadderStage stage, Function<String, Object> caseVariable, Date start) {
        DmnDecisionResultEntries entries = evaluate(stage);
        boolean emergency = Urgency.EMERGENCY.name()
                .equals(String.valueOf(caseVariable.apply(GridReportVariables.URGENCY)));
        Object limit = entries.getEntry(emergency ? "emergencyLimit" : "limit");
        if (limit == null) {
            throw new IllegalStateException("EscalationLadder.dmn gives stage " + stage + " no limit");
        }
        Date due = dueDate(start, limit.toString());
        return new Limited(limit.toString(), due.toInstant(), schedule(rulesOf(entries, caseVariable),
                start.toInstant(), due.toInstant(), WorkingTimeBusinessCalendar.isWorkingTime(limit.toString())));
    }

    /** The rungs of a stage that started at {@code start} with the given limit (working: or calendar time). */
    Schedule schedule(LadderStage stage, Function<String, Object> caseVariable, Date start, String limit) {
        return schedule(rules(stage, caseVariable), start, limit);
    }

    private Schedule schedule(Rules rules, Date start, String limit) {
        return schedule(rules, start.toInstant(), dueDate(start, limit).toInstant(),
                WorkingTimeBusinessCalendar.isWorkingTime(limit));
    }

    /** When a stage that started at {@code start} with the given limit falls due, as its step's due date does. */
    Instant due(Date start, String limit) {
        return dueDate(start, limit).toInstant();
    }

    /** The limit counted from the start as the engine counts a task's due date (working time or the clock). */
    private Date dueDate(Date start, String limit) {
        return engine.getBusinessCalendarManager().getBusinessCalendar(DueDateBusinessCalendar.NAME)
                .resolveDuedate(limit, start);
    }

    Schedule schedule(Rules rules, Instant start, Instant due, boolean workingTime) {
        if (workingTime) {
            Duration span = calendar.between(start, due);
            return new Schedule(
                    Date.from(calendar.plus(start, scale(span, rules.warningShare()))),
                    Date.from(calendar.plus(start, scale(span, rules.redCardFactor()))));
        }
        Duration span = Duration.between(start, due);
        return new Schedule(Date.from(start.plus(scale(span, rules.warningShare()))),
                Date.from(start.plus(scale(span, rules.redCardFactor()))));
    }

    /**
     * The handling stage's rungs, from when handling started to its deadline (which an extension or a change of
     * the holiday table moves), and the group its overdue supervision task goes to: the variables to set.
     */
    Map<String, Object> handlingRungs(Function<String, Object> caseVariable, Instant start, Date due) {
        Rules rules = rules(LadderStage.HANDLING, caseVariable);
        Schedule schedule = schedule(rules, start, due.toInstant(), WorkingTimeBusinessCalendar
                .isWorkingTime((String) caseVariable.apply(GridReportVariables.HANDLING_LIMIT)));
        return Map.of(GridReportVariables.HANDLING_WARN_AT, schedule.warnAt(),
                GridReportVariables.HANDLING_RED_CARD_AT, schedule.redCardAt(),
                GridReportVariables.HANDLING_ESCALATION_GROUP, rules.escalateTo());
    }

    private static Duration scale(Duration span, double factor) {
        return Duration.ofSeconds(Math.round(span.toSeconds() * factor));
    }

    /** "street-{streetCode}" becomes street-610104007: the groups are data, the case fills in its units. */
    private static String group(Object template, Function<String, Object> caseVariable) {
        String group = String.valueOf(template);
        for (String unit : new String[] {GridReportVariables.STREET_CODE, GridReportVariables.COMMUNITY_CODE,
                GridReportVariables.GRID_CODE}) {
            Object code = caseVariable.apply(unit);
            if (code != null) {
                group = group.replace("{" + unit + "}", code.toString());
            }
        }
        return group;
    }
}
