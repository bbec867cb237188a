package org.gridcase.casework;

import static org.gridcase.casework.GridReportVariables.*;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.gridcase.system.ConflictException;
import org.gridcase.system.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * The reporter's own rating of a round's result, with the tracking token: between the feedback and the end of
 * the rating window (Gateway_RatingOrCall in GridReportProcess) it is the round's return visit, and the case goes
 * on as after the community's call. The process decides when a rating is welcome: it is welcome exactly while
 * the instance waits for Message_ReporterRated, so the answer cannot disagree with the model.
 */
@Service
public class ReporterRatings {

    static final String MESSAGE = "ReporterRated";
    static final String REPORTER = "REPORTER";
    private static final int MAX_ATTEMPTS = 4;

    private final CaseQueries cases;
    private final ProcessEngineConfigurationImpl engine;

    ReporterRatings(CaseQueries cases, ProcessEngineConfigurationImpl engine) {
        this.cases = cases;
        this.engine = engine;
    }

    /** Whether the case's process waits for the reporter's rating now. */
    public boolean canRate(CaseDetails c) {
        return c.processInstanceId() != null && unauthorised(() -> engine.getRuntimeService()
                .createEventSubscriptionQuery().processInstanceId(c.processInstanceId()).eventType("message")
                .eventName(MESSAGE).count() > 0);
    }

    /** Whether the community's call is due and not yet made (the rating window has passed). */
    private boolean callPending(CaseDetails c) {
        return c.processInstanceId() != null && unauthorised(() -> engine.getTaskService().createTaskQuery()
                .processInstanceId(c.processInstanceId()).taskDefinitionKey("Task_ReturnVisit").count() > 0);
    }

    /**
     * Runs engine work in one command without authorisation checks: the reporter has no engine account (and a
     * member of staff calling with Basic must not see less); the tracking token, checked first, is the authority.
     */
    private <T> T unauthorised(Supplier<T> work) {
        return engine.getCommandExecutorTxRequired().execute(context -> {
            context.disableAuthorizationCheck();
            try {
                return work.get();
            } finally {
                context.enableAuthorizationCheck();
            }
        });
    }

    /**
     * Rates the round with the values of the return-visit form (already checked by the caller) and answers the
     * case as it stands after. No outer transaction on purpose: the correlation is one engine command in its own
     * transaction, so a timer that fired at the same moment makes it fail whole, and the loser hears 409.
     */
    public CaseDetails rate(String caseNumber, String token, String resolution, String satisfaction,
            String comment) {
        CaseDetails c = cases.findForReporter(caseNumber, token).orElseThrow(() -> notFound(caseNumber));
        if (!canRate(c)) {
            throw new ConflictException(whyNot(c));
        }
        Map<String, Object> rating = new HashMap<>();
        rating.put(RESOLUTION, resolution);
        rating.put(SATISFACTION, satisfaction);
        rating.put(RETURN_VISIT_NOTE, comment == null || comment.isBlank() ? null : comment.strip());
        rating.put(RATED_BY, REPORTER);
        for (int attempt = 1; ; attempt++) {
            try {
                unauthorised(() -> engine.getRuntimeService().createMessageCorrelation(MESSAGE)
                        .processInstanceId(c.processInstanceId()).setVariables(rating).correlateWithResult());
                break;
            } catch (RuntimeException failed) {
                // The rating window may have closed since canRate: the timer fired, or a rating in another request
                // won. The engine reports that race in several ways depending on the moment it hits (no matching
                // subscription, an optimistic lock, a subscription or parent gone from its execution mid-command, a
                // deadlock with the timer's job, which PostgreSQL may settle against either side), so ask the process
                // again rather than guess from the exception's type. The failed command rolled back whole, so while
                // the process still waits for the rating (the other side lost, or has not committed yet) the rating
                // is tried again, a few times.
                CaseDetails now = cases.findForReporter(caseNumber, token).orElseThrow(() -> notFound(caseNumber));
                if (!canRate(now)) {
                    throw new ConflictException(whyNot(now));
                }
                if (attempt == MAX_ATTEMPTS) {
                    throw failed;
                }
                pause(attempt);
            }
        }
        return cases.findForReporter(caseNumber, token).orElseThrow(() -> notFound(caseNumber));
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(50L * attempt);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rating", interrupted);
        }
    }

    /** Why a rating is not welcome now, in the reporter's words. */
    private String whyNot(CaseDetails c) {
        if (callPending(c)) {
            return "评价时限已过，社区将电话回访";
        }
        if (c.status() == CaseStatus.RETURN_VISIT || c.status() == CaseStatus.CLOSED) {
            return "已完成回访";
        }
        // back in handling after a round's rating or call: the next round opens with the next feedback
        return c.ratedBy() != null && c.status() != CaseStatus.FEEDBACK ? "已完成回访" : "尚未到评价环节";
    }

    private static NotFoundException notFound(String caseNumber) {
        return new NotFoundException("工单 " + caseNumber + " 不存在，或跟踪链接不正确");
    }
}
