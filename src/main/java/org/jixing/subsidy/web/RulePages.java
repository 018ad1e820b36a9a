package org.jixing.subsidy.web;

import org.jixing.subsidy.SubsidyPermission;
import org.jixing.subsidy.SubsidyPermission.Allowed;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jixing.reference.Occupation;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.Money;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.RecordNotFoundException;
import org.jixing.shared.web.NavItem;
import org.jixing.subsidy.RuleSet;
import org.jixing.subsidy.RuleStanding;
import org.jixing.subsidy.SimulationWording;
import org.jixing.subsidy.Simulator;
import org.jixing.subsidy.SubsidyRules;
import org.jixing.training.ClassFilter;
import org.jixing.training.ClassOpenings;
import org.jixing.training.Enrolments;
import org.jixing.training.TrainingClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Subsidy rule pages: the versions with where each stands, a version as readable tables,
 * the province administrator's form for a new version (prefilled from the latest), and
 * the simulator that explains what a trainee of a class would be paid.
 */
@Controller
@RequestMapping("/subsidies")
class RulePages {

    private final SubsidyRules rules;

    private final Simulator simulator;

    private final SimulationWording wording;

    private final ClassOpenings classes;

    private final Enrolments enrolments;

    private final ReferenceCatalogue reference;

    RulePages(SubsidyRules rules, Simulator simulator, SimulationWording wording, ClassOpenings classes,
            Enrolments enrolments, ReferenceCatalogue reference) {
        this.rules = rules;
        this.simulator = simulator;
        this.wording = wording;
        this.classes = classes;
        this.enrolments = enrolments;
        this.reference = reference;
    }

    /** A version with where it stands today. */
    record Listed(RuleSet rules, RuleStanding standing) {
    }

    @Allowed(SubsidyPermission.RULE_READ)
    @GetMapping("/rules")
    String list(Model model) {
        LocalDate today = rules.today();
        Optional<RuleSet> now = rules.inForceOn(today);
        model.addAttribute("versions",
                rules.versions().stream().map(r -> new Listed(r, RuleStanding.of(r, now, today))).toList());
        model.addAttribute("today", today);
        model.addAttribute("mayPublish", mayPublish());
        return "subsidy/rules";
    }

    @Allowed(SubsidyPermission.RULE_READ)
    @GetMapping("/rules/{id}")
    String detail(@PathVariable long id, Model model) {
        RuleSet r = rules.version(id).orElseThrow(() -> new RecordNotFoundException("subsidy_rule_set", id));
        LocalDate today = rules.today();
        model.addAttribute("r", r);
        model.addAttribute("standing", RuleStanding.of(r, rules.inForceOn(today), today));
        model.addAttribute("standards",
                r.standards().stream().collect(Collectors.toMap(s -> s.levelCode() + "." + s.tier(), s -> s)));
        model.addAttribute("usedLevels",
                reference.skillLevels()
                    .stream()
                    .filter(l -> r.standards().stream().anyMatch(s -> s.levelCode().equals(l.code())))
                    .toList());
        model.addAttribute("tiers", RuleSet.Tier.values());
        model.addAttribute("mayPublish", mayPublish());
        return "subsidy/rule-detail";
    }

    /**
     * The form's values as entered: amounts by "LEVEL.TIER", tiers by occupation,
     * percents by group, fund sources by line.
     */
    record RuleForm(String effectiveFrom, String note, String personYearCap, String classCap, String defaultTier,
            Map<String, String> amounts, Map<String, String> paysOn, Map<String, String> occupationTiers,
            Map<String, String> groupAdjustments, Map<String, String> lineFunds, String employmentMonths,
            String employmentAmount) {

        static RuleForm of(SubsidyRules.Draft d) {
            Map<String, String> amounts = new LinkedHashMap<>();
            Map<String, String> pays = new LinkedHashMap<>();
            for (RuleSet.Standard s : d.standards()) {
                amounts.put(s.levelCode() + "." + s.tier(), s.amount().toYuanString());
                pays.put(s.levelCode() + "." + s.tier(), s.paysOn().name());
            }
            Map<String, String> tiers = new LinkedHashMap<>();
            d.occupationTiers().forEach((o, t) -> tiers.put(o, t.name()));
            Map<String, String> groups = new LinkedHashMap<>();
            d.groupAdjustments().forEach((g, p) -> groups.put(g, String.valueOf(p)));
            return new RuleForm(d.effectiveFrom() == null ? "" : d.effectiveFrom().toString(),
                    d.note() == null ? "" : d.note(), d.personYearCap() == null ? "" : d.personYearCap().toYuanString(),
                    d.classCap() == null ? "" : d.classCap().toYuanString(),
                    d.defaultTier() == null ? "C" : d.defaultTier().name(), amounts, pays, tiers, groups,
                    new LinkedHashMap<>(d.lineFunds()),
                    d.employment() == null ? "" : String.valueOf(d.employment().withinMonths()),
                    d.employment() == null ? "" : d.employment().amount().toYuanString());
        }

        static RuleForm of(Map<String, String> params) {
            return new RuleForm(params.getOrDefault("effectiveFrom", ""), params.getOrDefault("note", ""),
                    params.getOrDefault("personYearCap", ""), params.getOrDefault("classCap", ""),
                    params.getOrDefault("defaultTier", ""), prefixed(params, "amount."), prefixed(params, "paysOn."),
                    prefixed(params, "tier."), prefixed(params, "adjust."), prefixed(params, "fund."),
                    params.getOrDefault("employmentMonths", ""), params.getOrDefault("employmentAmount", ""));
        }

        private static Map<String, String> prefixed(Map<String, String> params, String prefix) {
            Map<String, String> m = new LinkedHashMap<>();
            params.forEach((k, v) -> {
                if (k.startsWith(prefix) && v != null && !v.isBlank()) {
                    m.put(k.substring(prefix.length()), v.strip());
                }
            });
            return m;
        }

        /**
         * The draft the form describes. What cannot be read (a date, an amount or a
         * percent that is not one) is left empty, so the rules' checks name it.
         */
        SubsidyRules.Draft draft() {
            List<RuleSet.Standard> standards = new ArrayList<>();
            amounts.forEach((key, yuan) -> {
                int dot = key.lastIndexOf('.');
                RuleSet.Tier tier = dot < 0 ? null : tier(key.substring(dot + 1));
                String pays = paysOn.getOrDefault(key, RuleSet.PaysOn.COMPLETION.name());
                standards.add(new RuleSet.Standard(dot < 0 ? key : key.substring(0, dot), tier, yuan(yuan),
                        "CERTIFICATE".equals(pays) ? RuleSet.PaysOn.CERTIFICATE : RuleSet.PaysOn.COMPLETION));
            });
            Map<String, RuleSet.Tier> tiers = new LinkedHashMap<>();
            occupationTiers.forEach((o, t) -> tiers.put(o, tier(t)));
            Map<String, Integer> groups = new LinkedHashMap<>();
            groupAdjustments.forEach((g, p) -> {
                Integer percent;
                try {
                    percent = Integer.valueOf(p);
                }
                catch (NumberFormatException ex) {
                    percent = null;
                }
                groups.put(g, percent);
            });
            LocalDate from;
            try {
                from = effectiveFrom == null || effectiveFrom.isBlank() ? null : LocalDate.parse(effectiveFrom);
            }
            catch (DateTimeParseException ex) {
                from = null;
            }
            return new SubsidyRules.Draft(from, note, yuan(personYearCap), yuan(classCap), tier(defaultTier), standards,
                    tiers, groups, lineFunds, employment());
        }

        /**
         * The employment component entered: none when both fields are blank; a field that
         * cannot be read makes an invalid one the rules' checks name.
         */
        private RuleSet.EmploymentPay employment() {
            boolean noMonths = employmentMonths == null || employmentMonths.isBlank();
            boolean noAmount = employmentAmount == null || employmentAmount.isBlank();
            if (noMonths && noAmount) {
                return null;
            }
            int months;
            try {
                months = noMonths ? 0 : Integer.parseInt(employmentMonths.strip());
            }
            catch (NumberFormatException ex) {
                months = 0;
            }
            return new RuleSet.EmploymentPay(months, noAmount ? null : yuan(employmentAmount));
        }

        private static RuleSet.Tier tier(String t) {
            try {
                return t == null || t.isBlank() ? null : RuleSet.Tier.valueOf(t);
            }
            catch (IllegalArgumentException ex) {
                return null;
            }
        }

        private static Money yuan(String yuan) {
            try {
                return yuan == null || yuan.isBlank() ? null : Money.ofYuan(yuan);
            }
            catch (IllegalArgumentException ex) {
                return null;
            }
        }

    }

    @Allowed(SubsidyPermission.RULE_PUBLISH)
    @GetMapping("/rules/new")
    String form(Model model) {
        requireAdmin();
        if (!model.containsAttribute("form")) {
            LocalDate today = rules.today();
            List<RuleSet> all = rules.versions();
            // The earliest day the rules accept: after the latest version, not before
            // today.
            LocalDate from = all.isEmpty() ? today
                    : Collections.max(List.of(today, all.get(0).effectiveFrom().plusDays(1)));
            SubsidyRules.Draft d = all.isEmpty() ? new SubsidyRules.Draft(from, null, null, null, RuleSet.Tier.C,
                    List.of(), Map.of(), Map.of(), Map.of()) : SubsidyRules.Draft.from(all.get(0), from);
            model.addAttribute("form", RuleForm.of(d));
            model.addAttribute("basedOn", all.isEmpty() ? null : all.get(0));
        }
        model.addAttribute("tiers", RuleSet.Tier.values());
        model.addAttribute("paysOnValues", RuleSet.PaysOn.values());
        model.addAttribute("levels", reference.skillLevels());
        model.addAttribute("occupations", reference.occupations().stream().filter(Occupation::active).toList());
        model.addAttribute("groups", reference.traineeGroups());
        model.addAttribute("lines", reference.actionLines());
        model.addAttribute("fundSources", rules.fundSources());
        if (!model.containsAttribute("problemFields")) {
            model.addAttribute("problemFields", Set.of());
        }
        return "subsidy/rule-form";
    }

    @Allowed(SubsidyPermission.RULE_PUBLISH)
    @PostMapping("/rules")
    String publish(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        requireAdmin();
        RuleForm form = RuleForm.of(params);
        try {
            RuleSet r = rules.publish(form.draft());
            redirect.addFlashAttribute("notice", "subsidyRules.published");
            return "redirect:/subsidies/rules/" + r.id();
        }
        catch (InvalidInputException ex) {
            model.addAttribute("form", form);
            model.addAttribute("problems", ex.problems());
            Set<String> fields = new LinkedHashSet<>();
            ex.problems()
                .stream()
                .map(InvalidInputException.Problem::field)
                .filter(f -> f != null)
                .forEach(fields::add);
            model.addAttribute("problemFields", fields);
            return form(model);
        }
    }

    @Allowed(SubsidyPermission.SIMULATE)
    @GetMapping("/simulator")
    String simulator(@RequestParam(required = false) Long classId, @RequestParam(required = false) String q,
            @RequestParam(required = false) Long enrolmentId, @RequestParam(required = false) String mode,
            @RequestParam(required = false) Set<String> groups, @RequestParam(required = false) String already,
            @RequestParam(required = false) Long versionId, Model model) {
        CurrentUser me = CurrentUser.require();
        if (!me.hasAnyRole(Role.PROVINCE_ADMIN, Role.CITY_OFFICER, Role.PROVIDER_STAFF)) {
            throw new AccessDeniedException("the simulator is for administrators, city officers and providers");
        }
        model.addAttribute("q", q);
        if (classId == null) {
            model.addAttribute("classes",
                    classes.search(new ClassFilter(null, null, null, null, q, "start", null, null, null, true), 0, 30)
                        .items());
            return "subsidy/simulator";
        }
        TrainingClass c = classes.get(classId);
        model.addAttribute("c", c);
        model.addAttribute("roster", enrolments.roster(classId));
        model.addAttribute("versions", rules.versions());
        model.addAttribute("groups", reference.traineeGroups());
        model.addAttribute("chosenGroups", groups == null ? Set.of() : groups);
        model.addAttribute("already", already == null ? "" : already);
        model.addAttribute("enrolmentId", enrolmentId);
        model.addAttribute("versionId", versionId);
        boolean hypothetical = "hypothetical".equals(mode);
        model.addAttribute("hypothetical", hypothetical);
        if (enrolmentId == null && !hypothetical) {
            return "subsidy/simulator";
        }
        try {
            Simulator.Trainee who;
            if (hypothetical) {
                Money money = Money.ZERO;
                if (already != null && !already.isBlank()) {
                    try {
                        money = Money.ofYuan(already);
                    }
                    catch (IllegalArgumentException ex) {
                        throw InvalidInputException.of("already", "subsidy.error.amount");
                    }
                }
                who = Simulator.Trainee.hypothetical(groups, money);
            }
            else {
                who = Simulator.Trainee.onRoster(enrolmentId);
            }
            Simulator.Simulation s = simulator.simulate(classId, who, versionId);
            model.addAttribute("result", s);
            model.addAttribute("explanation", wording.explain(s, LocaleContextHolder.getLocale()));
        }
        catch (InvalidInputException ex) {
            model.addAttribute("problems", ex.problems());
        }
        return "subsidy/simulator";
    }

    private static boolean mayPublish() {
        return CurrentUser.require().hasRole(Role.PROVINCE_ADMIN);
    }

    private static void requireAdmin() {
        if (!mayPublish()) {
            throw new AccessDeniedException("the province administrator edits subsidy rules");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavItem subsidyRulesNav() {
            return new NavItem("nav.subsidyRules", "/subsidies/rules", 400, SubsidyPermission.RULE_READ.roles())
                .inGroup("nav.group.subsidies");
        }

    }

}
