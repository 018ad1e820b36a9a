package org.jixing.account.web;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.jixing.account.Account;
import org.jixing.account.AccountPermission;
import org.jixing.account.AccountPermission.Allowed;
import org.jixing.account.Accounts;
import org.jixing.account.NewAccount;
import org.jixing.account.SecondFactors;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.PageResult;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeKind;
import org.jixing.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** User administration for province administrators and city officers. */
@Controller
@RequestMapping("/admin/users")
class UserPages {

    private final Accounts accounts;

    private final ReferenceCatalogue reference;

    private final SecondFactors secondFactors;

    UserPages(Accounts accounts, ReferenceCatalogue reference, SecondFactors secondFactors) {
        this.secondFactors = secondFactors;
        this.accounts = accounts;
        this.reference = reference;
    }

    @Allowed(AccountPermission.ACCOUNT_READ)
    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Role role,
            @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size, Model model) {
        PageResult<Account> result = accounts.search(q, role, Math.max(0, page), PageResult.size(size));
        model.addAttribute("result", result);
        model.addAttribute("q", q);
        model.addAttribute("role", role);
        model.addAttribute("roles", Role.values());
        return "account/users";
    }

    @Allowed(AccountPermission.ACCOUNT_ADMIN)
    @GetMapping("/new")
    String form(Model model) {
        CurrentUser me = CurrentUser.require();
        if (!me.hasAnyRole(Role.PROVINCE_ADMIN, Role.CITY_OFFICER)) {
            throw new AccessDeniedException("user administration");
        }
        if (!model.containsAttribute("draft")) {
            model.addAttribute("draft",
                    new NewAccount("", "", "", me.hasRole(Role.CITY_OFFICER) ? Role.PROVIDER_STAFF : Role.CITY_OFFICER,
                            me.hasRole(Role.CITY_OFFICER) ? ScopeKind.PROVIDER : ScopeKind.REGION,
                            me.hasRole(Role.CITY_OFFICER) ? "" : "370100",
                            me.hasRole(Role.CITY_OFFICER) ? me.scope().ref() : "370100"));
        }
        choices(model);
        return "account/user-new";
    }

    @Allowed(AccountPermission.ACCOUNT_ADMIN)
    @PostMapping
    String create(@RequestParam(required = false) String username, @RequestParam(required = false) String displayName,
            @RequestParam(required = false) String password, @RequestParam(required = false) Role role,
            @RequestParam(required = false) ScopeKind scopeKind, @RequestParam(required = false) String scopeRef,
            @RequestParam(required = false) String regionCode, Model model, RedirectAttributes redirect) {
        NewAccount cmd = new NewAccount(username, displayName, password, role, scopeKind, scopeRef, regionCode);
        try {
            Account a = accounts.createAs(cmd);
            redirect.addFlashAttribute("notice", "account.created");
            return "redirect:/admin/users/" + a.id();
        }
        catch (InvalidInputException ex) {
            model.addAttribute("problems", ex.problems());
            model.addAttribute("draft",
                    new NewAccount(username, displayName, "", role, scopeKind, scopeRef, regionCode));
            return form(model);
        }
    }

    @Allowed(AccountPermission.ACCOUNT_READ)
    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("account", accounts.get(id));
        model.addAttribute("secondFactorOn", secondFactors.isOn(id));
        model.addAttribute("mayResetSecondFactor", CurrentUser.require().hasRole(Role.PROVINCE_ADMIN));
        choices(model);
        return "account/user";
    }

    @Allowed(AccountPermission.ACCOUNT_ADMIN)
    @PostMapping("/{id}")
    String update(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String displayName,
            @RequestParam(required = false) Role role, @RequestParam(required = false) ScopeKind scopeKind,
            @RequestParam(required = false) String scopeRef, @RequestParam(required = false) String regionCode,
            RedirectAttributes redirect) {
        return act(id, redirect,
                () -> accounts.update(id, version, displayName, role, scopeKind, scopeRef, regionCode));
    }

    @Allowed(AccountPermission.ACCOUNT_ADMIN)
    @PostMapping("/{id}/{action:enable|disable}")
    String enable(@PathVariable long id, @PathVariable String action, @RequestParam int version,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> accounts.setEnabled(id, version, "enable".equals(action)));
    }

    @Allowed(AccountPermission.ACCOUNT_ADMIN)
    @PostMapping("/{id}/password")
    String resetPassword(@PathVariable long id, @RequestParam(required = false) String password,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> accounts.resetPassword(id, password));
    }

    /** A province administrator removes the account's second factor (a lost phone). */
    @Allowed(AccountPermission.SECOND_FACTOR_RESET)
    @PostMapping("/{id}/second-factor/reset")
    String resetSecondFactor(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> secondFactors.reset(id));
    }

    private static String act(long id, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", "account.saved");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("problems", ex.problems());
        }
        catch (OptimisticLockingFailureException ex) {
            redirect.addFlashAttribute("problems",
                    List.of(new InvalidInputException.Problem(null, "account.error.stale")));
        }
        return "redirect:/admin/users/" + id;
    }

    private void choices(Model model) {
        CurrentUser me = CurrentUser.require();
        model.addAttribute("roles", me.hasRole(Role.CITY_OFFICER)
                ? List.of(Role.PROVIDER_STAFF, Role.ENTERPRISE, Role.TRAINEE) : Arrays.asList(Role.values()));
        model.addAttribute("scopeKinds", ScopeKind.values());
        model.addAttribute("regions",
                reference.regions()
                    .stream()
                    .filter(r -> me.hasRole(Role.PROVINCE_ADMIN) || me.scope().coversRegion(r.code()))
                    .toList());
        model.addAttribute("departments", reference.departments());
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavItem usersNav() {
            return new NavItem("nav.users", "/admin/users", 850, AccountPermission.ACCOUNT_READ.roles());
        }

    }

}
