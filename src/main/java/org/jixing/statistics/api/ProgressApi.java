package org.jixing.statistics.api;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.jixing.statistics.Progress;
import org.jixing.statistics.ProgressRow;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Completed person-times by line, sub-target, city, month, provider or occupation. */
@RestController
@RequestMapping("/api/v1/statistics")
@Tag(name = "Statistics", description = "Progress against the plan's targets")
class ProgressApi {

    private final Progress progress;

    ProgressApi(Progress progress) {
        this.progress = progress;
    }

    @Operation(summary = "Completions of a year (default this year) grouped by one dimension, in the caller's scope")
    @GetMapping("/progress")
    List<ProgressRow> progress(@RequestParam(required = false) Integer year,
            @RequestParam(defaultValue = "LINE") Progress.Dimension by) {
        return progress.of(year == null ? LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() : year, by);
    }

    @Operation(summary = "Recount from the records now, report the drift and repair it (province administrator)")
    @PostMapping("/reconciliation")
    Progress.Reconciliation reconcile() {
        return progress.reconcileNow();
    }

}
