package org.jixing.shared;

import java.io.Serializable;
import java.util.List;

/**
 * Input that breaks a rule. Each problem names the field and a message key (with
 * arguments) so the page or the API can say, in the user's language, which field and
 * which rule.
 */
public class InvalidInputException extends RuntimeException {

    public record Problem(String field, String messageKey, Object... args) implements Serializable {
    }

    private final List<Problem> problems;

    public InvalidInputException(List<Problem> problems) {
        super(problems.stream()
            .map(p -> p.field() + ": " + p.messageKey())
            .reduce((a, b) -> a + "; " + b)
            .orElse("invalid input"));
        this.problems = List.copyOf(problems);
    }

    public static InvalidInputException of(String field, String messageKey, Object... args) {
        return new InvalidInputException(List.of(new Problem(field, messageKey, args)));
    }

    public List<Problem> problems() {
        return problems;
    }

}
