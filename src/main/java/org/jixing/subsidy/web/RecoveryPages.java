package org.jixing.subsidy.web;

import org.jixing.subsidy.SubsidyPermission;
import org.jixing.subsidy.SubsidyPermission.Allowed;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jixing.shared.InvalidInputException;
import org.jixing.shared.Money;
import org.jixing.shared.PageResult;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.Role;
import org.jixing.shared.web.NavItem;
import org.jixing.subsidy.Recoveries;
import org.jixing.subsidy.Recovery;
import org.jixing.subsidy.SubsidyRules;
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

/**
 * Recovery orders: opened from a paid claim's page, listed with what is outstanding and
 * overdue, and repayments recorded against them.
 */
@Controller
@RequestMapping("/subsidies")
class RecoveryPages {

    private final Recoveries recoveries;

    private final SubsidyRules rules;

    RecoveryPages(Recoveries recoveries, SubsidyRules rules) {
        this.recoveries = recoveries;
        this.rules = rules;
    }

    @Allowed(SubsidyPermission.RECOVERY_READ)
    @GetMapping("/recoveries")
    String list(@RequestParam(defaultValue = "false") boolean open, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) Integer size, Model model) {
        model.addAttribute("result", recoveries.search(null, open, Math.max(0, page), PageResult.size(size)));
        model.addAttribute("open", open);
        model.addAttribute("today", rules.today());
        return "subsidy/recovery-list";
    }

    @Allowed(SubsidyPermission.RECOVERY_READ)
    @GetMapping("/recoveries/{id}")
    String detail(@PathVariable long id, Model model) {
        Recovery r = recoveries.get(id);
        model.addAttribute("r", r);
        model.addAttribute("repayments", recoveries.repayments(id));
        model.addAttribute("lineCount", recoveries.lines(id).size());
        model.addAttribute("today", rules.today());
        model.addAttribute("mayRecord", r.status() == Recovery.Status.OPEN
                && CurrentUser.require().hasAnyRole(Role.CITY_OFFICER, Role.PROVINCE_ADMIN));
        return "subsidy/recovery-detail";
    }

    @Allowed(SubsidyPermission.RECOVERY_WRITE)
    @PostMapping("/claims/{claimId}/recoveries")
    String open(@PathVariable long claimId, @RequestParam(required = false) Set<Long> lineIds,
            @RequestParam(required = false) Recovery.Reason reason, @RequestParam(required = false) String details,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
            @RequestParam(defaultValue = "NONE") Recoveries.Sanction sanction, RedirectAttributes redirect) {
        try {
            Recovery r = recoveries.open(claimId,
                    new Recoveries.Finding(lineIds == null ? Set.of() : lineIds, reason, details, dueOn, sanction));
            redirect.addFlashAttribute("notice", "subsidy.recovery.opened");
            return "redirect:/subsidies/recoveries/" + r.id();
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("problems", ex.problems());
            redirect.addFlashAttribute("openRecovery", true);
            return "redirect:/subsidies/claims/" + claimId;
        }
    }

    @Allowed(SubsidyPermission.RECOVERY_WRITE)
    @PostMapping("/recoveries/{id}/repayments")
    String repay(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String amount,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate paidOn,
            @RequestParam(required = false) String reference, RedirectAttributes redirect) {
        try {
            Money money;
            try {
                money = amount == null || amount.isBlank() ? null : Money.ofYuan(amount);
            }
            catch (IllegalArgumentException ex) {
                throw InvalidInputException.of("amount", "subsidy.error.amount.positive");
            }
            recoveries.repay(id, version, money, paidOn, reference);
            redirect.addFlashAttribute("notice", "subsidy.recovery.repaid");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("problems", ex.problems());
        }
        catch (OptimisticLockingFailureException ex) {
            redirect.addFlashAttribute("problems",
                    List.of(new InvalidInputException.Problem(null, "subsidy.error.stale")));
        }
        return "redirect:/subsidies/recoveries/" + id;
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavItem recoveriesNav() {
            return new NavItem("nav.recoveries", "/subsidies/recoveries", 430, SubsidyPermission.RECOVERY_READ.roles())
                .inGroup("nav.group.subsidies");
        }

    }

}
