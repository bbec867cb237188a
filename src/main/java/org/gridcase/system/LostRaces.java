package org.gridcase.system;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * Two people (or a person and a timer) acting on one case at the same moment: the engine lets one through and fails
 * the other with an optimistic-locking failure, an already-claimed task, a task that is gone, a part of the case's
 * execution tree that the other removed while this one was reading it (ENGINE-03077, "perhaps it was deleted in the
 * meantime": a check-in completed while the check-in's warning finishes), or the database's choice of one of two
 * deadlocked transactions to undo; or two requests creating the same thing (a registry code, a year's calendar days)
 * that both found it missing, where the database's unique key lets one insert through. Whoever lost the race is told so, with a 409 (or a 404 for a task someone else
 * finished) that says what happened, on both REST roots: the engine's (security's EngineErrorBodies, from Camunda's
 * error body) and gridcase's own (ApiErrorHandler, from the exception). Recognised by the exception, message or code
 * the engine gives, also where a listener's failure wraps it.
 */
public final class LostRaces {

    /** What the loser is told. */
    public record Answer(int status, String message) {
    }

    private record Outcome(Pattern sign, Answer answer) {
    }

    private static final Answer CHANGED_MEANWHILE = new Answer(409, "该工单刚被他人同时处理，请刷新后重试");

    private static final Answer SUBMITTED_MEANWHILE = new Answer(409, "相同的记录刚由他人同时提交，请刷新后查看");

    /** SQLSTATE unique_violation, the same in PostgreSQL and H2. */
    private static final String UNIQUE_VIOLATION = "23505";

    private static final List<Outcome> OUTCOMES = List.of(
            new Outcome(Pattern.compile("TaskAlreadyClaimedException|is already claimed by someone else"),
                    new Answer(409, "该任务已被他人认领，请刷新后查看")),
            new Outcome(Pattern.compile("OptimisticLock|updated by another transaction concurrently"
                    + "|Row was updated or deleted by another transaction|ENGINE-03077|deleted in the meantime"),
                    CHANGED_MEANWHILE),
            new Outcome(Pattern.compile("Cannot find task with id|task is null"),
                    new Answer(404, "该任务已不存在，可能已被他人办理完毕，请刷新")));

    /**
     * The engine's codes (ProcessEngineException.getCode, also in its REST API's error body) for a lost race:
     * optimistic locking (1), and a deadlock (10000), where the database chose this one of two transactions to
     * undo. A deadlock reaches the REST API as "An exception occurred in the persistence layer", with nothing else to
     * tell it by: seen between a check-in and its warning's job, twice in 400 rounds.
     */
    private static final Set<Integer> LOST_RACE_CODES = Set.of(1, 10_000);

    private LostRaces() {
    }

    /**
     * The answer for a lost race, if the text (an error body's message, an exception's messages) or the engine's
     * code (null when there is none) tells of one.
     */
    public static Optional<Answer> in(String text, Integer engineCode) {
        if (engineCode != null && LOST_RACE_CODES.contains(engineCode)) {
            return Optional.of(CHANGED_MEANWHILE);
        }
        return OUTCOMES.stream().filter(o -> o.sign().matcher(text).find()).map(Outcome::answer).findFirst();
    }

    /** The answer for a lost race, if the exception or one of its causes tells of one. */
    public static Optional<Answer> in(Throwable failure) {
        StringBuilder text = new StringBuilder();
        Integer code = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return Optional.of(SUBMITTED_MEANWHILE);
            }
            text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append('\n');
            if (t instanceof ProcessEngineException engine && LOST_RACE_CODES.contains(engine.getCode())) {
                code = engine.getCode();
            }
        }
        return in(text.toString(), code);
    }
}
