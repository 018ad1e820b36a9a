package org.jixing.statistics.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.jixing.provider.BodyFilter;
import org.jixing.provider.FilingStatus;
import org.jixing.provider.Filings;
import org.jixing.provider.Registry;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeKind;
import org.jixing.statistics.ProgressViews;
import org.jixing.statistics.StatisticsPermission;
import org.jixing.statistics.StatisticsPermission.Allowed;
import org.jixing.statistics.Targets;
import org.jixing.training.ClassFilter;
import org.jixing.training.ClassOpenings;
import org.jixing.training.ClassStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Each role's home page. The lines and targets are shown to those who plan and follow
 * them.
 */
@Controller
class HomeController {

    private final ReferenceCatalogue reference;

    private final ClassOpenings classes;

    private final Filings filings;

    private final ProgressViews views;

    private final Targets targets;

    private final Clock clock;

    HomeController(ReferenceCatalogue reference, ClassOpenings classes, Filings filings, ProgressViews views,
            Targets targets, Clock clock) {
        this.views = views;
        this.targets = targets;
        this.clock = clock;
        this.reference = reference;
        this.classes = classes;
        this.filings = filings;
    }

    @Allowed(StatisticsPermission.HOME)
    @GetMapping("/")
    String home(Model model) {
        CurrentUser me = CurrentUser.require();
        model.addAttribute("plan", reference.plan());
        var lines = reference.actionLines();
        if (me.scope().kind() == ScopeKind.DEPARTMENT) {
            lines = lines.stream().filter(l -> me.scope().actionLines().contains(l.code())).toList();
        }
        model.addAttribute("lines", lines);
        reference.region(me.scope().ref()).ifPresent(r -> model.addAttribute("scopeRegion", r));
        reference.departments()
            .stream()
            .filter(d -> me.scope().kind() == ScopeKind.DEPARTMENT && d.code().equals(me.scope().ref()))
            .findFirst()
            .ifPresent(d -> model.addAttribute("scopeDepartment", d));
        // Progress goes on the pages that show the lines.
        if (me.hasAnyRole(Role.PROVINCE_ADMIN, Role.LINE_DEPARTMENT, Role.CITY_OFFICER, Role.AUDITOR)) {
            progress(me, model);
        }
        if (me.hasRole(Role.CITY_OFFICER)) {
            // The approval queue: what waits for the region's decision, oldest first.
            model.addAttribute("classQueue",
                    classes.search(new ClassFilter(ClassStatus.SUBMITTED, null, null, null, null, "submitted"), 0, 20));
            model.addAttribute("providerQueue",
                    filings.search(Registry.PROVIDER, new BodyFilter(FilingStatus.PENDING, null, null, null), 0, 20));
            model.addAttribute("evaluationQueue", filings.search(Registry.EVALUATION_BODY,
                    new BodyFilter(FilingStatus.PENDING, null, null, null), 0, 20));
        }
        if (me.hasRole(Role.PROVIDER_STAFF)) {
            // The provider's own classes, those still to run first.
            model.addAttribute("myClasses", classes.search(ClassFilter.none(), 0, 50));
        }
        return "statistics/home-" + me.role().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * This year's completions per sub-target in the caller's scope, and the share of the
     * year gone, against which the province and the departments read each line's pace (a
     * city against its own shares).
     */
    private void progress(CurrentUser me, Model model) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        Map<String, Long> done = new HashMap<>();
        // The share due as the dashboard reads it: last year's months where there are
        // some.
        Map<String, Double> dues = new HashMap<>();
        views.dashboard(today.getYear(), null, null).lines().forEach(l -> l.subTargets().forEach(st -> {
            done.put(st.subTarget().code(), st.figure().done());
            dues.put(st.subTarget().code(), st.figure().pace().due());
        }));
        model.addAttribute("dues", dues);
        model.addAttribute("progressYear", String.valueOf(today.getYear()));
        model.addAttribute("done", done);
        model.addAttribute("yearShare", (double) today.getDayOfYear() / today.lengthOfYear());
        model.addAttribute("paceShown",
                me.scope().kind() == ScopeKind.PROVINCE || me.scope().kind() == ScopeKind.DEPARTMENT);
        if (me.hasRole(Role.CITY_OFFICER)) {
            // The city's shares of the targets, against which its own pace is read.
            Map<String, Long> cityTargets = new HashMap<>();
            targets.split(today.getYear())
                .rows()
                .forEach(r -> r.byCity()
                    .values()
                    .stream()
                    .findFirst()
                    .ifPresent(t -> cityTargets.put(r.subTarget().code(), t)));
            model.addAttribute("cityTargets", cityTargets);
        }
    }

}
