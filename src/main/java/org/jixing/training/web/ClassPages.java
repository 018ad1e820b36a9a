package org.jixing.training.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jixing.reference.ReferenceCatalogue;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.PageResult;
import org.jixing.shared.scope.Role;
import org.jixing.shared.web.NavItem;
import org.jixing.training.ClassDecision;
import org.jixing.training.ClassFilter;
import org.jixing.training.ClassOpenings;
import org.jixing.training.ClassStatus;
import org.jixing.training.ClassType;
import org.jixing.training.TrainingClass;
import org.jixing.training.TrainingPermission;
import org.jixing.training.TrainingPermission.Allowed;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Class lists, and a class's page with the steps the user may take. */
@Controller
@RequestMapping("/classes")
class ClassPages {

    private final ClassOpenings classes;

    private final ReferenceCatalogue reference;

    private final ClassDetailPage detailPage;

    ClassPages(ClassOpenings classes, ReferenceCatalogue reference, ClassDetailPage detailPage) {
        this.classes = classes;
        this.reference = reference;
        this.detailPage = detailPage;
    }

    @Allowed(TrainingPermission.CLASS_READ)
    @GetMapping
    String list(@RequestParam(required = false) ClassStatus status, @RequestParam(required = false) String line,
            @RequestParam(required = false) String region, @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) Long providerId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate completedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate completedUntil,
            @RequestParam(required = false) String group, @RequestParam(required = false) String subTarget,
            @RequestParam(required = false) ClassType type, @RequestParam(defaultValue = "false") boolean opened,
            Model model) {
        ClassFilter filter = new ClassFilter(status, line, region, providerId, q, sort, from, to, type, opened,
                completedFrom, completedUntil, group, subTarget);
        PageResult<TrainingClass> result = classes.search(filter, Math.max(0, page), PageResult.size(size));
        model.addAttribute("completion", filter.byCompletion() ? filter : null);
        model.addAttribute("completedFrom", completedFrom);
        model.addAttribute("completedUntil", completedUntil);
        model.addAttribute("group", group);
        model.addAttribute("subTarget", subTarget);
        reference.actionLines()
            .stream()
            .flatMap(l -> l.subTargets().stream())
            .filter(st -> st.code().equals(subTarget))
            .findFirst()
            .ifPresent(st -> model.addAttribute("subTargetShown", st));
        model.addAttribute("type", type);
        model.addAttribute("types", ClassType.values());
        // Only set from a link (the annual figures); kept through the form, like
        // providerId.
        model.addAttribute("opened", opened ? Boolean.TRUE : null);
        model.addAttribute("providerId", providerId);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("sort", sort);
        model.addAttribute("result", result);
        model.addAttribute("status", status);
        model.addAttribute("line", line);
        model.addAttribute("region", region);
        model.addAttribute("q", q);
        model.addAttribute("statuses", ClassStatus.values());
        model.addAttribute("lines", reference.actionLines());
        model.addAttribute("regions", reference.cities());
        model.addAttribute("canApply", TrainingPermission.CLASS_RUN.allowsCurrentUser());
        return "training/class-list";
    }

    @Allowed(TrainingPermission.CLASS_READ)
    @GetMapping("/{id}")
    String detail(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) Integer size, Model model) {
        return detailPage.render(id, page, size, model);
    }

    @Allowed(TrainingPermission.CLASS_DECIDE)
    @PostMapping("/{id}/{verb:approve|reject|start|complete|close|cancel}")
    String decide(@PathVariable long id, @PathVariable String verb, @RequestParam int version,
            @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        ClassDecision decision = ClassDecision.valueOf(verb.toUpperCase(Locale.ROOT));
        try {
            classes.decide(id, decision, version, reason);
            redirect.addFlashAttribute("notice", "training.decision.done");
            return "redirect:/classes/" + id;
        }
        catch (InvalidInputException ex) {
            model.addAttribute("problems", ex.problems());
        }
        catch (OptimisticLockingFailureException ex) {
            model.addAttribute("problems", List.of(new InvalidInputException.Problem(null, "training.error.stale")));
        }
        model.addAttribute("openDecision", verb);
        return detailPage.render(id, 0, null, model);
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavItem classesNav() {
            return new NavItem("nav.classes", "/classes", 300, TrainingPermission.CLASS_READ.roles());
        }

        @Bean
        NavItem programmesNav() {
            return new NavItem("nav.programmes", "/programmes", 310, TrainingPermission.PROGRAMME_READ.roles());
        }

        @Bean
        NavItem teachersNav() {
            return new NavItem("nav.teachers", "/teachers", 320, Set.of(Role.PROVIDER_STAFF));
        }

    }

}
