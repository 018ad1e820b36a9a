package org.jixing.training.web;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jixing.person.PersonalDataExports;
import org.jixing.shared.PageResult;
import org.jixing.shared.ProvinceTime;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.Role;
import org.jixing.training.Attendance;
import org.jixing.training.ClassCalendar;
import org.jixing.training.ClassDecision;
import org.jixing.training.ClassOpenings;
import org.jixing.training.ClassStatus;
import org.jixing.training.Enrolments;
import org.jixing.training.Programmes;
import org.jixing.training.TrainingClass;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * A class's page: its particulars, sessions and history, the steps the user may take
 * (asked of {@link ClassDecision}) and when those that wait become possible, and the
 * roster with attendance rates. The forms on it show it again with their problems.
 */
@Component
class ClassDetailPage {

    private final ClassOpenings classes;

    private final Programmes programmes;

    private final Enrolments enrolments;

    private final Attendance attendance;

    private final PersonalDataExports exports;

    private final Clock clock;

    ClassDetailPage(ClassOpenings classes, Programmes programmes, Enrolments enrolments, Attendance attendance,
            PersonalDataExports exports, Clock clock) {
        this.classes = classes;
        this.programmes = programmes;
        this.enrolments = enrolments;
        this.attendance = attendance;
        this.exports = exports;
        this.clock = clock;
    }

    /** Fills the model of the class's page (a page of its roster) and names its view. */
    String render(long id, int page, Integer size, Model model) {
        TrainingClass c = classes.get(id);
        CurrentUser me = CurrentUser.require();
        model.addAttribute("c", c);
        model.addAttribute("programme", programmes.get(c.programmeId()));
        model.addAttribute("sessions", classes.sessions(id));
        model.addAttribute("history", classes.history(id));
        // Completion has its own form (each trainee's assessment), not a decision button.
        List<ClassDecision> decisions = ClassDecision.open(c.status(), me)
            .stream()
            .filter(d -> d != ClassDecision.COMPLETE)
            .toList();
        model.addAttribute("decisions", decisions);
        // The calendar the service enforces says which steps wait, and for when.
        ClassCalendar calendar = classes.calendar(id);
        Instant now = clock.instant();
        Map<String, MessageSourceResolvable> waits = new HashMap<>();
        decisions.forEach(d -> calendar.waitsFor(d, now).ifPresent(at -> waits.put(d.verb(), ProvinceTime.at(at))));
        model.addAttribute("waits", waits);
        boolean live = c.status() == ClassStatus.SUBMITTED || c.status() == ClassStatus.APPROVED
                || c.status() == ClassStatus.RUNNING;
        model.addAttribute("startsFrom", live && calendar.startsFrom() != null && c.status() != ClassStatus.RUNNING
                ? ProvinceTime.at(calendar.startsFrom()) : null);
        model.addAttribute("completesFrom",
                live && calendar.completesFrom() != null ? ProvinceTime.at(calendar.completesFrom()) : null);
        model.addAttribute("completionWaits",
                calendar.waitsFor(ClassDecision.COMPLETE, now).map(ProvinceTime::at).orElse(null));
        model.addAttribute("windowMinutes", calendar.windowMinutes());
        model.addAttribute("lateUploadHours", calendar.lateUploadHours());
        model.addAttribute("roster",
                enrolments.rosterPage(id, Math.max(0, page), size == null ? 100 : PageResult.size(size)));
        model.addAttribute("rates", attendance.rates(id));
        model.addAttribute("mayExportFullIdNumbers", exports.mayExportFullIdNumbers());
        model.addAttribute("canComplete", ClassDecision.COMPLETE.take(c.status(), me).allowed());
        model.addAttribute("canEnrol", me.hasRole(Role.PROVIDER_STAFF)
                && (c.status() == ClassStatus.APPROVED || c.status() == ClassStatus.RUNNING));
        return "training/class-detail";
    }

}
