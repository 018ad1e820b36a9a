package org.jixing.training;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.ProvinceTime;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * The outcome of a check-in in the user's language: accepted, or the refusal with the
 * rule's figures, and the times of the session's windows where the refusal is about time.
 */
@Component
@EnableConfigurationProperties(AttendanceProperties.class)
public class AttendanceOutcomes {

    private final MessageSource messages;

    private final AttendanceProperties rules;

    AttendanceOutcomes(MessageSource messages, AttendanceProperties rules) {
        this.messages = messages;
        this.rules = rules;
    }

    /** An outcome in the user's language: accepted (null reason) or why not. */
    public String describe(String reason) {
        return describe(reason, null);
    }

    /**
     * An outcome in the user's language; where the reason is about time (outside the
     * session's window, uploaded after its late-upload window closed) and the session is
     * known, the message names the times of that session's windows.
     */
    public String describe(String reason, ClassSession session) {
        boolean timed = session != null && namesTimes(reason);
        Object[] args = { rules.windowMinutes(), rules.radiusMetres(), rules.clockSkewSeconds(),
                rules.lateUploadHours(), null, null, null };
        if (timed) {
            Duration window = Duration.ofMinutes(rules.windowMinutes());
            args[4] = ProvinceTime.at(session.startsAt().minus(window));
            args[5] = ProvinceTime.at(session.endsAt().plus(window));
            args[6] = ProvinceTime.at(rules.lateUploadClosesAt(session.endsAt()));
        }
        String key = "training.attendance." + (reason == null ? "ACCEPTED" : reason) + (timed ? ".at" : "");
        return messages.getMessage(new DefaultMessageSourceResolvable(new String[] { key }, args),
                LocaleContextHolder.getLocale());
    }

    static boolean namesTimes(String reason) {
        return CheckInRefusal.OUTSIDE_WINDOW.name().equals(reason)
                || CheckInRefusal.UPLOADED_TOO_LATE.name().equals(reason);
    }

    /** The field errors of a malformed event, each with its message. */
    List<CheckInBatchResult.FieldError> fieldErrors(List<Problem> problems) {
        Locale locale = LocaleContextHolder.getLocale();
        return problems.stream()
            .map(p -> new CheckInBatchResult.FieldError(p.field(), p.messageKey(),
                    messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale)))
            .toList();
    }

}
