package org.jixing.subsidy.web;

import org.jixing.subsidy.SubsidyPermission;
import org.jixing.subsidy.SubsidyPermission.Allowed;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jixing.reference.ReferenceCatalogue;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.PageResult;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.Role;
import org.jixing.shared.web.NavItem;
import org.jixing.subsidy.Claim;
import org.jixing.subsidy.ClaimDecision;
import org.jixing.subsidy.ClaimFilter;
import org.jixing.subsidy.ClaimLine;
import org.jixing.subsidy.ClaimStatus;
import org.jixing.subsidy.Claims;
import org.jixing.subsidy.SubsidyRules;
import org.jixing.training.ClassFilter;
import org.jixing.training.ClassOpenings;
import org.jixing.training.ClassStatus;
import org.jixing.training.TrainingClass;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
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
 * Claim pages: the provider's claims and the classes it may claim for, a claim's preview
 * before filing, a claim with each amount explained, its evidence, its review history and
 * the step the user may take; the reviewers' queue; the provider's payee account.
 */
@Controller
@RequestMapping("/subsidies")
class ClaimPages {

    private final Claims claims;

    private final ClassOpenings classes;

    private final SubsidyRules rules;

    private final ReferenceCatalogue reference;

    private final MessageSource messages;

    private final org.jixing.subsidy.Recoveries recoveries;

    private final org.jixing.subsidy.Payments payments;

    ClaimPages(Claims claims, ClassOpenings classes, SubsidyRules rules, ReferenceCatalogue reference,
            MessageSource messages, org.jixing.subsidy.Recoveries recoveries, org.jixing.subsidy.Payments payments) {
        this.recoveries = recoveries;
        this.payments = payments;
        this.claims = claims;
        this.classes = classes;
        this.rules = rules;
        this.reference = reference;
        this.messages = messages;
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
        model.addAttribute("today", rules.today());
        if (me.hasRole(Role.PROVIDER_STAFF)) {
            model.addAttribute("claimable", claimable());
            model.addAttribute("payee", claims.ownPayee().orElse(null));
        }
        return "subsidy/claim-list";
    }

    /**
     * The provider's completed subsidised classes without a standing claim, newest first
     * (a page of them).
     */
    private List<TrainingClass> claimable() {
        List<TrainingClass> completed = classes
            .search(new ClassFilter(ClassStatus.COMPLETED, null, null, null, null, "-start"), 0, 100)
            .items();
        Set<Long> claimed = claims.search(ClaimFilter.ALL, 0, 1000)
            .items()
            .stream()
            .filter(c -> c.status() != ClaimStatus.REJECTED)
            .map(Claim::classId)
            .collect(Collectors.toSet());
        return completed.stream().filter(c -> c.subsidised() && !claimed.contains(c.id())).limit(20).toList();
    }

    @Allowed(SubsidyPermission.CLAIM_FILE)
    @GetMapping("/claims/new")
    String preview(@RequestParam long classId, Model model) {
        requireStaff();
        Claims.Preview p = claims.preview(classId);
        model.addAttribute("preview", p);
        model.addAttribute("c", p.trainingClass());
        model.addAttribute("explanations", explain(p.lines()));
        if (!p.problems().isEmpty() && !model.containsAttribute("problems")) {
            model.addAttribute("problems", p.problems());
        }
        return "subsidy/claim-preview";
    }

    @Allowed(SubsidyPermission.CLAIM_FILE)
    @PostMapping("/claims")
    String file(@RequestParam long classId, Model model, RedirectAttributes redirect) {
        try {
            Claim c = claims.file(classId);
            redirect.addFlashAttribute("notice", "subsidy.claim.filed");
            return "redirect:/subsidies/claims/" + c.id();
        }
        catch (InvalidInputException ex) {
            model.addAttribute("problems", ex.problems());
            return preview(classId, model);
        }
    }

    @Allowed(SubsidyPermission.CLAIM_READ)
    @GetMapping("/claims/{id}")
    String detail(@PathVariable long id, Model model) {
        Claim c = claims.get(id);
        CurrentUser me = CurrentUser.require();
        model.addAttribute("claim", c);
        List<ClaimLine> lines = claims.lines(id);
        model.addAttribute("lines", lines);
        model.addAttribute("explanations", explain(lines));
        model.addAttribute("exclusions", claims.exclusions(id));
        model.addAttribute("reviews", claims.reviews(id));
        model.addAttribute("attachments", claims.attachments(id));
        model.addAttribute("attachmentKinds", Claims.AttachmentKind.values());
        model.addAttribute("today", rules.today());
        String stage = c.status().stage();
        boolean mayDecide = org.jixing.subsidy.SubsidyPermission.mayDecide(me, c);
        model.addAttribute("mayDecide", mayDecide);
        boolean staff = me.hasRole(Role.PROVIDER_STAFF);
        model.addAttribute("mayResubmit", staff && c.status() == ClaimStatus.RETURNED);
        model.addAttribute("mayAttach",
                staff && (c.status() == ClaimStatus.SUBMITTED || c.status() == ClaimStatus.RETURNED));
        model.addAttribute("recoveries", recoveries.search(id, false, 0, 100).items());
        model.addAttribute("paymentLines", payments.linesOfClaim(id));
        model.addAttribute("maySeeOrders", SubsidyPermission.PAYMENT_READ.allows(me));
        model.addAttribute("mayRecover",
                c.status() == ClaimStatus.PAID && me.hasAnyRole(Role.CITY_OFFICER, Role.PROVINCE_ADMIN)
                        && lines.stream().anyMatch(l -> !l.recovered()));
        model.addAttribute("mayBlacklist", me.hasRole(Role.PROVINCE_ADMIN));
        model.addAttribute("reasons", org.jixing.subsidy.Recovery.Reason.values());
        model.addAttribute("defaultDue", rules.today().plusDays(30));
        return "subsidy/claim-detail";
    }

    @Allowed(SubsidyPermission.CLAIM_REVIEW)
    @PostMapping("/claims/{id}/decisions")
    String decide(@PathVariable long id, @RequestParam int version,
            @RequestParam(required = false) ClaimDecision.Action action, @RequestParam(required = false) String comment,
            Model model, RedirectAttributes redirect) {
        try {
            claims.decide(id, new ClaimDecision(version, action, comment));
            redirect.addFlashAttribute("notice", "subsidy.claim.decided");
            return "redirect:/subsidies/claims/" + id;
        }
        catch (InvalidInputException ex) {
            model.addAttribute("problems", ex.problems());
        }
        catch (OptimisticLockingFailureException ex) {
            model.addAttribute("problems", List.of(new InvalidInputException.Problem(null, "subsidy.error.stale")));
        }
        model.addAttribute("draftComment", comment);
        return detail(id, model);
    }

    @Allowed(SubsidyPermission.CLAIM_FILE)
    @PostMapping("/claims/{id}/resubmission")
    String resubmit(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String comment,
            Model model, RedirectAttributes redirect) {
        try {
            claims.resubmit(id, version, comment);
            redirect.addFlashAttribute("notice", "subsidy.claim.resubmitted");
            return "redirect:/subsidies/claims/" + id;
        }
        catch (InvalidInputException ex) {
            model.addAttribute("problems", ex.problems());
        }
        catch (OptimisticLockingFailureException ex) {
            model.addAttribute("problems", List.of(new InvalidInputException.Problem(null, "subsidy.error.stale")));
        }
        return detail(id, model);
    }

    @Allowed(SubsidyPermission.CLAIM_FILE)
    @PostMapping("/claims/{id}/attachments")
    String attach(@PathVariable long id, @RequestParam(required = false) Claims.AttachmentKind kind,
            @RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect)
            throws IOException {
        try {
            claims.attach(id, kind, file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getBytes());
            redirect.addFlashAttribute("notice", "subsidy.claim.attached");
            return "redirect:/subsidies/claims/" + id;
        }
        catch (InvalidInputException ex) {
            model.addAttribute("problems", ex.problems());
        }
        return detail(id, model);
    }

    @Allowed(SubsidyPermission.CLAIM_READ)
    @GetMapping("/claims/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
        Claims.AttachmentFile f = claims.attachment(id, attachmentId);
        return org.jixing.shared.web.FileDownload.of(f.attachment().fileName(),
                org.springframework.http.MediaType.parseMediaType(f.attachment().contentType()), f.content());
    }

    @Allowed(SubsidyPermission.CLAIM_FILE)
    @GetMapping("/payee")
    String payee(Model model) {
        requireStaff();
        if (!model.containsAttribute("payee")) {
            model.addAttribute("payee", claims.ownPayee().orElse(null));
        }
        return "subsidy/payee";
    }

    @Allowed(SubsidyPermission.CLAIM_FILE)
    @PostMapping("/payee")
    String savePayee(@RequestParam(required = false) String accountName,
            @RequestParam(required = false) String accountNo, @RequestParam(required = false) String bankName,
            Model model, RedirectAttributes redirect) {
        try {
            claims.savePayee(accountName, accountNo, bankName);
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

    /**
     * Each line's amount in words: the standard of the level in the tier, the group
     * adjustment, and the cap.
     */
    private Map<Long, String> explain(List<ClaimLine> lines) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> groups = reference.traineeGroups()
            .stream()
            .collect(Collectors.toMap(org.jixing.reference.TraineeGroup::code, g -> g.name(locale)));
        Map<Long, String> out = new HashMap<>();
        for (ClaimLine l : lines) {
            StringBuilder s = new StringBuilder(messages.getMessage("subsidy.explain.standard",
                    new Object[] { l.tier().name(), l.standard().toYuanString() }, locale));
            if (l.groupCode() != null && l.adjustPercent() != 0) {
                s.append(messages.getMessage("subsidy.explain.group",
                        new Object[] { (l.adjustPercent() > 0 ? "+" : "") + l.adjustPercent(),
                                groups.getOrDefault(l.groupCode(), l.groupCode()) },
                        locale));
            }
            if (l.capKind() != null && l.capCut().fen() > 0) {
                s.append(messages.getMessage("subsidy.explain.cap." + l.capKind().name(),
                        new Object[] { l.capCut().toYuanString() }, locale));
            }
            out.put(l.enrolmentId(), s.toString());
        }
        return out;
    }

    private static void requireStaff() {
        if (!CurrentUser.require().hasRole(Role.PROVIDER_STAFF)) {
            throw new AccessDeniedException("provider staff claim subsidies");
        }
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
