package org.jixing.provider.web;

import java.util.List;
import java.util.Set;

import org.jixing.provider.BodyFilter;
import org.jixing.provider.BodyKind;
import org.jixing.provider.FiledBody;
import org.jixing.provider.FilingDecision;
import org.jixing.provider.FilingStatus;
import org.jixing.provider.Filings;
import org.jixing.provider.ProviderPermission;
import org.jixing.provider.ProviderPermission.Allowed;
import org.jixing.provider.Registry;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.reference.Region;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.PageResult;
import org.jixing.shared.RegionCode;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.Role;
import org.jixing.shared.web.FormErrors;
import org.jixing.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The two registries' pages: {@code /providers/**} and {@code /evaluation-bodies/**}
 * share one controller and one set of templates.
 */
@Controller
@RequestMapping("/{registry:providers|evaluation-bodies}")
class FilingPages {

    private final Filings filings;

    private final ReferenceCatalogue reference;

    FilingPages(Filings filings, ReferenceCatalogue reference) {
        this.filings = filings;
        this.reference = reference;
    }

    @ModelAttribute("registry")
    Registry registry(@PathVariable("registry") String path) {
        return Registry.fromPath(path);
    }

    @Allowed(ProviderPermission.BODY_READ)
    @GetMapping
    String list(@ModelAttribute("registry") Registry registry, @RequestParam(required = false) FilingStatus status,
            @RequestParam(required = false) BodyKind kind, @RequestParam(required = false) String region,
            @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size, Model model) {
        int pageSize = PageResult.size(size);
        model.addAttribute("sort", sort);
        PageResult<FiledBody> result = filings.search(registry, new BodyFilter(status, kind, region, q, sort),
                Math.max(0, page), pageSize);
        model.addAttribute("result", result);
        model.addAttribute("status", status);
        model.addAttribute("kind", kind);
        model.addAttribute("region", region);
        model.addAttribute("q", q);
        model.addAttribute("statuses", FilingStatus.values());
        model.addAttribute("kinds", BodyKind.kindsFor(registry));
        model.addAttribute("regions", regionsInScope());
        model.addAttribute("canRegister", canDecide());
        return "provider/list";
    }

    @Allowed(ProviderPermission.BODY_FILE)
    @GetMapping("/new")
    String form(@ModelAttribute("registry") Registry registry, Model model) {
        requireDecider();
        FilingForm form = new FilingForm();
        form.setCapacity(50);
        model.addAttribute("form", form);
        return form(registry, model, form);
    }

    @Allowed(ProviderPermission.BODY_FILE)
    @PostMapping
    String register(@ModelAttribute("registry") Registry registry, @ModelAttribute("form") FilingForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        requireDecider();
        if (binding.hasErrors()) {
            return form(registry, model, form);
        }
        try {
            FiledBody body = filings.apply(registry, form.toApplication());
            redirect.addFlashAttribute("notice", "provider.applied");
            return "redirect:/" + registry.path() + "/" + body.id();
        }
        catch (InvalidInputException ex) {
            FormErrors.apply(ex, binding);
            // Permits are chosen in two fields; show their problems on the occupations.
            ex.problems()
                .stream()
                .filter(p -> "permits".equals(p.field()))
                .forEach(p -> binding.rejectValue("occupations", p.messageKey(), p.args(), p.messageKey()));
            return form(registry, model, form);
        }
    }

    private String form(Registry registry, Model model, FilingForm form) {
        model.addAttribute("kinds", BodyKind.kindsFor(registry));
        model.addAttribute("regions", regionsInScope());
        model.addAttribute("occupations", reference.occupations().stream().filter(o -> o.active()).toList());
        model.addAttribute("levels", reference.skillLevels());
        return "provider/form";
    }

    @Allowed(ProviderPermission.BODY_READ)
    @GetMapping("/{id}")
    String detail(@ModelAttribute("registry") Registry registry, @PathVariable long id, Model model) {
        FiledBody body = filings.get(registry, id);
        if (!model.containsAttribute("decision")) {
            DecisionForm decision = new DecisionForm();
            decision.setVersion(body.version());
            model.addAttribute("decision", decision);
        }
        model.addAttribute("body", body);
        model.addAttribute("history", filings.history(registry, id));
        model.addAttribute("region", reference.region(body.regionCode()).orElse(null));
        model.addAttribute("canDecide", canDecide());
        model.addAttribute("canLiftBlacklist", CurrentUser.require().hasRole(Role.PROVINCE_ADMIN));
        return "provider/detail";
    }

    @Allowed(ProviderPermission.BODY_DECIDE)
    @PostMapping("/{id}/{verb:approve|reject|suspend|blacklist|reinstate}")
    String decide(@ModelAttribute("registry") Registry registry, @PathVariable long id, @PathVariable String verb,
            @ModelAttribute("decision") DecisionForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        requireDecider();
        FilingDecision decision = switch (verb) {
            case "approve" -> new FilingDecision.Approve(form.getVersion(), form.getFilingNo(), form.getValidFrom(),
                    form.getValidUntil());
            case "reject" -> new FilingDecision.Reject(form.getVersion(), form.getReason());
            case "suspend" -> new FilingDecision.Suspend(form.getVersion(), form.getReason());
            case "blacklist" -> new FilingDecision.Blacklist(form.getVersion(), form.getReason());
            default -> new FilingDecision.Reinstate(form.getVersion(), form.getReason());
        };
        if (!binding.hasErrors()) {
            try {
                filings.decide(registry, id, decision);
                redirect.addFlashAttribute("notice", "provider.decision.done." + verb);
                return "redirect:/" + registry.path() + "/" + id;
            }
            catch (InvalidInputException ex) {
                FormErrors.apply(ex, binding);
            }
            catch (OptimisticLockingFailureException ex) {
                binding.reject("provider.error.stale", "provider.error.stale");
            }
        }
        model.addAttribute("openDecision", verb);
        return detail(registry, id, model);
    }

    private List<Region> regionsInScope() {
        CurrentUser me = CurrentUser.require();
        return reference.regions()
            .stream()
            .filter(r -> r.level() != RegionCode.Level.PROVINCE)
            .filter(r -> me.scope().coversRegion(r.code()))
            .toList();
    }

    private static boolean canDecide() {
        return CurrentUser.require().hasAnyRole(Role.PROVINCE_ADMIN, Role.CITY_OFFICER);
    }

    private static void requireDecider() {
        if (!canDecide()) {
            throw new AccessDeniedException("filing decisions");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavItem providersNav() {
            return new NavItem("nav.providers", "/providers", 200,
                    Set.of(Role.PROVINCE_ADMIN, Role.CITY_OFFICER, Role.AUDITOR, Role.PROVIDER_STAFF));
        }

        @Bean
        NavItem evaluationBodiesNav() {
            return new NavItem("nav.evaluationBodies", "/evaluation-bodies", 210,
                    Set.of(Role.PROVINCE_ADMIN, Role.CITY_OFFICER, Role.AUDITOR, Role.EVALUATOR));
        }

    }

}
