package org.gridcase.system;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure of gridcase's own API into a problem detail whose {@code errors} name the field and the
 * problem, so that a client (and the person behind it) can correct the input. Nothing here leaks a stack trace.
 */
@RestControllerAdvice(basePackages = "org.gridcase")
class ApiErrorHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    private static final String ERRORS = "errors";
    private static final Map<HttpStatus, String> TITLES = Map.of(
            HttpStatus.BAD_REQUEST, "请求有误",
            HttpStatus.NOT_FOUND, "未找到",
            HttpStatus.CONFLICT, "冲突",
            HttpStatus.METHOD_NOT_ALLOWED, "不支持的请求方法",
            HttpStatus.FORBIDDEN, "无权操作",
            HttpStatus.TOO_MANY_REQUESTS, "请求过于频繁",
            HttpStatus.INTERNAL_SERVER_ERROR, "服务器错误");

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldError(e.getField(), e.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return badRequest(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result instanceof ParameterErrors body
                        // a @Valid request body checked together with constrained parameters: name its fields
                        ? body.getFieldErrors().stream().map(e -> new FieldError(e.getField(), e.getDefaultMessage()))
                        : result.getResolvableErrors().stream()
                                .map(error -> new FieldError(parameterName(result), error.getDefaultMessage())))
                .distinct() // NaN breaks both bounds of a range with the same message
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return badRequest(errors);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return badRequest(List.of(new FieldError(ex.getParameterName(), "必须提供")));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : ex.getPropertyName();
        return badRequest(List.of(new FieldError(field, "格式不正确：" + ex.getValue())));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                    .orElse("body");
            String problem = mismatch instanceof InvalidFormatException invalid
                    ? "取值不正确：" + invalid.getValue()
                    : "类型不正确";
            return badRequest(List.of(new FieldError(field, problem)));
        }
        return badRequest(List.of(new FieldError("body", "请求体不是有效的 JSON")));
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "不支持的请求方法：" + ex.getMethod(), List.of());
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Object> invalidRequest(InvalidRequestException ex) {
        return badRequest(ex.errors());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException ex) {
        return problem(HttpStatus.NOT_FOUND, ex.getMessage(), List.of());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException ex) {
        return problem(HttpStatus.CONFLICT, ex.getMessage(), List.of());
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<Object> tooManyRequests(TooManyRequestsException ex) {
        ResponseEntity<Object> answer = problem(HttpStatus.TOO_MANY_REQUESTS, ex.getMessage(), List.of());
        return ResponseEntity.status(answer.getStatusCode())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()))
                .body(answer.getBody());
    }

    /** Someone else changed the same record at the same moment: the loser is told, not given a 500. */
    @ExceptionHandler({ConcurrencyFailureException.class, OptimisticLockingException.class})
    ResponseEntity<Object> concurrentUpdate(Exception ex) {
        return problem(HttpStatus.CONFLICT, "该记录已被他人同时修改，请刷新后重试", List.of());
    }

    @ExceptionHandler(TaskAlreadyClaimedException.class)
    ResponseEntity<Object> alreadyClaimed(TaskAlreadyClaimedException ex) {
        return problem(HttpStatus.CONFLICT, "该任务已被他人认领，请刷新后查看", List.of());
    }

    /**
     * Any other failure of the engine: a race lost in another form (LostRaces: a part of the case removed by another
     * step while this one ran) is a 409 or 404; anything else is a fault of ours.
     */
    @ExceptionHandler(ProcessEngineException.class)
    ResponseEntity<Object> engineFailure(ProcessEngineException ex, WebRequest request) {
        return LostRaces.in(ex)
                .map(lost -> problem(HttpStatus.valueOf(lost.status()), lost.message(), List.of()))
                .orElseGet(() -> unexpected(ex, request));
    }

    /**
     * A row the database refused: a unique key taken by a request that created the same thing at the same moment
     * (LostRaces) is a 409; anything else (a missing reference, a value too long) is a fault of ours.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrityViolation(DataIntegrityViolationException ex, WebRequest request) {
        return LostRaces.in(ex)
                .map(lost -> {
                    log.info("Lost race answered with {}: {}", lost.status(), request.getDescription(false));
                    return problem(HttpStatus.valueOf(lost.status()), lost.message(), List.<FieldError>of());
                })
                .orElseGet(() -> unexpected(ex, request));
    }

    /** The engine refused the caller (authorization is on): who may do what is the engine's to say. */
    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<Object> forbidden(AuthorizationException ex) {
        return problem(HttpStatus.FORBIDDEN, "没有权限执行此操作", List.of());
    }

    /** Anything else is a fault of ours: logged whole, answered without a class name, SQL or stack trace. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        log.error("Unexpected failure of {}", request.getDescription(false), ex);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误，请稍后重试；如仍出现请联系系统管理员", List.of());
    }

    private static String parameterName(ParameterValidationResult result) {
        var parameter = result.getMethodParameter();
        RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
        if (requestParam != null && !requestParam.name().isEmpty()) {
            return requestParam.name();
        }
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null && !header.name().isEmpty()) {
            return header.name();
        }
        return parameter.getParameterName();
    }


    private static ResponseEntity<Object> badRequest(List<FieldError> errors) {
        return problem(HttpStatus.BAD_REQUEST, "请求参数有误", errors);
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String detail, List<FieldError> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(TITLES.getOrDefault(status, status.getReasonPhrase()));
        if (!errors.isEmpty()) {
            body.setProperty(ERRORS, errors);
            body.setDetail(detail + "：" + errors.stream()
                    .map(e -> e.field() + " " + e.message())
                    .reduce((a, b) -> a + "；" + b)
                    .orElse(""));
        }
        return ResponseEntity.status(status).body(body);
    }
}
