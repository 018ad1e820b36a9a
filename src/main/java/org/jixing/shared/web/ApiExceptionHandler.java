package org.jixing.shared.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.jixing.shared.InvalidInputException;
import org.jixing.shared.access.Refusals;
import org.jixing.shared.scope.RecordNotFoundException;
import org.jixing.shared.scope.ScopeGuard;
import org.jixing.shared.throttle.ThrottledException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem+json for every REST controller, with titles and details in the user's
 * language. It comes before the page handlers, which would otherwise also match REST
 * controllers ({@code @RestController} is a {@code @Controller}).
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private final MessageSource messages;

    private final Refusals refusals;

    ApiExceptionHandler(MessageSource messages, Refusals refusals) {
        this.messages = messages;
        this.refusals = refusals;
        setMessageSource(messages);
    }

    @ExceptionHandler(RecordNotFoundException.class)
    ProblemDetail notFound(RecordNotFoundException ex) {
        if (ex instanceof ScopeGuard.UnderAnotherParent) {
            refusals.wrongParent(ex.recordType(), ex.recordId());
        }
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "error.notFound.title", "error.notFound.detail");
        problem.setType(URI.create("urn:jixing:problem:not-found"));
        return problem;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException ex) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "error.invalid.title",
                "error.invalid.detail");
        problem.setType(URI.create("urn:jixing:problem:invalid-input"));
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, String>> errors = ex.problems()
            .stream()
            .map(p -> Map.of("field", p.field() == null ? "" : p.field(), "rule", p.messageKey(), "message",
                    messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale)))
            .toList();
        problem.setProperty("errors", errors);
        return problem;
    }

    /** 429 with Retry-After, and a message saying how long to wait. */
    @ExceptionHandler(ThrottledException.class)
    ResponseEntity<ProblemDetail> throttled(ThrottledException ex) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                messages.getMessage("error.throttled.detail", new Object[] { ex.retryAfterSeconds() }, locale));
        problem.setTitle(messages.getMessage("error.throttled.title", null, locale));
        problem.setType(URI.create("urn:jixing:problem:throttled"));
        problem.setProperty("use", ex.use());
        problem.setProperty("retryAfterSeconds", ex.retryAfterSeconds());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
            .header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()))
            .body(problem);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException ex, HttpServletRequest request) {
        refusals.forbidden(ex, request);
        return problem(HttpStatus.FORBIDDEN, "error.forbidden.title", "error.forbidden.detail");
    }

    @ExceptionHandler(UploadNames.Refused.class)
    ProblemDetail badFileName(UploadNames.Refused ex) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage(ex.rule(), new Object[] { ex.printableName() }, locale));
        problem.setTitle(messages.getMessage("error.fileName.title", null, locale));
        problem.setType(URI.create("urn:jixing:problem:file-name"));
        return problem;
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ProblemDetail duplicate(DuplicateKeyException ex) {
        return problem(HttpStatus.CONFLICT, "error.conflict.title", "error.duplicate.detail");
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail stale(OptimisticLockingFailureException ex) {
        return problem(HttpStatus.CONFLICT, "error.conflict.title", "error.stale.detail");
    }

    private ProblemDetail problem(HttpStatus status, String titleKey, String detailKey) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messages.getMessage(detailKey, null, locale));
        problem.setTitle(messages.getMessage(titleKey, null, locale));
        return problem;
    }

}
