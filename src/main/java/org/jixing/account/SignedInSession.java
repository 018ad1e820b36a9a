package org.jixing.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jixing.account.internal.SecondFactorSession;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * What a page tells the signed-in session about the second factor. The session's
 * authentication itself is the module's own business
 * ({@code internal.SecondFactorSession}); pages only say what happened.
 */
@Component
public class SignedInSession {

    private final SecondFactorSession session;

    SignedInSession(SecondFactorSession session) {
        this.session = session;
    }

    /** Whether an authentication passed the second factor. */
    public static boolean passedSecondFactor(Authentication auth) {
        return SecondFactorSession.passed(auth);
    }

    /** The signed-in user gave a right code (at sign-in or at enrolment). */
    public void passedSecondFactor(HttpServletRequest request, HttpServletResponse response) {
        session.passed(request, response);
    }

    /** The signed-in user turned the factor off. */
    public void turnedSecondFactorOff(HttpServletRequest request, HttpServletResponse response) {
        session.turnedOff(request, response);
    }

}
