package org.jixing.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Who completes a class: a trainee whose attendance reaches the province's threshold and
 * who passed the provider's assessment. Live completion and recorded history apply it
 * alike.
 */
@Component
class CompletionRule {

    private final Attendance attendance;

    private final AttendanceProperties attendanceRules;

    private final MessageSource messages;

    CompletionRule(Attendance attendance, AttendanceProperties attendanceRules, MessageSource messages) {
        this.attendance = attendance;
        this.attendanceRules = attendanceRules;
        this.messages = messages;
    }

    /** Each enrolment's attendance rate over the class's sessions. */
    Map<Long, Attendance.Rate> rates(long classId) {
        return attendance.rates(classId);
    }

    /**
     * Why a trainee does not complete: attendance below the threshold, a failed
     * assessment; empty when they complete. In Chinese, the language of the records.
     */
    List<String> shortfalls(Attendance.Rate rate, boolean failedAssessment) {
        List<String> reasons = new ArrayList<>();
        if (rate.value() < attendanceRules.completionRate()) {
            reasons.add(messages.getMessage("training.completion.lowAttendance",
                    new Object[] { rate.percent(), (int) Math.round(attendanceRules.completionRate() * 100) },
                    Locale.SIMPLIFIED_CHINESE));
        }
        if (failedAssessment) {
            reasons.add(messages.getMessage("training.completion.failedAssessment", null, Locale.SIMPLIFIED_CHINESE));
        }
        return reasons;
    }

}
