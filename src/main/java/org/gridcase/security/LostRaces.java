package org.gridcase.security;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Two people acting on one case at the same moment: the engine lets one through and fails the other with an
 * optimistic-locking failure, an already-claimed task or a task that is gone, which Camunda's REST API answers
 * with a 500 (or a 4xx that names an exception class). Whoever lost the race is told so, with a 409 (or a 404 for
 * a task someone else finished) that says what happened, on both REST roots. Recognised by the exception
 * Camunda names in the error body, also where a listener's failure wraps it.
 */
final class LostRaces {

    private record Outcome(Pattern sign, EngineErrorBodies.Answer answer) {
    }

    private static final List<Outcome> OUTCOMES = List.of(
            new Outcome(Pattern.compile("TaskAlreadyClaimedException|is already claimed by someone else"),
                    new EngineErrorBodies.Answer(409, "该任务已被他人认领，请刷新后查看")),
            new Outcome(Pattern.compile("OptimisticLock|updated by another transaction concurrently"
                    + "|Row was updated or deleted by another transaction"),
                    new EngineErrorBodies.Answer(409, "该工单刚被他人同时处理，请刷新后重试")),
            new Outcome(Pattern.compile("Cannot find task with id|task is null"),
                    new EngineErrorBodies.Answer(404, "该任务已不存在，可能已被他人办理完毕，请刷新")));

    private LostRaces() {
    }

    /** The answer for a lost race, if the engine's error body tells of one. */
    static Optional<EngineErrorBodies.Answer> answer(byte[] errorBody) {
        String body = new String(errorBody, StandardCharsets.UTF_8);
        return OUTCOMES.stream().filter(o -> o.sign().matcher(body).find()).map(Outcome::answer).findFirst();
    }
}
