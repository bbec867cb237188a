package org.gridcase.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * A row the database refused: only a unique key that another request took at the same moment is a lost race (409);
 * a missing reference or any other refusal is a fault of ours, answered as a 500 that shows no SQL.
 */
class IntegrityViolationAnswersTests {

    private final ApiErrorHandler handler = new ApiErrorHandler();

    @Test
    void aUniqueKeyTakenMeanwhileIsA409() {
        ResponseEntity<Object> answer = handler.integrityViolation(refused("23505",
                "duplicate key value violates unique constraint \"registry_unit_pkey\""), request());

        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(((ProblemDetail) answer.getBody()).getDetail()).isEqualTo("相同的记录刚由他人同时提交，请刷新后查看");
    }

    @Test
    void aMissingReferenceIsA500ThatShowsNoSql() {
        ResponseEntity<Object> answer = handler.integrityViolation(refused("23503",
                "insert or update on table \"registry_unit\" violates foreign key constraint"), request());

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(((ProblemDetail) answer.getBody()).getDetail()).doesNotContain("registry_unit", "foreign key");
    }

    private static DataIntegrityViolationException refused(String sqlState, String message) {
        return new DataIntegrityViolationException("could not execute statement",
                new IllegalStateException("wrapped", new SQLException(message, sqlState)));
    }

    private static ServletWebRequest request() {
        return new ServletWebRequest(new MockHttpServletRequest("POST", "/api/registry/units"));
    }
}
