package org.gridcase.photo;

import java.util.List;

import org.gridcase.system.FieldError;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * The upload's own failures in Chinese, naming the field {@code file}, before the API's general handler would
 * answer them in Spring's English. Multipart requests are parsed lazily (spring.servlet.multipart.resolve-lazily),
 * so a file over Tomcat's limit fails inside this controller and reaches this advice, not a bare 413.
 */
@RestControllerAdvice(assignableTypes = PhotoController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PhotoUploadErrors {

    private final PhotoSettings settings;

    PhotoUploadErrors(PhotoSettings settings) {
        this.settings = settings;
    }

    @ExceptionHandler(PhotoTooLarge.class)
    ResponseEntity<ProblemDetail> tooLarge(PhotoTooLarge ex) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, ex.getMessage());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> overTheServersLimit(MaxUploadSizeExceededException ex) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, PhotoTooLarge.message(settings.maxSize()));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ProblemDetail> missing(MissingServletRequestPartException ex) {
        return problem(HttpStatus.BAD_REQUEST, "必须上传一个文件（表单字段 file）");
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> notMultipart(MultipartException ex) {
        return problem(HttpStatus.BAD_REQUEST, "必须以 multipart/form-data 上传（表单字段 file）");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String message) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, "请求参数有误：file " + message);
        body.setTitle(status == HttpStatus.PAYLOAD_TOO_LARGE ? "文件过大" : "请求有误");
        body.setProperty("errors", List.of(new FieldError("file", message)));
        return ResponseEntity.status(status).body(body);
    }
}
