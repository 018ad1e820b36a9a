package org.jixing.statistics.web;

import org.jixing.statistics.StatisticsPermission;
import org.jixing.statistics.StatisticsPermission.Allowed;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;

import org.jixing.provider.BodyKind;
import org.jixing.provider.Registry;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.shared.InvalidInputException;
import org.jixing.statistics.AnnualFigures;
import org.jixing.training.ClassType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The annual figures (年度数据) of the caller's scope, for a year chosen from the plan's.
 */
@Controller
class AnnualPages {

    private final AnnualFigures annual;

    private final ReferenceCatalogue reference;

    AnnualPages(AnnualFigures annual, ReferenceCatalogue reference) {
        this.annual = annual;
        this.reference = reference;
    }

    @Allowed(StatisticsPermission.ANNUAL_READ)
    @GetMapping("/statistics/annual")
    String show(@RequestParam(required = false) Integer year, Model model) {
        AnnualFigures.Figures figures;
        try {
            figures = annual.of(year == null ? annual.currentYear() : year);
        }
        catch (InvalidInputException ex) {
            // A year typed into the address: say so, and show this year's figures.
            model.addAttribute("problems", ex.problems());
            figures = annual.of(annual.currentYear());
        }
        TreeSet<Integer> years = new TreeSet<>();
        IntStream.rangeClosed(reference.plan().startYear(), reference.plan().endYear()).forEach(years::add);
        years.add(figures.year());
        model.addAttribute("figures", figures);
        model.addAttribute("years", List.copyOf(years));
        model.addAttribute("types", ClassType.values());
        model.addAttribute("kinds", BodyKind.kindsFor(Registry.PROVIDER));
        return "statistics/annual";
    }

}
