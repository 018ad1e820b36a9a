package org.jixing.employment.web;

import java.time.LocalDate;
import java.util.List;

import org.jixing.employment.EmploymentPermission;
import org.jixing.employment.EmploymentPermission.Allowed;
import org.jixing.employment.JobDemands;
import org.jixing.employment.OrderClass;
import org.jixing.employment.OrderClassCommitments;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.PageResult;
import org.jixing.shared.scope.CurrentUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Order classes: the list with each commitment's fulfilment, and a class's page where its
 * provider links it to demands, the enterprise commits to hire and records its hires.
 */
@Controller
class OrderClassPages {

    private final OrderClassCommitments orderClasses;

    private final JobDemands demands;

    OrderClassPages(OrderClassCommitments orderClasses, JobDemands demands) {
        this.orderClasses = orderClasses;
        this.demands = demands;
    }

    @Allowed(EmploymentPermission.ORDER_CLASS_READ)
    @GetMapping("/employment/order-classes")
    String list(@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size, Model model) {
        model.addAttribute("result", orderClasses.search(Math.max(0, page), PageResult.size(size)));
        return "employment/order-class-list";
    }

    @Allowed(EmploymentPermission.ORDER_CLASS_READ)
    @GetMapping("/employment/order-classes/{classId}")
    String detail(@PathVariable long classId, Model model) {
        CurrentUser me = CurrentUser.require();
        OrderClass o = orderClasses.view(classId);
        model.addAttribute("o", o);
        model.addAttribute("c", o.trainingClass());
        boolean mayLink = EmploymentPermission.ORDER_CLASS_LINK.allows(me)
                && o.trainingClass().classType().needsEmployer();
        model.addAttribute("mayLink", mayLink);
        model.addAttribute("linkable",
                mayLink ? demands.approvedOf(o.trainingClass().employerCreditCode())
                    .stream()
                    .filter(d -> o.demands().stream().noneMatch(l -> l.id() == d.id()))
                    .toList() : List.of());
        boolean mayCommit = EmploymentPermission.COMMITMENT_WRITE.allows(me) && !o.demands().isEmpty();
        model.addAttribute("mayCommit", mayCommit);
        model.addAttribute("mayHire", mayCommit && o.commitment() != null);
        return "employment/order-class";
    }

    @Allowed(EmploymentPermission.ORDER_CLASS_LINK)
    @PostMapping("/employment/order-classes/{classId}/links")
    String link(@PathVariable long classId, @RequestParam(required = false) List<Long> demandIds,
            RedirectAttributes redirect) {
        try {
            orderClasses.link(classId, demandIds);
            redirect.addFlashAttribute("notice", "employment.orderClass.linked");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("problems", ex.problems());
        }
        return "redirect:/employment/order-classes/" + classId;
    }

    @Allowed(EmploymentPermission.COMMITMENT_WRITE)
    @PostMapping("/employment/order-classes/{classId}/commitment")
    String commit(@PathVariable long classId, @RequestParam(required = false) Integer committedCount,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
            RedirectAttributes redirect) {
        try {
            orderClasses.commit(classId, committedCount, deadline);
            redirect.addFlashAttribute("notice", "employment.orderClass.committed");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("problems", ex.problems());
        }
        return "redirect:/employment/order-classes/" + classId;
    }

    @Allowed(EmploymentPermission.COMMITMENT_WRITE)
    @PostMapping("/employment/order-classes/{classId}/hires")
    String hire(@PathVariable long classId, @RequestParam(required = false) List<Long> enrolmentIds,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate hiredOn,
            RedirectAttributes redirect) {
        try {
            orderClasses.recordHires(classId, enrolmentIds, hiredOn);
            redirect.addFlashAttribute("notice", "employment.orderClass.hired");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("problems", ex.problems());
        }
        return "redirect:/employment/order-classes/" + classId;
    }

}
