package org.jixing.subsidy.web;

import org.jixing.subsidy.SubsidyPermission;
import org.jixing.subsidy.SubsidyPermission.Allowed;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jixing.reference.ReferenceCatalogue;
import org.jixing.reference.Region;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.Money;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.Role;
import org.jixing.shared.web.NavItem;
import org.jixing.subsidy.FundLedger;
import org.jixing.subsidy.FundLedger.Budget;
import org.jixing.subsidy.SubsidyRules;
import org.jixing.subsidy.FundSource;
import org.springframework.context.MessageSource;
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

import tools.jackson.databind.json.JsonMapper;

/**
 * The fund balances of each city's budgets by fund source for a year, the latest ledger
 * movements, the administrator's allocations and reductions, and the ledger check.
 */
@Controller
@RequestMapping("/subsidies/funds")
class FundPages {

    private final FundLedger ledger;

    private final SubsidyRules rules;

    private final ReferenceCatalogue reference;

    private final MessageSource messages;

    private final JsonMapper json;

    FundPages(FundLedger ledger, SubsidyRules rules, ReferenceCatalogue reference, MessageSource messages,
            JsonMapper json) {
        this.ledger = ledger;
        this.rules = rules;
        this.reference = reference;
        this.messages = messages;
        this.json = json;
    }

    /** The six balances summed over some budgets. */
    record Totals(Money allocated, Money available, Money committed, Money paid, Money receivable, Money repaid) {

        static final Totals ZERO = new Totals(Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);

        Totals plus(Budget b) {
            return new Totals(allocated.plus(b.allocated()), available.plus(b.available()),
                    committed.plus(b.committed()), paid.plus(b.paid()), receivable.plus(b.receivable()),
                    repaid.plus(b.repaid()));
        }

        static Totals of(List<Budget> budgets) {
            Totals t = ZERO;
            for (Budget b : budgets) {
                t = t.plus(b);
            }
            return t;
        }

    }

    /** A city's budgets of the year with their sum. */
    record CityFunds(String regionCode, List<Budget> budgets, Totals totals) {
    }

    /** The allocation or reduction form as entered. */
    record FundForm(String regionCode, String fundSource, Integer year, String amount, String memo) {
    }

    @Allowed(SubsidyPermission.FUND_READ)
    @GetMapping
    String balances(@RequestParam(required = false) Integer year, Model model, Locale locale) {
        requireReader();
        int y = year == null ? rules.today().getYear() : year;
        render(y, model, locale);
        return "subsidy/funds";
    }

    private void render(int year, Model model, Locale locale) {
        CurrentUser me = CurrentUser.require();
        List<Budget> all = ledger.budgets(null);
        Set<Integer> years = new TreeSet<>(Comparator.reverseOrder());
        all.forEach(b -> years.add(b.year()));
        years.add(rules.today().getYear());
        years.add(year);
        List<Budget> budgets = all.stream().filter(b -> b.year() == year).toList();
        Map<String, List<Budget>> byCity = budgets.stream()
            .collect(Collectors.groupingBy(Budget::regionCode, TreeMap::new, Collectors.toList()));
        List<CityFunds> cities = byCity.entrySet()
            .stream()
            .map(e -> new CityFunds(e.getKey(), e.getValue(), Totals.of(e.getValue())))
            .toList();
        List<FundSource> sources = rules.fundSources();
        Map<String, Totals> bySource = new LinkedHashMap<>();
        for (FundSource f : sources) {
            List<Budget> of = budgets.stream().filter(b -> b.fundSourceCode().equals(f.code())).toList();
            if (!of.isEmpty()) {
                bySource.put(f.code(), Totals.of(of));
            }
        }
        Map<String, Region> regionNames = reference.regions()
            .stream()
            .collect(Collectors.toMap(Region::code, Function.identity()));
        Map<String, FundSource> fundNames = sources.stream()
            .collect(Collectors.toMap(FundSource::code, Function.identity()));
        Map<Long, Budget> budgetById = all.stream().collect(Collectors.toMap(Budget::id, Function.identity()));
        model.addAttribute("year", year);
        model.addAttribute("years", years);
        model.addAttribute("cities", cities);
        model.addAttribute("bySource", bySource);
        model.addAttribute("total", Totals.of(budgets));
        List<FundLedger.Entry> recent = ledger.recent(year, 30);
        model.addAttribute("recent", recent);
        // A reversal is newer than what it reverses, so a listed allocation's reversal is
        // listed too.
        model.addAttribute("reversedIds",
                recent.stream().map(FundLedger.Entry::reversesId).filter(Objects::nonNull).collect(Collectors.toSet()));
        model.addAttribute("budgetById", budgetById);
        model.addAttribute("fundSources", sources);
        model.addAttribute("cityChoices", reference.cities());
        model.addAttribute("mayAllocate", me.hasRole(Role.PROVINCE_ADMIN));
        model.addAttribute("mayCheck", mayCheck(me));
        if (!model.containsAttribute("allocation")) {
            model.addAttribute("allocation", new FundForm(null, null, year, null, null));
        }
        if (!model.containsAttribute("reduction")) {
            model.addAttribute("reduction", new FundForm(null, null, year, null, null));
        }
        model.addAttribute("chartJson", charts(cities, bySource, regionNames, fundNames, locale));
    }

    /** What the charts draw: a stacked bar per city, and each source's share. */
    private String charts(List<CityFunds> cities, Map<String, Totals> bySource, Map<String, Region> regionNames,
            Map<String, FundSource> fundNames, Locale locale) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("locale", "en".equals(locale.getLanguage()) ? "EN" : "ZH");
        Map<String, String> labels = new LinkedHashMap<>();
        for (String k : List.of("committed", "paid", "receivable", "available", "allocated")) {
            labels.put(k, messages.getMessage("funds.col." + k, null, locale));
        }
        out.put("labels", labels);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CityFunds c : cities) {
            Map<String, Object> m = new LinkedHashMap<>();
            Region r = regionNames.get(c.regionCode());
            m.put("name", r == null ? c.regionCode() : r.name(locale));
            m.put("committed", yuan(c.totals().committed()));
            m.put("paid", yuan(c.totals().paid()));
            m.put("receivable", yuan(c.totals().receivable()));
            m.put("available", yuan(c.totals().available()));
            rows.add(m);
        }
        out.put("cities", rows);
        List<Map<String, Object>> sources = new ArrayList<>();
        bySource.forEach((code, t) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            FundSource f = fundNames.get(code);
            m.put("name", f == null ? code : f.name(locale));
            m.put("allocated", yuan(t.allocated()));
            m.put("committed", yuan(t.committed()));
            m.put("paid", yuan(t.paid()));
            m.put("receivable", yuan(t.receivable()));
            m.put("available", yuan(t.available()));
            sources.add(m);
        });
        out.put("sources", sources);
        // Not markup: "</" cannot close the script element that carries it.
        return json.writeValueAsString(out).replace("</", "<\\/");
    }

    private static BigDecimal yuan(Money m) {
        return BigDecimal.valueOf(m.fen(), 2);
    }

    @Allowed(SubsidyPermission.FUND_WRITE)
    @PostMapping("/allocations")
    String allocate(@RequestParam(required = false) String regionCode,
            @RequestParam(required = false) String fundSource, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String amount, @RequestParam(required = false) String memo, Model model,
            Locale locale, RedirectAttributes redirect) {
        return change("allocation", new FundForm(regionCode, fundSource, year, amount, memo),
                (y, money) -> ledger.allocate(regionCode, fundSource, y, money, memo), model, locale, redirect);
    }

    @Allowed(SubsidyPermission.FUND_WRITE)
    @PostMapping("/reductions")
    String reduce(@RequestParam(required = false) String regionCode, @RequestParam(required = false) String fundSource,
            @RequestParam(required = false) Integer year, @RequestParam(required = false) String amount,
            @RequestParam(required = false) String memo, Model model, Locale locale, RedirectAttributes redirect) {
        return change("reduction", new FundForm(regionCode, fundSource, year, amount, memo),
                (y, money) -> ledger.reduce(regionCode, fundSource, y, money, memo), model, locale, redirect);
    }

    /**
     * Allocates or reduces as the form says; a refusal shows the page again with the form
     * open, its values kept and every problem named.
     */
    private String change(String formName, FundForm form, BiConsumer<Integer, Money> movement, Model model,
            Locale locale, RedirectAttributes redirect) {
        requireAdmin();
        int y = form.year() == null ? rules.today().getYear() : form.year();
        try {
            movement.accept(y, money(form.amount()));
        }
        catch (InvalidInputException ex) {
            model.addAttribute("problems", ex.problems());
            model.addAttribute(formName, form);
            model.addAttribute("openForm", formName);
            render(y, model, locale);
            return "subsidy/funds";
        }
        redirect.addFlashAttribute("notice", "allocation".equals(formName) ? "funds.allocated" : "funds.reduced");
        return "redirect:/subsidies/funds?year=" + y;
    }

    @Allowed(SubsidyPermission.FUND_WRITE)
    @PostMapping("/allocations/{transactionId}/reversal")
    String reverse(@PathVariable long transactionId, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String reason, Model model, Locale locale, RedirectAttributes redirect) {
        requireAdmin();
        int y = year == null ? rules.today().getYear() : year;
        try {
            ledger.reverseAllocation(transactionId, reason);
        }
        catch (InvalidInputException ex) {
            model.addAttribute("problems", ex.problems());
            render(y, model, locale);
            return "subsidy/funds";
        }
        redirect.addFlashAttribute("notice", "funds.reversed");
        return "redirect:/subsidies/funds?year=" + y;
    }

    @Allowed(SubsidyPermission.FUND_CHECK)
    @GetMapping("/check")
    String check(Model model) {
        if (!mayCheck(CurrentUser.require())) {
            throw new AccessDeniedException("the province administrator and auditors check the ledger");
        }
        model.addAttribute("check", ledger.check());
        return "subsidy/funds-check";
    }

    /**
     * An amount in yuan as typed; what is not one counts as nothing, which the ledger
     * refuses with the other problems of the form.
     */
    static Money money(String amount) {
        if (amount == null || amount.isBlank()) {
            return null;
        }
        try {
            return Money.ofYuan(amount.strip().replace(",", ""));
        }
        catch (IllegalArgumentException | ArithmeticException ex) {
            return Money.ZERO;
        }
    }

    private static boolean mayCheck(CurrentUser me) {
        return me.hasAnyRole(Role.PROVINCE_ADMIN, Role.AUDITOR) && me.scope().isProvinceWide();
    }

    private static void requireReader() {
        if (!CurrentUser.require().hasAnyRole(Role.PROVINCE_ADMIN, Role.CITY_OFFICER, Role.AUDITOR)) {
            throw new AccessDeniedException("fund balances are for the province, the cities and auditors");
        }
    }

    private static void requireAdmin() {
        if (!CurrentUser.require().hasRole(Role.PROVINCE_ADMIN)) {
            throw new AccessDeniedException("the province administrator allocates funds");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavItem fundsNav() {
            return new NavItem("nav.funds", "/subsidies/funds", 410, SubsidyPermission.FUND_READ.roles())
                .inGroup("nav.group.subsidies");
        }

    }

}
