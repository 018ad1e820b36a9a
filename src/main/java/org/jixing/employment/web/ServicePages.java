package org.jixing.employment.web;

import org.jixing.employment.EmploymentPermission;
import org.jixing.employment.EmploymentPermission.Allowed;
import org.jixing.employment.EmploymentServices;
import org.jixing.employment.JobDemands;
import org.jixing.employment.OrderClassCommitments;
import org.jixing.employment.DemandFilter;
import org.jixing.employment.ReferralStatus;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.PageResult;
import org.jixing.shared.scope.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Employment services: trainees who completed and are not known employed with matching
 * open demands; referrals and their steps; a trainee's own referrals; the enterprise's
 * summary on its home page.
 */
@Controller
class ServicePages {

    private final EmploymentServices services;

    private final JobDemands demands;

    private final OrderClassCommitments orderClasses;

    private final ReferenceCatalogue reference;

    ServicePages(EmploymentServices services, JobDemands demands, OrderClassCommitments orderClasses,
            ReferenceCatalogue reference) {
        this.services = services;
        this.demands = demands;
        this.orderClasses = orderClasses;
        this.reference = reference;
    }

    @Allowed(EmploymentPermission.SERVICE_READ)
    @GetMapping("/employment/services")
    String candidates(@RequestParam(required = false) String city, @RequestParam(required = false) String occupation,
            Model model) {
        CurrentUser me = CurrentUser.require();
        try {
            model.addAttribute("candidates", services.candidates(city, occupation, 200));
        }
        catch (InvalidInputException ex) {
            model.addAttribute("problems", ex.problems());
            model.addAttribute("candidates", java.util.List.of());
        }
        model.addAttribute("cities",
                reference.cities().stream().filter(c -> me.scope().coversRegion(c.code())).toList());
        model.addAttribute("city", city);
        model.addAttribute("occupations", reference.occupations());
        model.addAttribute("occupation", occupation);
        model.addAttribute("mayRefer", EmploymentPermission.REFERRAL_WRITE.allows(me));
        return "employment/services";
    }

    @Allowed(EmploymentPermission.REFERRAL_READ)
    @GetMapping("/employment/referrals")
    String referrals(@RequestParam(required = false) ReferralStatus status, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) Integer size, Model model) {
        model.addAttribute("result", services.search(status, Math.max(0, page), PageResult.size(size)));
        model.addAttribute("statuses", ReferralStatus.values());
        model.addAttribute("status", status);
        model.addAttribute("mayMove", EmploymentPermission.REFERRAL_WRITE.allows(CurrentUser.require()));
        return "employment/referrals";
    }

    @Allowed(EmploymentPermission.REFERRAL_WRITE)
    @PostMapping("/employment/referrals/{id}/status")
    String move(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) ReferralStatus status,
            @RequestParam(required = false) String note, RedirectAttributes redirect) {
        try {
            services.move(id, version, status, note);
            redirect.addFlashAttribute("notice", "employment.referral.moved");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("problems", ex.problems());
        }
        return "redirect:/employment/referrals";
    }

    @Allowed(EmploymentPermission.OWN_REFERRALS)
    @GetMapping("/me/referrals")
    String mine(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("result", services.mine(Math.max(0, page), 50));
        return "employment/my-referrals";
    }

    /** The enterprise home's section: its demands, order classes and hires (htmx). */
    @Allowed(EmploymentPermission.COMMITMENT_WRITE)
    @GetMapping("/employment/enterprise-summary")
    String enterpriseSummary(Model model) {
        model.addAttribute("demands", demands.search(DemandFilter.none(), 0, 10));
        model.addAttribute("orderClasses", orderClasses.search(0, 20));
        return "employment/enterprise-summary :: summary";
    }

}
