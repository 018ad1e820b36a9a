package org.jixing.employment.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jixing.employment.DemandDecision;
import org.jixing.employment.DemandFilter;
import org.jixing.employment.DemandStatus;
import org.jixing.employment.EmploymentPermission;
import org.jixing.employment.EmploymentPermission.Allowed;
import org.jixing.employment.EmploymentServices;
import org.jixing.employment.JobDemand;
import org.jixing.employment.JobDemands;
import org.jixing.employment.NewDemand;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.PageResult;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeKind;
import org.jixing.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Job demands: the list in the caller's scope, the publishing form (an enterprise, or an
 * employment officer for one), a demand's page where the city decides it, it is closed,
 * and an employment officer or the enterprise refers trainees who completed to it.
 */
@Controller
class DemandPages {

    private final JobDemands demands;

    private final EmploymentServices services;

    private final ReferenceCatalogue reference;

    DemandPages(JobDemands demands, EmploymentServices services, ReferenceCatalogue reference) {
        this.demands = demands;
        this.services = services;
        this.reference = reference;
    }

    @Allowed(EmploymentPermission.DEMAND_READ)
    @GetMapping("/employment/demands")
    String list(@RequestParam(required = false) DemandStatus status, @RequestParam(required = false) String occupation,
            @RequestParam(required = false) String city, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) Integer size, Model model) {
        model.addAttribute("result",
                demands.search(new DemandFilter(status, occupation, city), Math.max(0, page), PageResult.size(size)));
        model.addAttribute("statuses", DemandStatus.values());
        model.addAttribute("status", status);
        model.addAttribute("occupations", reference.occupations());
        model.addAttribute("occupation", occupation);
        model.addAttribute("cities", reference.cities());
        model.addAttribute("city", city);
        model.addAttribute("mayPublish", EmploymentPermission.DEMAND_PUBLISH.allows(CurrentUser.require()));
        return "employment/demand-list";
    }

    @Allowed(EmploymentPermission.DEMAND_PUBLISH)
    @GetMapping("/employment/demands/new")
    String form(Model model) {
        return form(model, null);
    }

    private String form(Model model, NewDemand form) {
        CurrentUser me = CurrentUser.require();
        model.addAttribute("form", form);
        model.addAttribute("forEnterprise", me.scope().kind() != ScopeKind.ENTERPRISE);
        model.addAttribute("occupations", reference.occupations().stream().filter(o -> o.active()).toList());
        model.addAttribute("levels", reference.skillLevels());
        model.addAttribute("cities", me.scope().kind() == ScopeKind.ENTERPRISE ? reference.cities()
                : reference.cities().stream().filter(c -> me.scope().coversRegion(c.code())).toList());
        return "employment/demand-form";
    }

    @Allowed(EmploymentPermission.DEMAND_PUBLISH)
    @PostMapping("/employment/demands/new")
    String publish(@RequestParam(required = false) String enterpriseCreditCode,
            @RequestParam(required = false) String occupationCode, @RequestParam(required = false) String levelCode,
            @RequestParam(required = false) Integer headcount, @RequestParam(required = false) String cityCode,
            @RequestParam(required = false) String countyCode, @RequestParam(required = false) BigDecimal wageMin,
            @RequestParam(required = false) BigDecimal wageMax,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
            @RequestParam(required = false) String conditions, Model model, RedirectAttributes redirect) {
        NewDemand n = new NewDemand(enterpriseCreditCode, occupationCode, levelCode, headcount, cityCode, countyCode,
                wageMin, wageMax, startDate, conditions);
        try {
            JobDemand d = demands.publish(n);
            redirect.addFlashAttribute("notice", "employment.demand.published");
            return "redirect:/employment/demands/" + d.id();
        }
        catch (InvalidInputException ex) {
            model.addAttribute("problems", ex.problems());
            return form(model, n);
        }
    }

    @Allowed(EmploymentPermission.DEMAND_READ)
    @GetMapping("/employment/demands/{id}")
    String detail(@PathVariable long id, Model model) {
        CurrentUser me = CurrentUser.require();
        JobDemand d = demands.get(id);
        model.addAttribute("d", d);
        boolean region = me.scope().kind() == ScopeKind.PROVINCE || me.scope().kind() == ScopeKind.REGION;
        boolean own = me.scope().kind() == ScopeKind.ENTERPRISE;
        model.addAttribute("mayDecide",
                EmploymentPermission.DEMAND_DECIDE.allows(me) && d.status() == DemandStatus.SUBMITTED);
        model.addAttribute("mayResubmit", EmploymentPermission.DEMAND_PUBLISH.allows(me) && (region || own)
                && d.status() == DemandStatus.RETURNED);
        model.addAttribute("mayClose", EmploymentPermission.DEMAND_CLOSE.allows(me) && (region || own)
                && Set.of(DemandStatus.APPROVED, DemandStatus.RETURNED).contains(d.status()));
        boolean mayRefer = EmploymentPermission.REFERRAL_WRITE.allows(me) && d.status() == DemandStatus.APPROVED;
        model.addAttribute("mayRefer", mayRefer);
        model.addAttribute("candidates", mayRefer ? services.candidatesFor(id, 100) : List.of());
        return "employment/demand-detail";
    }

    @Allowed(EmploymentPermission.DEMAND_READ)
    @PostMapping("/employment/demands/{id}/decision")
    String decide(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String verb,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            demands.decide(id, version, DemandDecision.of(verb, reason));
            redirect.addFlashAttribute("notice", "employment.demand.decided");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("problems", ex.problems());
        }
        return "redirect:/employment/demands/" + id;
    }

    @Allowed(EmploymentPermission.REFERRAL_WRITE)
    @PostMapping("/employment/demands/{id}/referrals")
    String refer(@PathVariable long id, @RequestParam(required = false) Long enrolmentId,
            @RequestParam(required = false) String note, @RequestParam(required = false) String back,
            RedirectAttributes redirect) {
        try {
            services.refer(id, enrolmentId, note);
            redirect.addFlashAttribute("notice", "employment.referral.recorded");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("problems", ex.problems());
        }
        return "services".equals(back) ? "redirect:/employment/services" : "redirect:/employment/demands/" + id;
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavItem employmentDemandsNav() {
            return new NavItem("nav.employment.demands", "/employment/demands", 700,
                    EmploymentPermission.DEMAND_READ.roles())
                .inGroup("nav.employment");
        }

        @Bean
        NavItem employmentOrderClassesNav() {
            return new NavItem("nav.employment.orderClasses", "/employment/order-classes", 710,
                    EmploymentPermission.ORDER_CLASS_READ.roles())
                .inGroup("nav.employment");
        }

        @Bean
        NavItem employmentServicesNav() {
            return new NavItem("nav.employment.services", "/employment/services", 720,
                    EmploymentPermission.SERVICE_READ.roles())
                .inGroup("nav.employment");
        }

        @Bean
        NavItem employmentReferralsNav() {
            return new NavItem("nav.employment.referrals", "/employment/referrals", 730,
                    EmploymentPermission.REFERRAL_READ.roles())
                .inGroup("nav.employment");
        }

        @Bean
        NavItem myReferralsNav() {
            return new NavItem("nav.myReferrals", "/me/referrals", 523, Set.of(Role.TRAINEE));
        }

    }

}
