package org.jixing.training.api;

import org.jixing.training.TrainingPermission;
import org.jixing.training.TrainingPermission.Allowed;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jixing.training.CheckIns;
import org.jixing.training.CheckIn;
import org.jixing.training.CheckInBatchResult;
import org.jixing.training.CheckInTerminal;
import org.jixing.training.NewTerminal;
import org.jixing.training.Terminals;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Batches of check-ins as face terminals upload them, and the registry of terminals. */
@RestController
@RequestMapping("/api/v1/attendance")
@Tag(name = "Attendance", description = "Check-in batches from terminals, and registered check-in terminals")
class AttendanceApi {

    private final CheckIns checkIns;

    private final Terminals terminals;

    private final JsonMapper json;

    AttendanceApi(CheckIns checkIns, Terminals terminals, JsonMapper json) {
        this.checkIns = checkIns;
        this.terminals = terminals;
        this.json = json;
    }

    /**
     * A terminal's buffered events, read one by one, so that an event with a value of the
     * wrong type is answered on its own instead of refusing the batch.
     */
    record Batch(List<JsonNode> events) {
    }

    record Retirement(String reason) {
    }

    @Allowed(TrainingPermission.ATTENDANCE_RECORD)
    @PostMapping("/check-ins/batch")
    @Operation(summary = "Up to 1,000 check-ins and check-outs from a terminal (provider staff) or a trainee's phone",
            description = "Each event is judged exactly as POST /api/v1/attendance/check-ins would judge it, in the "
                    + "order sent, and stored on its own merits (a bad event does not refuse the batch); the answer "
                    + "lists every event with its index, clientKey, accepted, reason, message (in the caller's "
                    + "language) and replay. A clientKey stored before, or repeated in the batch, is a replay and "
                    + "stored once. A malformed event is answered with reason INVALID_INPUT and its errors, and not "
                    + "stored. More than 1,000 events are refused whole (422).")
    CheckInBatchResult batch(@RequestBody Batch batch) {
        if (batch == null || batch.events() == null) {
            return checkIns.checkInBatch(null);
        }
        List<CheckIn> events = new ArrayList<>(batch.events().size());
        for (JsonNode event : batch.events()) {
            CheckIn c = null;
            if (event != null && event.isObject()) {
                try {
                    c = json.treeToValue(event, CheckIn.class);
                }
                catch (JacksonException unreadable) {
                    // Answered as this event's problem (INVALID_INPUT).
                }
            }
            events.add(c);
        }
        return checkIns.checkInBatch(events);
    }

    @Allowed(TrainingPermission.TERMINAL_READ)
    @GetMapping("/terminals")
    @Operation(summary = "Registered check-in terminals in the caller's scope (provider staff: their own)")
    List<CheckInTerminal> terminals(@RequestParam(required = false) Long providerId,
            @RequestParam(defaultValue = "false") boolean retired) {
        return terminals.list(providerId, retired);
    }

    @Allowed(TrainingPermission.TERMINAL_READ)
    @GetMapping("/terminals/{id}")
    @Operation(summary = "One registered check-in terminal")
    CheckInTerminal terminal(@PathVariable long id) {
        return terminals.get(id);
    }

    @Allowed(TrainingPermission.TERMINAL_WRITE)
    @PostMapping("/terminals")
    @Operation(summary = "Register a check-in terminal of the caller's provider: device id, name, venue (audited)")
    ResponseEntity<CheckInTerminal> register(@RequestBody NewTerminal terminal) {
        CheckInTerminal t = terminals.register(terminal);
        return ResponseEntity.created(URI.create("/api/v1/attendance/terminals/" + t.id())).body(t);
    }

    @Allowed(TrainingPermission.TERMINAL_WRITE)
    @PostMapping("/terminals/{id}/retirement")
    @Operation(summary = "Retire a terminal of the caller's provider, with a reason (audited); its later events "
            + "are refused")
    CheckInTerminal retire(@PathVariable long id, @RequestBody Retirement body) {
        return terminals.retire(id, body == null ? null : body.reason());
    }

}
