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

    PageExceptionHandler(LayoutAdvice layout) {
        this.layout = layout;
    }

    @ExceptionHandler(RecordNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        layout.addTo(model);
        return "error/404";
    }

}
