package org.jixing.training.api;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.jixing.shared.InvalidInputException;
import org.jixing.training.Attendance;
import org.jixing.training.AttendanceCorrections;
import org.jixing.training.AttendanceEvent;
import org.jixing.training.AttendanceRow;
import org.jixing.training.CheckIn;
import org.jixing.training.CheckInResult;
import org.jixing.training.CheckIns;
import org.jixing.training.TrainingPermission;
import org.jixing.training.TrainingPermission.Allowed;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A class's attendance: single check-ins, the sheets, their corrections and the rates.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Training", description = "Programme catalogue, teachers, class opening and its life")
class ClassAttendanceApi {

    private final CheckIns checkIns;

    private final Attendance attendance;

    private final AttendanceCorrections corrections;

    ClassAttendanceApi(CheckIns checkIns, Attendance attendance, AttendanceCorrections corrections) {
        this.checkIns = checkIns;
        this.attendance = attendance;
        this.corrections = corrections;
    }

    record Correction(Long enrolmentId, Boolean present, String reason) {
    }

    @Allowed(TrainingPermission.ATTENDANCE_RECORD)
    @PostMapping("/attendance/check-ins")
    @Operation(summary = "A check-in or check-out from a terminal (provider staff token) or a trainee's phone",
            description = "Judged by the server's clock and records, accepted or rejected with a reason (in order: "
                    + "UNKNOWN_SESSION, OTHER_PROVIDER, DEVICE_REQUIRED, UNREGISTERED_DEVICE, RETIRED_DEVICE, "
                    + "TERMINAL_ELSEWHERE, DATED_IN_FUTURE, UPLOADED_TOO_LATE, CLASS_NOT_OPEN, NOT_ENROLLED, "
                    + "OUTSIDE_WINDOW, OUTSIDE_RADIUS, FACE_REQUIRED, LOW_FACE_MATCH, DUPLICATE; see docs/attendance.md); "
                    + "rejected events are kept. The same clientKey again returns the first answer (200) and stores "
                    + "nothing. Buffered events: POST /api/v1/attendance/check-ins/batch.")
    ResponseEntity<CheckInResult> checkIn(@RequestBody CheckIn checkIn) {
        CheckInResult result = checkIns.checkIn(checkIn);
        return result.replay() ? ResponseEntity.ok(result)
                : ResponseEntity.created(URI.create("/api/v1/attendance/events/" + result.eventId())).body(result);
    }

    @Allowed(TrainingPermission.CLASS_READ)
    @GetMapping("/classes/{id}/sessions/{sessionId}/attendance")
    @Operation(summary = "A session's attendance sheet: one row per trainee")
    List<AttendanceRow> sheet(@PathVariable long id, @PathVariable long sessionId) {
        return attendance.sheet(id, sessionId);
    }

    @Allowed(TrainingPermission.CLASS_READ)
    @GetMapping("/classes/{id}/sessions/{sessionId}/attendance-events")
    @Operation(summary = "Every attendance event of a session, rejected ones too")
    List<AttendanceEvent> events(@PathVariable long id, @PathVariable long sessionId) {
        return attendance.events(id, sessionId);
    }

    @Allowed(TrainingPermission.ATTENDANCE_CORRECT)
    @PostMapping("/classes/{id}/sessions/{sessionId}/attendance/corrections")
    @Operation(summary = "Mark a trainee present or absent for a session, with a reason (audited)")
    List<AttendanceRow> correct(@PathVariable long id, @PathVariable long sessionId, @RequestBody Correction body) {
        if (body.enrolmentId() == null || body.present() == null) {
            throw InvalidInputException.of(body.enrolmentId() == null ? "enrolmentId" : "present",
                    "training.error.required");
        }
        corrections.correct(id, sessionId, body.enrolmentId(), body.present(), body.reason());
        return attendance.sheet(id, sessionId);
    }

    @Allowed(TrainingPermission.CLASS_READ)
    @GetMapping("/classes/{id}/attendance-rates")
    @Operation(summary = "Each enrolment's sessions attended of all sessions")
    Map<Long, Attendance.Rate> rates(@PathVariable long id) {
        return attendance.rates(id);
    }

}
