package org.jixing.shared.web;

import org.jixing.shared.InvalidInputException;
import org.springframework.validation.BindingResult;

/**
 * Puts a service's rule violations onto a page form's fields, so each shows beside its
 * input.
 */
public final class FormErrors {

    private FormErrors() {
    }

    public static void apply(InvalidInputException ex, BindingResult result) {
        for (InvalidInputException.Problem p : ex.problems()) {
            if (p.field() != null && result.getFieldType(p.field()) != null) {
                result.rejectValue(p.field(), p.messageKey(), p.args(), p.messageKey());
            }
            else {
                result.reject(p.messageKey(), p.args(), p.messageKey());
            }
        }
    }

}
