package org.jixing.employment.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jixing.employment.OutcomeDimension;
import org.jixing.employment.OutcomeFigures;
import org.jixing.employment.OutcomeFilter;
import org.jixing.employment.OutcomeIndicators;
import org.jixing.employment.OutcomePermission;
import org.jixing.employment.OutcomePermission.Allowed;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Outcome indicators from the contribution records, in the caller's scope. */
@RestController
@RequestMapping("/api/v1/employment/outcomes")
@Tag(name = "Employment outcomes", description = "Completion and employment rates at 3, 6 and 12 months, "
        + "median contribution base, order-class retention; small groups withheld")
class OutcomesApi {

    private final OutcomeIndicators indicators;

    OutcomesApi(OutcomeIndicators indicators) {
        this.indicators = indicators;
    }

    /** The figures of each group and the smallest group shown. */
    record Outcomes(OutcomeDimension by, int minGroup, List<OutcomeFigures> groups) {
    }

    @Allowed(OutcomePermission.OUTCOME_READ)
    @GetMapping
    @Operation(summary = "Indicators by CLASS, PROVIDER, PROGRAMME, OCCUPATION, LINE, CITY or YEAR (of the class's "
            + "end), ranked by the 3-month employment rate; rates of groups below the minimum size are null")
    Outcomes list(@RequestParam(defaultValue = "PROVIDER") OutcomeDimension by,
            @RequestParam(required = false) Integer year, @RequestParam(required = false) String line,
            @RequestParam(required = false) String city, @RequestParam(required = false) Long provider) {
        return new Outcomes(by, indicators.minGroup(),
                indicators.by(by, new OutcomeFilter(year, blank(line), blank(city), provider)));
    }

    @Allowed(OutcomePermission.OUTCOME_READ)
    @GetMapping("/classes/{classId}")
    @Operation(summary = "A class's indicators")
    OutcomeFigures ofClass(@PathVariable long classId) {
        return indicators.ofClass(classId);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
