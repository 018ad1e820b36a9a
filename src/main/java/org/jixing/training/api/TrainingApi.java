package org.jixing.training.api;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.PageResult;
import org.jixing.training.ClassApplication;
import org.jixing.training.ClassDecision;
import org.jixing.training.ClassFilter;
import org.jixing.training.ClassOpenings;
import org.jixing.training.ClassSession;
import org.jixing.training.ClassStatus;
import org.jixing.training.NewProgramme;
import org.jixing.training.Programme;
import org.jixing.training.Programmes;
import org.jixing.training.StatusChange;
import org.jixing.training.Teacher;
import org.jixing.training.Teachers;
import org.jixing.training.TrainingClass;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Programmes, teachers and classes, with the same scopes as the pages. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Training", description = "Programme catalogue, teachers, class opening and its life")
class TrainingApi {

    private final Programmes programmes;

    private final Teachers teachers;

    private final ClassOpenings classes;

    TrainingApi(Programmes programmes, Teachers teachers, ClassOpenings classes) {
        this.programmes = programmes;
        this.teachers = teachers;
        this.classes = classes;
    }

    record NewTeacher(String name, String qualificationNo) {
    }

    /** {@code verb}: approve, reject, start, complete, close or cancel. */
    record DecisionRequest(String verb, Integer version, String reason) {
    }

    @GetMapping("/programmes")
    @Operation(summary = "The programme catalogue, optionally of one action line")
    List<Programme> programmes(@RequestParam(required = false) String line) {
        return programmes.list(line);
    }

    @PostMapping("/programmes")
    @Operation(summary = "Add a programme (province administrator)")
    ResponseEntity<Programme> createProgramme(@RequestBody NewProgramme programme) {
        Programme p = programmes.create(programme);
        return ResponseEntity.created(URI.create("/api/v1/programmes/" + p.id())).body(p);
    }

    @GetMapping("/teachers")
    @Operation(summary = "The teachers of the caller's provider")
    List<Teacher> teachers() {
        return teachers.ofOwnProvider();
    }

    @PostMapping("/teachers")
    @Operation(summary = "Register a teacher of the caller's provider")
    Teacher registerTeacher(@RequestBody NewTeacher teacher) {
        return teachers.register(teacher.name(), teacher.qualificationNo());
    }

    @GetMapping("/classes")
    @Operation(summary = "Classes in the caller's scope, paged and filtered")
    PageResult<TrainingClass> classes(@RequestParam(required = false) ClassStatus status,
            @RequestParam(required = false) String line, @RequestParam(required = false) String region,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) Integer size) {
        return classes.search(new ClassFilter(status, line, region, null, q), Math.max(0, page), PageResult.size(size));
    }

    @GetMapping("/classes/{id}")
    @Operation(summary = "One class; 404 outside the caller's scope")
    TrainingClass get(@PathVariable long id) {
        return classes.get(id);
    }

    @GetMapping("/classes/{id}/sessions")
    List<ClassSession> sessions(@PathVariable long id) {
        return classes.sessions(id);
    }

    @GetMapping("/classes/{id}/history")
    List<StatusChange> history(@PathVariable long id) {
        return classes.history(id);
    }

    @PostMapping("/classes")
    @Operation(summary = "Apply to open a class (provider staff); every broken rule is listed")
    ResponseEntity<TrainingClass> apply(@RequestBody ClassApplication application) {
        TrainingClass c = classes.apply(application);
        return ResponseEntity.created(URI.create("/api/v1/classes/" + c.id())).body(c);
    }

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
