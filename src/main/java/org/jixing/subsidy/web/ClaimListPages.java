package org.jixing.subsidy.web;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jixing.reference.ReferenceCatalogue;
import org.jixing.shared.PageResult;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.Role;
import org.jixing.shared.web.NavItem;
import org.jixing.subsidy.Claim;
import org.jixing.subsidy.ClaimKind;
import org.jixing.subsidy.ClaimFilter;
import org.jixing.subsidy.ClaimStatus;
import org.jixing.subsidy.Claims;
import org.jixing.subsidy.Payees;
import org.jixing.subsidy.SubsidyPermission;
import org.jixing.subsidy.SubsidyPermission.Allowed;
import org.jixing.training.ClassFilter;
import org.jixing.training.ClassOpenings;
import org.jixing.training.ClassStatus;
import org.jixing.training.TrainingClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The list of claims: those in the user's scope or the reviewers' queue; for the
 * provider, the classes it may claim for and its payee account.
 */
@Controller
@RequestMapping("/subsidies")
class ClaimListPages {

    private final Claims claims;

    private final ClassOpenings classes;

    private final Payees payees;

    private final ReferenceCatalogue reference;

    private final ClaimPageModel page;

    ClaimListPages(Claims claims, ClassOpenings classes, Payees payees, ReferenceCatalogue reference,
            ClaimPageModel page) {
        this.claims = claims;
        this.classes = classes;
        this.payees = payees;
        this.reference = reference;
        this.page = page;
    }

    @Allowed(SubsidyPermission.CLAIM_READ)
    @GetMapping("/claims")
    String list(@RequestParam(required = false) ClaimStatus status, @RequestParam(required = false) String line,
            @RequestParam(required = false) String region, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "false") boolean queue, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) Integer size, Model model) {
        CurrentUser me = CurrentUser.require();
        boolean reviewer = SubsidyPermission.CLAIM_REVIEW.allows(me);
        PageResult<Claim> result = queue && reviewer ? claims.queue(Math.max(0, page), PageResult.size(size)) : claims
            .search(new ClaimFilter(status, line, region, null, q), Math.max(0, page), PageResult.size(size));
        model.addAttribute("result", result);
        model.addAttribute("queue", queue && reviewer);
        model.addAttribute("reviewer", reviewer);
        model.addAttribute("waiting", reviewer ? claims.queue(0, 1).total() : 0);
        model.addAttribute("status", status);
        model.addAttribute("line", line);
        model.addAttribute("region", region);
        model.addAttribute("q", q);
        model.addAttribute("statuses", ClaimStatus.values());
        model.addAttribute("lines", reference.actionLines());
        model.addAttribute("regions", reference.cities());
        model.addAttribute("today", this.page.today());
        if (me.hasRole(Role.PROVIDER_STAFF)) {
            Set<Long> claimed = standing(ClaimKind.COMPLETION);
            Set<Long> claimedEmployment = standing(ClaimKind.EMPLOYMENT);
            model.addAttribute("claimable", claimable(claimed, claimedEmployment));
            model.addAttribute("claimed", claimed);
            model.addAttribute("claimedEmployment", claimedEmployment);
            model.addAttribute("payee", payees.ownPayee().orElse(null));
        }
        return "subsidy/claim-list";
    }

    /**
     * The provider's completed subsidised classes without a standing claim of one kind or
     * the other (completion, employment), newest first (a page of them).
     */
    private List<TrainingClass> claimable(Set<Long> claimed, Set<Long> claimedEmployment) {
        List<TrainingClass> completed = classes
            .search(new ClassFilter(ClassStatus.COMPLETED, null, null, null, null, "-start"), 0, 100)
            .items();
        return completed.stream()
            .filter(c -> c.subsidised() && !(claimed.contains(c.id()) && claimedEmployment.contains(c.id())))
            .limit(20)
            .toList();
    }

    /** The classes of the provider's standing claims of a kind. */
    private Set<Long> standing(ClaimKind kind) {
        return claims.search(ClaimFilter.ALL, 0, 1000)
            .items()
            .stream()
            .filter(c -> c.status() != ClaimStatus.REJECTED && c.kind() == kind)
            .map(Claim::classId)
            .collect(Collectors.toSet());
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavItem claimsNav() {
            return new NavItem("nav.claims", "/subsidies/claims", 405, SubsidyPermission.CLAIM_READ.roles())
                .inGroup("nav.group.subsidies");
        }

    }

}
