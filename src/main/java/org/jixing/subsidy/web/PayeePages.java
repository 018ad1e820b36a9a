package org.jixing.subsidy.web;

import java.util.Map;

import org.jixing.shared.InvalidInputException;
import org.jixing.subsidy.Payees;
import org.jixing.subsidy.SubsidyPermission;
import org.jixing.subsidy.SubsidyPermission.Allowed;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The provider's payee account: where its subsidies are paid. */
@Controller
@RequestMapping("/subsidies")
class PayeePages {

    private final Payees payees;

    PayeePages(Payees payees) {
        this.payees = payees;
    }

    @Allowed(SubsidyPermission.CLAIM_FILE)
    @GetMapping("/payee")
    String payee(Model model) {
        ClaimFilingPages.requireStaff();
        if (!model.containsAttribute("payee")) {
            model.addAttribute("payee", payees.ownPayee().orElse(null));
        }
        return "subsidy/payee";
    }

    @Allowed(SubsidyPermission.CLAIM_FILE)
    @PostMapping("/payee")
    String savePayee(@RequestParam(required = false) String accountName,
            @RequestParam(required = false) String accountNo, @RequestParam(required = false) String bankName,
            Model model, RedirectAttributes redirect) {
        try {
            payees.savePayee(accountName, accountNo, bankName);
            redirect.addFlashAttribute("notice", "subsidy.payee.saved");
            return "redirect:/subsidies/payee";
        }
        catch (InvalidInputException ex) {
            model.addAttribute("problems", ex.problems());
            model.addAttribute("draft", Map.of("accountName", accountName == null ? "" : accountName, "accountNo",
                    accountNo == null ? "" : accountNo, "bankName", bankName == null ? "" : bankName));
            return payee(model);
        }
    }

}
