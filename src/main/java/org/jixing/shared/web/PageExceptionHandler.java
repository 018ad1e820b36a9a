package org.jixing.shared.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jixing.shared.access.Refusals;
import org.jixing.shared.scope.RecordNotFoundException;
import org.jixing.shared.throttle.ThrottledException;
import org.jixing.shared.scope.ScopeGuard;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Pages answer a missing or out-of-scope record with the same 404 page. */
@ControllerAdvice(annotations = Controller.class)
class PageExceptionHandler {

    private final PageLayout layout;

    private final Refusals refusals;

    private final MessageSource messages;

    PageExceptionHandler(PageLayout layout, Refusals refusals, MessageSource messages) {
        this.layout = layout;
        this.refusals = refusals;
        this.messages = messages;
    }

    /**
     * A role without the permission, or a service's own refusal: the 403 page, audited.
     */
    @ExceptionHandler(AccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(AccessDeniedException ex, HttpServletRequest request, Model model) {
        refusals.forbidden(ex, request);
        layout.addTo(model);
        return "error/403";
    }

    /** A typed address with a value that is not of its kind: say which and what. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badParameter(MethodArgumentTypeMismatchException ex, Model model) {
        layout.addTo(model);
        model.addAttribute("parameter", ex.getName());
        model.addAttribute("value", String.valueOf(ex.getValue()));
        return "error/400";
    }

    /** An upload whose file name holds control characters or path separators. */
    @ExceptionHandler(UploadNames.Refused.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badFileName(UploadNames.Refused ex, Model model, Locale locale) {
        layout.addTo(model);
        model.addAttribute("message", messages.getMessage(ex.rule(), new Object[] { ex.printableName() }, locale));
        return "error/400";
    }

    /**
     * Too many tries from one caller (a one-time code, a public form): say how long to
     * wait.
     */
    @ExceptionHandler(ThrottledException.class)
    @ResponseStatus(HttpStatus.TOO_MANY_REQUESTS)
    String throttled(ThrottledException ex, Model model, HttpServletResponse response) {
        layout.addTo(model);
        response.setHeader("Retry-After", String.valueOf(ex.retryAfterSeconds()));
        model.addAttribute("retryAfterSeconds", ex.retryAfterSeconds());
        return "error/429";
    }

    @ExceptionHandler(RecordNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(RecordNotFoundException ex, Model model) {
        if (ex instanceof ScopeGuard.UnderAnotherParent) {
            refusals.wrongParent(ex.recordType(), ex.recordId());
        }
        layout.addTo(model);
        return "error/404";
    }

}
