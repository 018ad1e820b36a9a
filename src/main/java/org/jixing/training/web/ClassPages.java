package org.jixing.training.web;

import org.jixing.person.PersonalDataExports;
import org.jixing.training.TrainingPermission;
import org.jixing.training.TrainingPermission.Allowed;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jixing.reference.ReferenceCatalogue;
import org.jixing.reference.Region;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.PageResult;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.Role;
import org.jixing.shared.web.FormErrors;
import org.jixing.shared.web.NavItem;
import org.jixing.shared.ProvinceTime;
import org.jixing.training.ClassCalendar;
import org.jixing.training.ClassDecision;
import org.jixing.training.ClassFilter;
import org.jixing.training.ClassOpenings;
import org.jixing.training.ClassSession;
import org.jixing.training.ClassStatus;
import org.jixing.training.ClassType;
import org.jixing.training.Programme;
import org.jixing.training.Programmes;
import org.jixing.training.Teachers;
import org.jixing.training.TrainingClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Class lists, the opening form, and a class's page with the steps the user may take. */
@Controller
@RequestMapping("/classes")
class ClassPages {

    private final ClassOpenings classes;

    private final Programmes programmes;

    private final Teachers teachers;

    private final ReferenceCatalogue reference;

    private final org.jixing.training.Enrolments enrolments;

    private final org.jixing.training.Attendance attendance;

    private final java.time.Clock clock;

    private final org.jixing.training.AttendanceProperties attendanceRules;

    private final PersonalDataExports exports;

    ClassPages(ClassOpenings classes, Programmes programmes, Teachers teachers, ReferenceCatalogue reference,
            org.jixing.training.Enrolments enrolments, org.jixing.training.Attendance attendance, java.time.Clock clock,
            org.jixing.training.AttendanceProperties attendanceRules, PersonalDataExports exports) {
        this.clock = clock;
        this.attendanceRules = attendanceRules;
        this.exports = exports;
        this.attendance = attendance;
        this.enrolments = enrolments;
        this.classes = classes;
        this.programmes = programmes;
        this.teachers = teachers;
        this.reference = reference;
    }

    @Allowed(TrainingPermission.CLASS_READ)
    @GetMapping
    String list(@RequestParam(required = false) ClassStatus status, @RequestParam(required = false) String line,
            @RequestParam(required = false) String region, @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) Long providerId,
            @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
                    iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate from,
            @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
                    iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate to,
            @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
                    iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate completedFrom,
            @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
                    iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate completedUntil,
            @RequestParam(required = false) String group, @RequestParam(required = false) String subTarget,
            @RequestParam(required = false) org.jixing.training.ClassType type,
            @RequestParam(defaultValue = "false") boolean opened, Model model) {
        ClassFilter filter = new ClassFilter(status, line, region, providerId, q, sort, from, to, type, opened,
                completedFrom, completedUntil, group, subTarget);
        PageResult<TrainingClass> result = classes.search(filter, Math.max(0, page), PageResult.size(size));
        model.addAttribute("completion", filter.byCompletion() ? filter : null);
        model.addAttribute("completedFrom", completedFrom);
        model.addAttribute("completedUntil", completedUntil);
        model.addAttribute("group", group);
        model.addAttribute("subTarget", subTarget);
        reference.actionLines()
            .stream()
            .flatMap(l -> l.subTargets().stream())
            .filter(st -> st.code().equals(subTarget))
            .findFirst()
            .ifPresent(st -> model.addAttribute("subTargetShown", st));
        model.addAttribute("type", type);
        model.addAttribute("types", org.jixing.training.ClassType.values());
        // Only set from a link (the annual figures); kept through the form, like
        // providerId.
        model.addAttribute("opened", opened ? Boolean.TRUE : null);
        model.addAttribute("providerId", providerId);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("sort", sort);
        model.addAttribute("result", result);
        model.addAttribute("status", status);
        model.addAttribute("line", line);
        model.addAttribute("region", region);
        model.addAttribute("q", q);
        model.addAttribute("statuses", ClassStatus.values());
        model.addAttribute("lines", reference.actionLines());
        model.addAttribute("regions", reference.cities());
        names(model);
        model.addAttribute("canApply", TrainingPermission.CLASS_RUN.allowsCurrentUser());
        return "training/class-list";
    }

    @Allowed(TrainingPermission.CLASS_RUN)
    @GetMapping("/new")
    String form(Model model) {
        requireStaff();
        model.addAttribute("form", new ClassForm());
        return formPage(model);
    }

    @Allowed(TrainingPermission.CLASS_RUN)
    @PostMapping
    String apply(@ModelAttribute("form") ClassForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        requireStaff();
        if (binding.hasErrors()) {
            return formPage(model);
        }
        try {
            TrainingClass c = classes.apply(form.toApplication());
            redirect.addFlashAttribute("notice", "training.applied");
            return "redirect:/classes/" + c.id();
        }
        catch (InvalidInputException ex) {
            FormErrors.apply(ex, binding);
            return formPage(model);
        }
    }

    private String formPage(Model model) {
        model.addAttribute("programmes", programmes.list(null).stream().filter(Programme::active).toList());
        model.addAttribute("teachers", teachers.ofOwnProvider());
        model.addAttribute("types", ClassType.values());
        model.addAttribute("days", DayOfWeek.values());
        return "training/class-form";
    }

    @Allowed(TrainingPermission.CLASS_READ)
    @GetMapping("/{id}")
    String detail(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) Integer size, Model model) {
        TrainingClass c = classes.get(id);
        CurrentUser me = CurrentUser.require();
        model.addAttribute("c", c);
        model.addAttribute("programme", programmes.get(c.programmeId()));
        model.addAttribute("sessions", classes.sessions(id));
        model.addAttribute("history", classes.history(id));
        // Completion has its own form (each trainee's assessment), not a decision button.
        java.util.List<ClassDecision> decisions = Arrays.stream(ClassDecision.values())
            .filter(d -> d != ClassDecision.COMPLETE && d.appliesTo(c.status()) && d.mayBeTakenBy(me.role()))
            .toList();
        model.addAttribute("decisions", decisions);
        // The calendar the service enforces says which steps wait, and for when.
        ClassCalendar calendar = classes.calendar(id);
        java.time.Instant now = clock.instant();
        java.util.Map<String, org.springframework.context.MessageSourceResolvable> waits = new java.util.HashMap<>();
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
        model.addAttribute("windowMinutes", attendanceRules.windowMinutes());
        model.addAttribute("lateUploadHours", attendanceRules.lateUploadHours());
        model.addAttribute("roster",
                enrolments.rosterPage(id, Math.max(0, page), size == null ? 100 : PageResult.size(size)));
        model.addAttribute("rates", attendance.rates(id));
        model.addAttribute("mayExportFullIdNumbers", exports.mayExportFullIdNumbers());
        model.addAttribute("canComplete", me.hasRole(Role.PROVIDER_STAFF) && c.status() == ClassStatus.RUNNING);
        model.addAttribute("canEnrol", me.hasRole(Role.PROVIDER_STAFF)
                && (c.status() == ClassStatus.APPROVED || c.status() == ClassStatus.RUNNING));
        names(model);
        return "training/class-detail";
    }

    @Allowed(TrainingPermission.CLASS_DECIDE)
    @PostMapping("/{id}/{verb:approve|reject|start|complete|close|cancel}")
    String decide(@PathVariable long id, @PathVariable String verb, @RequestParam int version,
            @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        ClassDecision decision = ClassDecision.valueOf(verb.toUpperCase(java.util.Locale.ROOT));
        try {
            classes.decide(id, decision, version, reason);
            redirect.addFlashAttribute("notice", "training.decision.done");
            return "redirect:/classes/" + id;
        }
        catch (InvalidInputException ex) {
            model.addAttribute("problems", ex.problems());
        }
        catch (OptimisticLockingFailureException ex) {
            model.addAttribute("problems",
                    java.util.List.of(new InvalidInputException.Problem(null, "training.error.stale")));
        }
        model.addAttribute("openDecision", verb);
        return detail(id, 0, null, model);
    }

    @Allowed(TrainingPermission.CLASS_RUN)
    @PostMapping("/{id}/completion")
    String complete(@PathVariable long id, @RequestParam int version,
            @RequestParam(required = false) java.util.Set<Long> failed, Model model, RedirectAttributes redirect) {
        try {
            enrolments.complete(id, version, failed == null ? java.util.Set.of() : failed);
            redirect.addFlashAttribute("notice", "training.completion.done");
            return "redirect:/classes/" + id;
        }
        catch (InvalidInputException ex) {
            model.addAttribute("problems", ex.problems());
        }
        catch (OptimisticLockingFailureException ex) {
            model.addAttribute("problems",
                    java.util.List.of(new InvalidInputException.Problem(null, "training.error.stale")));
        }
        return detail(id, 0, null, model);
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
            .orElseThrow(() -> new org.jixing.shared.scope.RecordNotFoundException("session", sessionId));
        model.addAttribute("classSession", session);
        model.addAttribute("checkInsFrom", ProvinceTime.at(calendar.checkInsFrom(session)));
        model.addAttribute("checkInsUntil", ProvinceTime.at(calendar.checkInsUntil(session)));
        var correctionWaits = calendar.correctionWaitsFor(session, clock.instant()).map(ProvinceTime::at);
        model.addAttribute("rows", attendance.sheet(id, sessionId));
        var events = attendance.events(id, sessionId);
        model.addAttribute("events", events);
        java.util.Map<Long, String> outcomes = new java.util.HashMap<>();
        for (org.jixing.training.AttendanceEvent e : events) {
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
            attendance.correct(id, sessionId, enrolmentId, present, reason);
            redirect.addFlashAttribute("notice", "training.attendance.corrected");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("problems", ex.problems());
        }
        return "redirect:/classes/" + id + "/sessions/" + sessionId;
    }

    @Allowed(TrainingPermission.CLASS_RUN)
    @PostMapping("/{id}/enrolments")
    String enrol(@PathVariable long id, @RequestParam(required = false) String idNumber,
            @RequestParam(required = false) String name, @RequestParam(required = false) String phone,
            @RequestParam(defaultValue = "false") boolean selfFunded, Model model, RedirectAttributes redirect) {
        try {
            var e = enrolments.enrol(id, new org.jixing.training.EnrolmentRequest(idNumber, name, phone, selfFunded));
            redirect.addFlashAttribute("notice", e.subsidised() ? "training.enrolled" : "training.enrolledSelfFunded");
            return "redirect:/classes/" + id;
        }
        catch (InvalidInputException ex) {
            model.addAttribute("problems", ex.problems());
            model.addAttribute("draftName", name);
            model.addAttribute("draftPhone", phone);
        }
        return detail(id, 0, null, model);
    }

    private void names(Model model) {
        model.addAttribute("regionNames",
                reference.regions().stream().collect(Collectors.toMap(Region::code, Function.identity())));
        model.addAttribute("lineNames",
                reference.actionLines()
                    .stream()
                    .collect(Collectors.toMap(org.jixing.reference.ActionLine::code, Function.identity())));
        model.addAttribute("occupationNames",
                reference.occupations()
                    .stream()
                    .collect(Collectors.toMap(org.jixing.reference.Occupation::code, Function.identity())));
        model.addAttribute("groupNames",
                reference.traineeGroups()
                    .stream()
                    .collect(Collectors.toMap(org.jixing.reference.TraineeGroup::code, Function.identity())));
        model.addAttribute("levelNames",
                reference.skillLevels()
                    .stream()
                    .collect(Collectors.toMap(org.jixing.reference.SkillLevel::code, Function.identity())));
    }

    private static void requireStaff() {
        if (!CurrentUser.require().hasRole(Role.PROVIDER_STAFF)) {
            throw new AccessDeniedException("provider staff apply to open classes");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavItem classesNav() {
            return new NavItem("nav.classes", "/classes", 300, TrainingPermission.CLASS_READ.roles());
        }

        @Bean
        NavItem programmesNav() {
            return new NavItem("nav.programmes", "/programmes", 310, TrainingPermission.PROGRAMME_READ.roles());
        }

        @Bean
        NavItem teachersNav() {
            return new NavItem("nav.teachers", "/teachers", 320, Set.of(Role.PROVIDER_STAFF));
        }

    }

}
