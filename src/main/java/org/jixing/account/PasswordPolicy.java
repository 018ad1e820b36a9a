package org.jixing.account;

import java.util.ArrayList;
import java.util.List;

import org.jixing.shared.InvalidInputException;

/**
 * At least 12 characters, not the username. Long passphrases beat composition rules (NIST
 * SP 800-63B).
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;

    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    public static List<InvalidInputException.Problem> check(String field, String password, String username) {
        List<InvalidInputException.Problem> problems = new ArrayList<>();
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            problems.add(new InvalidInputException.Problem(field, "account.password.tooShort", MIN_LENGTH));
        }
        else if (password.length() > MAX_LENGTH) {
            problems.add(new InvalidInputException.Problem(field, "account.password.tooLong", MAX_LENGTH));
        }
        else if (username != null && password.equalsIgnoreCase(username)) {
            problems.add(new InvalidInputException.Problem(field, "account.password.sameAsUsername"));
        }
        return problems;
    }

}
