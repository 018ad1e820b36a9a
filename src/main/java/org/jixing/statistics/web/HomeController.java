package org.jixing.statistics.web;

import org.jixing.reference.ReferenceCatalogue;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.ScopeKind;
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

    HomeController(ReferenceCatalogue reference) {
        this.reference = reference;
    }

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
        return "statistics/home-" + me.role().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

}
