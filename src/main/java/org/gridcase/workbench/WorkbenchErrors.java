package org.gridcase.workbench;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The workbench's own refusal (403), in the API's problem format; everything else is the API's error handler's. */
@RestControllerAdvice(basePackageClasses = WorkbenchErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WorkbenchErrors {

    @ExceptionHandler(Forbidden.class)
    ResponseEntity<ProblemDetail> forbidden(Forbidden e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("无权操作");
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }
}
