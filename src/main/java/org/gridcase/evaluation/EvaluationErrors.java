package org.gridcase.evaluation;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The evaluation's own refusal, in Chinese, before the application's catch-all answers it as a fault. */
@RestControllerAdvice(basePackageClasses = EvaluationErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class EvaluationErrors {

    @ExceptionHandler(NotAllowed.class)
    ResponseEntity<ProblemDetail> notAllowed(NotAllowed e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("无权操作");
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }
}
