package org.jixing.training.web;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.jixing.shared.InvalidInputException;
import org.jixing.shared.ProvinceTime;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.RecordNotFoundException;
import org.jixing.shared.scope.Role;
import org.jixing.training.Attendance;
import org.jixing.training.AttendanceCorrections;
import org.jixing.training.AttendanceEvent;
import org.jixing.training.ClassCalendar;
import org.jixing.training.ClassOpenings;
import org.jixing.training.ClassSession;
import org.jixing.training.ClassStatus;
import org.jixing.training.TrainingClass;
import org.jixing.training.TrainingPermission;
import org.jixing.training.TrainingPermission.Allowed;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A session's attendance sheet with every event of it, and the provider's corrections.
 */
@Controller
@RequestMapping("/classes")
class AttendancePages {

    private final ClassOpenings classes;

    private final Attendance attendance;

    private final AttendanceCorrections corrections;

    private final Clock clock;

    AttendancePages(ClassOpenings classes, Attendance attendance, AttendanceCorrections corrections, Clock clock) {
        this.classes = classes;
        this.attendance = attendance;
        this.corrections = corrections;
        this.clock = clock;
    }

    @Allowed(TrainingPermission.CLASS_READ)
    @GetMapping("/{id}/sessions/{sessionId}")
    String sheet(@PathVariable long id, @PathVariable long sessionId, Model model) {
        TrainingClass c = classes.get(id);
        model.addAttribute("c", c);
        ClassCalendar calendar = classes.calendar(id);
        ClassSession session = calendar.sessions()
            .stream()
            .filter(s -> s.id() == sessionId)
            .findFirst()
            .orElseThrow(() -> new RecordNotFoundException("session", sessionId));
        model.addAttribute("classSession", session);
        model.addAttribute("checkInsFrom", ProvinceTime.at(calendar.checkInsFrom(session)));
        model.addAttribute("checkInsUntil", ProvinceTime.at(calendar.checkInsUntil(session)));
        var correctionWaits = calendar.correctionWaitsFor(session, clock.instant()).map(ProvinceTime::at);
        model.addAttribute("rows", attendance.sheet(id, sessionId));
        var events = attendance.events(id, sessionId);
        model.addAttribute("events", events);
        Map<Long, String> outcomes = new HashMap<>();
        for (AttendanceEvent e : events) {
            outcomes.put(e.id(), attendance.describe(e.accepted() ? null : e.reason(), session));
        }
        model.addAttribute("outcomes", outcomes);
        boolean open = CurrentUser.require().hasRole(Role.PROVIDER_STAFF)
                && (c.status() == ClassStatus.APPROVED || c.status() == ClassStatus.RUNNING);
        // A session that has not ended cannot be marked: say from when it can.
        model.addAttribute("canCorrect", open && correctionWaits.isEmpty());
        model.addAttribute("correctionWaits", open ? correctionWaits.orElse(null) : null);
        return "training/attendance";
    }

    @Allowed(TrainingPermission.ATTENDANCE_CORRECT)
    @PostMapping("/{id}/sessions/{sessionId}/corrections")
    String correct(@PathVariable long id, @PathVariable long sessionId, @RequestParam long enrolmentId,
            @RequestParam boolean present, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            corrections.correct(id, sessionId, enrolmentId, present, reason);
            redirect.addFlashAttribute("notice", "training.attendance.corrected");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("problems", ex.problems());
        }
        return "redirect:/classes/" + id + "/sessions/" + sessionId;
    }

}
