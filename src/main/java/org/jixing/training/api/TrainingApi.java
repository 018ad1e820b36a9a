package org.jixing.training.api;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jixing.shared.InvalidInputException;
import org.jixing.shared.PageResult;
import org.jixing.training.ClassApplication;
import org.jixing.training.ClassCalendar;
import org.jixing.training.ClassDecision;
import org.jixing.training.ClassFilter;
import org.jixing.training.ClassOpenings;
import org.jixing.training.ClassSession;
import org.jixing.training.ClassStatus;
import org.jixing.training.ClassType;
import org.jixing.training.NewProgramme;
import org.jixing.training.Programme;
import org.jixing.training.Programmes;
import org.jixing.training.StatusChange;
import org.jixing.training.Teacher;
import org.jixing.training.Teachers;
import org.jixing.training.TrainingClass;
import org.jixing.training.TrainingPermission;
import org.jixing.training.TrainingPermission.Allowed;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Programmes, teachers and classes, with the same scopes as the pages. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Training", description = "Programme catalogue, teachers, class opening and its life")
class TrainingApi {

    private final Programmes programmes;

    private final Teachers teachers;

    private final ClassOpenings classes;

    private final Clock clock;

    TrainingApi(Programmes programmes, Teachers teachers, ClassOpenings classes, Clock clock) {
        this.clock = clock;
        this.programmes = programmes;
        this.teachers = teachers;
        this.classes = classes;
    }

    record IdNumber(String idNumber) {

        @Override
        public String toString() {
            return "IdNumber[***]";
        }

    }

    record NewTeacher(String name, String qualificationNo, String idNumber) {
    }

    /** {@code verb}: approve, reject, start, complete, close or cancel. */
    record DecisionRequest(String verb, Integer version, String reason) {
    }

    @Allowed(TrainingPermission.PROGRAMME_READ)
    @GetMapping("/programmes")
    @Operation(summary = "The programme catalogue, optionally of one action line")
    List<Programme> programmes(@RequestParam(required = false) String line) {
        return programmes.list(line);
    }

    @Allowed(TrainingPermission.PROGRAMME_WRITE)
    @PostMapping("/programmes")
    @Operation(summary = "Add a programme (province administrator)")
    ResponseEntity<Programme> createProgramme(@RequestBody NewProgramme programme) {
        Programme p = programmes.create(programme);
        return ResponseEntity.created(URI.create("/api/v1/programmes/" + p.id())).body(p);
    }

    @Allowed(TrainingPermission.TEACHER_READ)
    @GetMapping("/teachers")
    @Operation(summary = "The teachers of the caller's provider")
    List<Teacher> teachers() {
        return teachers.ofOwnProvider();
    }

    @Allowed(TrainingPermission.TEACHER_WRITE)
    @PostMapping("/teachers")
    @Operation(summary = "Register a teacher of the caller's provider")
    Teacher registerTeacher(@RequestBody NewTeacher teacher) {
        return teachers.register(teacher.name(), teacher.qualificationNo(), teacher.idNumber());
    }

    @Allowed(TrainingPermission.CLASS_READ)
    @GetMapping("/classes")
    @Operation(summary = "Classes in the caller's scope, paged and filtered")
    PageResult<TrainingClass> classes(@RequestParam(required = false) ClassStatus status,
            @RequestParam(required = false) String line, @RequestParam(required = false) String region,
            @RequestParam(required = false) String q, @RequestParam(required = false) Long providerId,
            @Parameter(description = "first day on or after (yyyy-MM-dd)") @RequestParam(
                    required = false) LocalDate startsFrom,
            @Parameter(description = "first day on or before (yyyy-MM-dd)") @RequestParam(
                    required = false) LocalDate startsUntil,
            @Parameter(
                    description = "start (latest first, the default), -start, no, provider, submitted") @RequestParam(
                            required = false) String sort,
            @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size,
            @Parameter(description = "REGULAR, ORDER, POST or DIRECTED") @RequestParam(required = false) ClassType type,
            @Parameter(description = "only classes the region approved and nobody called off "
                    + "(approved, running, completed, closed)") @RequestParam(defaultValue = "false") boolean opened) {
        return classes.search(
                new ClassFilter(status, line, region, providerId, q, sort, startsFrom, startsUntil, type, opened),
                Math.max(0, page), PageResult.size(size));
    }

    @Allowed(TrainingPermission.CLASS_READ)
    @GetMapping("/classes/{id}")
    @Operation(summary = "One class; 404 outside the caller's scope")
    TrainingClass get(@PathVariable long id) {
        return classes.get(id);
    }

    @Allowed(TrainingPermission.CLASS_READ)
    @GetMapping("/classes/{id}/sessions")
    List<ClassSession> sessions(@PathVariable long id) {
        return classes.sessions(id);
    }

    /**
     * A session's times: when its check-ins count and from when its attendance may be
     * marked by hand.
     */
    record SessionTimes(long id, int seq, Instant checkInsFrom, Instant checkInsUntil, Instant correctionsFrom) {
    }

    /**
     * When a class may start and complete (and so be claimed for), and each session's
     * times; {@code waitingFor} names the steps the calendar does not allow yet, with the
     * moment each waits for.
     */
    record CalendarView(Instant startsFrom, Instant completesFrom, Map<String, Instant> waitingFor,
            List<SessionTimes> sessions) {
    }

    @Allowed(TrainingPermission.CLASS_READ)
    @GetMapping("/classes/{id}/calendar")
    @Operation(summary = "When the class may start and complete, and when each session's attendance counts")
    CalendarView calendar(@PathVariable long id) {
        ClassCalendar c = classes.calendar(id);
        Instant now = clock.instant();
        Map<String, Instant> waiting = new LinkedHashMap<>();
        for (ClassDecision d : List.of(ClassDecision.START, ClassDecision.COMPLETE)) {
            c.waitsFor(d, now).ifPresent(at -> waiting.put(d.verb(), at));
        }
        return new CalendarView(c.startsFrom(), c.completesFrom(), waiting, c.sessions()
            .stream()
            .map(s -> new SessionTimes(s.id(), s.seq(), c.checkInsFrom(s), c.checkInsUntil(s), c.correctionsFrom(s)))
            .toList());
    }

    @Allowed(TrainingPermission.CLASS_READ)
    @GetMapping("/classes/{id}/history")
    List<StatusChange> history(@PathVariable long id) {
        return classes.history(id);
    }

    @Allowed(TrainingPermission.CLASS_RUN)
    @PostMapping("/classes")
    @Operation(summary = "Apply to open a class (provider staff); every broken rule is listed")
    ResponseEntity<TrainingClass> apply(@RequestBody ClassApplication application) {
        TrainingClass c = classes.apply(application);
        return ResponseEntity.created(URI.create("/api/v1/classes/" + c.id())).body(c);
    }

    @Allowed(TrainingPermission.CLASS_DECIDE)
    @PostMapping("/classes/{id}/decisions")
    @Operation(summary = "Approve, reject, start, complete, close or cancel")
    TrainingClass decide(@PathVariable long id, @RequestBody DecisionRequest request) {
        if (request.version() == null) {
            throw InvalidInputException.of("version", "training.error.required");
        }
        ClassDecision decision;
        try {
            decision = ClassDecision.valueOf(String.valueOf(request.verb()).toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException ex) {
            throw InvalidInputException.of("verb", "training.error.verb");
        }
        return classes.decide(id, decision, request.version(), request.reason());
    }

}
