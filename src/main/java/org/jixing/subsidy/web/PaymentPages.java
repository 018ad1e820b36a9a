package org.jixing.subsidy.web;

import org.jixing.subsidy.SubsidyPermission;
import org.jixing.subsidy.SubsidyPermission.Allowed;
import java.io.IOException;
import java.util.List;

import org.jixing.reference.ReferenceCatalogue;
import org.jixing.reference.Region;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.PageResult;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.web.NavItem;
import org.jixing.subsidy.PaymentOrder;
import org.jixing.subsidy.BankFiles;
import org.jixing.subsidy.BankResults;
import org.jixing.subsidy.PaymentOrders;
import org.jixing.subsidy.Payments;
import org.jixing.subsidy.SubsidyRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.jixing.shared.web.CsvDownload;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Payment pages: what waits to be paid per city and fund source, opening an order, the
 * orders; an order's lines, its bank file, and importing the bank's results.
 */
@Controller
@RequestMapping("/subsidies/payments")
class PaymentPages {

    private final Payments payments;

    private final PaymentOrders paymentOrders;

    private final BankFiles bankFiles;

    private final BankResults bankResults;

    private final SubsidyRules rules;

    private final ReferenceCatalogue reference;

    PaymentPages(Payments payments, PaymentOrders paymentOrders, BankFiles bankFiles, BankResults bankResults,
            SubsidyRules rules, ReferenceCatalogue reference) {
        this.payments = payments;
        this.paymentOrders = paymentOrders;
        this.bankFiles = bankFiles;
        this.bankResults = bankResults;
        this.rules = rules;
        this.reference = reference;
    }

    @Allowed(SubsidyPermission.PAYMENT_READ)
    @GetMapping
    String list(@RequestParam(required = false) PaymentOrder.Status status, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) Integer size, Model model) {
        CurrentUser me = CurrentUser.require();
        model.addAttribute("result",
                payments.search(new Payments.Filter(status, null), Math.max(0, page), PageResult.size(size)));
        model.addAttribute("status", status);
        model.addAttribute("statuses", PaymentOrder.Status.values());
        model.addAttribute("awaiting", payments.awaitingByCity());
        List<Region> cities = reference.cities().stream().filter(c -> me.scope().coversRegion(c.code())).toList();
        model.addAttribute("cities", cities);
        model.addAttribute("fundSources", rules.fundSources());
        model.addAttribute("mayOpen", SubsidyPermission.PAYMENT_WRITE.allows(me));
        return "subsidy/payment-list";
    }

    @Allowed(SubsidyPermission.PAYMENT_WRITE)
    @PostMapping
    String open(@RequestParam(required = false) String regionCode,
            @RequestParam(required = false) String fundSourceCode, Model model, RedirectAttributes redirect) {
        try {
            PaymentOrders.Opened opened = paymentOrders.openOrder(fundSourceCode, regionCode);
            PaymentOrder o = opened.order();
            redirect.addFlashAttribute("notice", "subsidy.payment.opened");
            redirect.addFlashAttribute("skippedHeld", opened.skipped());
            return "redirect:/subsidies/payments/" + o.id();
        }
        catch (InvalidInputException ex) {
            model.addAttribute("problems", ex.problems());
            model.addAttribute("chosenRegion", regionCode);
            model.addAttribute("chosenFund", fundSourceCode);
            return list(null, 0, null, model);
        }
    }

    @Allowed(SubsidyPermission.PAYMENT_READ)
    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        PaymentOrder o = payments.get(id);
        model.addAttribute("order", o);
        model.addAttribute("lines", payments.lines(id));
        // The same rule the bank file and the import are taken by.
        model.addAttribute("mayAct", o.waitsOnBankFor(CurrentUser.require()));
        return "subsidy/payment-detail";
    }

    @Allowed(SubsidyPermission.PAYMENT_READ)
    @GetMapping("/{id}/bank-file.csv")
    ResponseEntity<byte[]> bankFile(@PathVariable long id) {
        String orderNo = payments.get(id).orderNo();
        return CsvDownload.ofText(orderNo + ".csv", bankFiles.bankFile(id));
    }

    @Allowed(SubsidyPermission.PAYMENT_WRITE)
    @PostMapping("/{id}/results")
    String importResults(@PathVariable long id, @RequestParam(required = false) MultipartFile file, Model model,
            RedirectAttributes redirect) throws IOException {
        try {
            BankResults.ImportOutcome outcome = bankResults.importResults(id,
                    file == null || file.isEmpty() ? null : file.getBytes());
            redirect.addFlashAttribute("notice", "subsidy.payment.imported");
            // Flash attributes live in the JDBC session: plain strings only.
            redirect.addFlashAttribute("outcome", List.of(String.valueOf(outcome.paid()),
                    outcome.paidAmount().toYuanString(), String.valueOf(outcome.failed())));
            return "redirect:/subsidies/payments/" + id;
        }
        catch (InvalidInputException ex) {
            model.addAttribute("problems", ex.problems());
        }
        return detail(id, model);
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavItem paymentsNav() {
            return new NavItem("nav.payments", "/subsidies/payments", 420, SubsidyPermission.PAYMENT_READ.roles())
                .inGroup("nav.group.subsidies");
        }

    }

}
