package org.jixing.employment.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jixing.employment.OutcomeDimension;
import org.jixing.employment.OutcomeFilter;
import org.jixing.employment.OutcomeIndicators;
import org.jixing.employment.OutcomePermission;
import org.jixing.employment.OutcomePermission.Allowed;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.shared.ProvinceTime;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Outcome indicators: the table of groups (providers by default) ranked by the 3-month
 * employment rate with small groups withheld, filtered by year, line, city and provider;
 * and one class's figures.
 */
@Controller
@RequestMapping("/employment/outcomes")
class OutcomePages {

    private final OutcomeIndicators indicators;

    private final ReferenceCatalogue reference;

    private final Clock clock;

    OutcomePages(OutcomeIndicators indicators, ReferenceCatalogue reference, Clock clock) {
        this.indicators = indicators;
        this.reference = reference;
        this.clock = clock;
    }

    @Allowed(OutcomePermission.OUTCOME_READ)
    @GetMapping
    String list(@RequestParam(defaultValue = "PROVIDER") OutcomeDimension by,
            @RequestParam(required = false) Integer year, @RequestParam(required = false) String line,
            @RequestParam(required = false) String city, @RequestParam(required = false) Long provider, Model model) {
        OutcomeFilter filter = new OutcomeFilter(year, blank(line), blank(city), provider);
        model.addAttribute("by", by);
        model.addAttribute("dimensions", OutcomeDimension.values());
        model.addAttribute("filter", filter);
        model.addAttribute("groups", indicators.by(by, filter));
        model.addAttribute("minGroup", indicators.minGroup());
        int thisYear = LocalDate.now(clock.withZone(ProvinceTime.CHINA)).getYear();
        List<Integer> years = new ArrayList<>();
        for (int y = thisYear; y >= thisYear - 5; y--) {
            years.add(y);
        }
        model.addAttribute("years", years);
        model.addAttribute("lines", reference.actionLines());
        model.addAttribute("cities", reference.cities());
        return "employment/outcomes";
    }

    @Allowed(OutcomePermission.OUTCOME_READ)
    @GetMapping("/classes/{classId}")
    String ofClass(@PathVariable long classId, Model model) {
        model.addAttribute("f", indicators.ofClass(classId));
        model.addAttribute("minGroup", indicators.minGroup());
        return "employment/outcome-class";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
