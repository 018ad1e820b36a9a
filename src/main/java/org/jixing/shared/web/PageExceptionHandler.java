package org.jixing.shared.web;

import org.jixing.shared.scope.RecordNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Pages answer a missing or out-of-scope record with the same 404 page. */
@ControllerAdvice(annotations = Controller.class)
class PageExceptionHandler {

    private final LayoutAdvice layout;

    private final org.jixing.shared.access.Refusals refusals;

    private final org.springframework.context.MessageSource messages;

    PageExceptionHandler(LayoutAdvice layout, org.jixing.shared.access.Refusals refusals,
            org.springframework.context.MessageSource messages) {
        this.layout = layout;
        this.refusals = refusals;
        this.messages = messages;
    }

    /**
     * A role without the permission, or a service's own refusal: the 403 page, audited.
     */
    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(org.springframework.security.access.AccessDeniedException ex,
            jakarta.servlet.http.HttpServletRequest request, Model model) {
        refusals.forbidden(ex, request);
        layout.addTo(model);
        return "error/403";
    }

    /** A typed address with a value that is not of its kind: say which and what. */
    @ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badParameter(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException ex, Model model) {
        layout.addTo(model);
        model.addAttribute("parameter", ex.getName());
        model.addAttribute("value", String.valueOf(ex.getValue()));
        return "error/400";
    }

    /** An upload whose file name holds control characters or path separators. */
    @ExceptionHandler(UploadNames.Refused.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badFileName(UploadNames.Refused ex, Model model, java.util.Locale locale) {
        layout.addTo(model);
        model.addAttribute("message", messages.getMessage(ex.rule(), new Object[] { ex.printableName() }, locale));
        return "error/400";
    }

    @ExceptionHandler(RecordNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(RecordNotFoundException ex, Model model) {
        if (ex instanceof org.jixing.shared.scope.ScopeGuard.UnderAnotherParent) {
            refusals.wrongParent(ex.recordType(), ex.recordId());
        }
        layout.addTo(model);
        return "error/404";
    }

}
