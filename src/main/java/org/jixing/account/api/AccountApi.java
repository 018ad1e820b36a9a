package org.jixing.account.api;

import org.jixing.account.AccountPermission;
import org.jixing.account.AccountPermission.Allowed;
import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jixing.account.Account;
import org.jixing.account.Accounts;
import org.jixing.account.OwnAccount;
import org.jixing.account.NewAccount;
import org.jixing.shared.PageResult;
import org.jixing.shared.scope.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Who am I, and user administration within the caller's scope. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Accounts", description = "The caller's account; users within the caller's scope")
class AccountApi {

    private final Accounts accounts;

    private final OwnAccount own;

    AccountApi(Accounts accounts, OwnAccount own) {
        this.own = own;
        this.accounts = accounts;
    }

    @Allowed(AccountPermission.OWN_ACCOUNT)
    @GetMapping("/me")
    @Operation(summary = "The caller's account, role and scope")
    Account me() {
        return own.me();
    }

    @Allowed(AccountPermission.ACCOUNT_READ)
    @GetMapping("/accounts")
    @Operation(summary = "Accounts in the caller's scope (province administrators and city officers)")
    PageResult<Account> list(@RequestParam(required = false) String q, @RequestParam(required = false) Role role,
            @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size) {
        return accounts.search(q, role, Math.max(0, page), PageResult.size(size));
    }

    @Allowed(AccountPermission.ACCOUNT_READ)
    @GetMapping("/accounts/{id}")
    @Operation(summary = "One account; 404 outside the caller's scope")
    Account get(@PathVariable long id) {
        return accounts.get(id);
    }

    @Allowed(AccountPermission.ACCOUNT_ADMIN)
    @PostMapping("/accounts")
    @Operation(summary = "Open an account; every broken rule is listed")
    ResponseEntity<Account> create(@RequestBody NewAccount account) {
        Account a = accounts.createAs(account);
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + a.id())).body(a);
    }

}
