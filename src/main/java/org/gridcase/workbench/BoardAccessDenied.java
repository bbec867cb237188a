package org.gridcase.workbench;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A board the caller's role does not open: 403 with the reason in Chinese, as the API's other refusals. */
final class BoardAccessDenied extends RuntimeException {

    BoardAccessDenied(String message) {
        super(message);
    }

    // before the API's own handler, which answers any exception it is given first as a fault of ours (500)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @RestControllerAdvice(assignableTypes = {StreetBoardController.class, DistrictBoardController.class,
            MapController.class})
    static class Handler {

        @ExceptionHandler(BoardAccessDenied.class)
        ResponseEntity<ProblemDetail> denied(BoardAccessDenied denied) {
            ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, denied.getMessage());
            body.setTitle("无权操作");
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(body);
        }
    }
}
