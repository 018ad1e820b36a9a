package org.jixing.enterprise.web;

import org.jixing.enterprise.EnterprisePermission;
import org.jixing.enterprise.EnterprisePermission.Allowed;
import java.util.Set;

import org.jixing.enterprise.Enterprise;
import org.jixing.enterprise.Enterprises;
import org.jixing.enterprise.NewEnterprise;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.PageResult;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.Role;
import org.jixing.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The enterprise registry's pages: list with search, one enterprise, registration. */
@Controller
@RequestMapping("/enterprises")
class EnterprisePages {

    private final Enterprises enterprises;

    private final ReferenceCatalogue reference;

    EnterprisePages(Enterprises enterprises, ReferenceCatalogue reference) {
        this.enterprises = enterprises;
        this.reference = reference;
    }

    @Allowed(EnterprisePermission.ENTERPRISE_READ)
    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String region,
            @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size, Model model) {
        PageResult<Enterprise> result = enterprises.search(q, region, Math.max(0, page), PageResult.size(size));
        model.addAttribute("result", result);
        model.addAttribute("q", q);
        model.addAttribute("region", region);
        model.addAttribute("mayRegister", EnterprisePermission.ENTERPRISE_REGISTER.allows(CurrentUser.require()));
        regions(model);
        return "enterprise/list";
    }

    @Allowed(EnterprisePermission.ENTERPRISE_REGISTER)
    @GetMapping("/new")
    String form(Model model) {
        CurrentUser me = CurrentUser.require();
        if (!EnterprisePermission.ENTERPRISE_REGISTER.allows(me)) {
            throw new AccessDeniedException("enterprise registration");
        }
        if (!model.containsAttribute("draft")) {
            model.addAttribute("draft",
                    new NewEnterprise("", "", me.hasRole(Role.CITY_OFFICER) ? me.scope().ref() : ""));
        }
        regions(model);
        return "enterprise/form";
    }

    @Allowed(EnterprisePermission.ENTERPRISE_REGISTER)
    @PostMapping
    String register(@RequestParam(required = false) String creditCode, @RequestParam(required = false) String name,
            @RequestParam(required = false) String regionCode, Model model, RedirectAttributes redirect) {
        NewEnterprise draft = new NewEnterprise(creditCode, name, regionCode);
        try {
            Enterprise e = enterprises.register(draft);
            redirect.addFlashAttribute("notice", "enterprise.registered");
            return "redirect:/enterprises/" + e.creditCode();
        }
        catch (InvalidInputException ex) {
            model.addAttribute("problems", ex.problems());
            model.addAttribute("draft", draft);
            return form(model);
        }
    }

    @Allowed(EnterprisePermission.ENTERPRISE_READ)
    @GetMapping("/{creditCode}")
    String detail(@PathVariable String creditCode, Model model) {
        Enterprise e = enterprises.get(creditCode);
        model.addAttribute("enterprise", e);
        model.addAttribute("regionOf", reference.region(e.regionCode()).orElse(null));
        return "enterprise/detail";
    }

    private void regions(Model model) {
        CurrentUser me = CurrentUser.require();
        model.addAttribute("regions",
                reference.regions()
                    .stream()
                    .filter(r -> me.hasRole(Role.PROVINCE_ADMIN) || me.scope().coversRegion(r.code()))
                    .toList());
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavItem enterprisesNav() {
            return new NavItem("nav.enterprises", "/enterprises", 220, EnterprisePermission.ENTERPRISE_READ.roles());
        }

    }

}
