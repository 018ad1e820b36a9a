package org.jixing.statistics.api;

import org.jixing.statistics.StatisticsPermission;
import org.jixing.statistics.StatisticsPermission.Allowed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.jixing.statistics.AnnualFigures;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The annual figures (年度数据) as the page shows them. */
@RestController
@RequestMapping("/api/v1/statistics")
@Tag(name = "Statistics", description = "Progress against the plan's targets")
class AnnualFiguresApi {

    private final AnnualFigures annual;

    AnnualFiguresApi(AnnualFigures annual) {
        this.annual = annual;
    }

    @Operation(summary = "A year's figures in the caller's scope: filed providers by kind (not for line departments), "
            + "classes opened by type with trainees and completions, trainings completed (subsidised, self-funded)")
    @Allowed(StatisticsPermission.ANNUAL_READ)
    @GetMapping("/annual")
    AnnualFigures.Figures annual(@Parameter(description = "the year (default this year in China)") @RequestParam(
            required = false) Integer year) {
        return annual.of(year == null ? annual.currentYear() : year);
    }

}
