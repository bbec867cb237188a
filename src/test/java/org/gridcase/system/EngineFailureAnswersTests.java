package org.gridcase.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * gridcase's own API when the engine fails under it: a race lost in the form of a part of the case removed by another
 * step meanwhile is a 409 in Chinese, as on the engine's REST root (LostRaces); any other failure stays a 500 that
 * names nothing of the engine.
 */
class EngineFailureAnswersTests {

    private final ApiErrorHandler handler = new ApiErrorHandler();

    @Test
    void aPartOfTheCaseRemovedMeanwhileIsA409() {
        ResponseEntity<Object> answer = handler.engineFailure(new ProcessEngineException("wrapped",
                new ProcessEngineException("ENGINE-03077 Cannot resolve parent with id 'a' of execution 'b', perhaps"
                        + " it was deleted in the meantime")), request());

        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(((ProblemDetail) answer.getBody()).getDetail()).isEqualTo("该工单刚被他人同时处理，请刷新后重试");
    }

    @Test
    void aDeadlockTheDatabaseBrokeIsA409() {
        // the engine gives a deadlock's victim its code 10000 (BuiltinExceptionCode.DEADLOCK)
        ResponseEntity<Object> answer = handler.engineFailure(new ProcessEngineException("An exception occurred in"
                + " the persistence layer. Please check the server logs for a detailed message and the entire"
                + " exception stack trace.", 10_000), request());

        assertThat(answer.getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void anyOtherFailureOfTheEngineIsA500ThatNamesNothingOfIt() {
        ResponseEntity<Object> answer = handler.engineFailure(new ProcessEngineException(
                "ENGINE-02004 No outgoing sequence flow for the element with id 'Gateway_X'"), request());

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(((ProblemDetail) answer.getBody()).getDetail()).doesNotContain("ENGINE-", "Gateway_X");
    }

    private static ServletWebRequest request() {
        return new ServletWebRequest(new MockHttpServletRequest("POST", "/api/cases/X/urge"));
    }
}
