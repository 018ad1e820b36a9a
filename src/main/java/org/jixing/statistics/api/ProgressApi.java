package org.jixing.statistics.api;

import org.jixing.statistics.StatisticsPermission;
import org.jixing.statistics.StatisticsPermission.Allowed;
import java.time.LocalDate;
import java.time.ZoneId;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.servlet.http.HttpServletResponse;

import org.jixing.shared.web.CsvDownload;
import org.jixing.statistics.Progress;
import org.jixing.statistics.ProgressReport;
import org.jixing.statistics.ProgressViews;
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

    private final ProgressViews views;

    private final ProgressReport report;

    ProgressApi(Progress progress, ProgressViews views, ProgressReport report) {
        this.progress = progress;
        this.views = views;
        this.report = report;
    }

    @Operation(summary = "A year's dashboard as of today: lines and sub-targets, cities, lines × cities, months, "
            + "trainee groups, departments and top providers, each with its target, pace and year-end projection; "
            + "optionally narrowed to a city or a line; in the caller's scope")
    @Allowed(StatisticsPermission.PROGRESS_READ)
    @GetMapping("/dashboard")
    ProgressViews.Dashboard dashboard(@RequestParam(required = false) Integer year,
            @RequestParam(required = false) String city, @RequestParam(required = false) String line) {
        return views.dashboard(year == null ? views.today().getYear() : year, city, line);
    }

    @Operation(summary = "The periodic progress report for a day (default today): by line and sub-target, city "
            + "and lead department, in the caller's scope")
    @Allowed(StatisticsPermission.PROGRESS_READ)
    @GetMapping("/report")
    ProgressReport.Report report(@RequestParam(required = false) String date, Locale locale) {
        return report.of(report.day(date), locale);
    }

    @Operation(summary = "One view of the progress report as CSV: view = lines, cities or departments")
    @Allowed(StatisticsPermission.PROGRESS_READ)
    @GetMapping(value = "/report.csv", produces = "text/csv")
    void reportCsv(@RequestParam(required = false) String date, @RequestParam(defaultValue = "lines") String view,
            Locale locale, HttpServletResponse response) throws IOException {
        ProgressReport.View v = ProgressReport.View.parse(view);
        LocalDate day = report.day(date);
        ProgressReport.Report r = report.of(day, locale);
        CsvDownload.write(response, "progress-report-" + v.name().toLowerCase(Locale.ROOT) + "-" + day + ".csv",
                report.headings(locale), r.rows(v).stream().map(row -> report.cells(row, locale)).iterator());
    }

    @Operation(summary = "Completions of a year (default this year) grouped by one dimension, in the caller's scope")
    @Allowed(StatisticsPermission.PROGRESS_READ)
    @GetMapping("/progress")
    List<ProgressRow> progress(@RequestParam(required = false) Integer year,
            @RequestParam(defaultValue = "LINE") Progress.Dimension by) {
        return progress.of(year == null ? LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() : year, by);
    }

    @Operation(summary = "Recount from the records now, report the drift and repair it (province administrator)")
    @Allowed(StatisticsPermission.PROGRESS_RECONCILE)
    @PostMapping("/reconciliation")
    Progress.Reconciliation reconcile() {
        return progress.reconcileNow();
    }

}
