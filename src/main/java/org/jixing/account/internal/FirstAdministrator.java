package org.jixing.account.internal;

import org.jixing.account.Accounts;
import org.jixing.account.NewAccount;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.reference.Region;
import org.jixing.shared.RegionCode;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A new installation without demo data (PostgreSQL) has nobody to sign in. With
 * {@code JIXING_ADMIN_PASSWORD} set, the first start opens the province administrator
 * {@code admin} with that password; otherwise it says how.
 */
@Component
class FirstAdministrator {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final Accounts accounts;

    private final ReferenceCatalogue reference;

    private final String password;

    FirstAdministrator(Accounts accounts, ReferenceCatalogue reference,
            @Value("${jixing.bootstrap.admin-password:${JIXING_ADMIN_PASSWORD:}}") String password) {
        this.accounts = accounts;
        this.reference = reference;
        this.password = password;
    }

    /** After the demo seeder, so a demo province keeps its own accounts. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(100)
    void onReady() {
        if (accounts.anyExist()) {
            return;
        }
        if (password.isBlank()) {
            log.warn("No accounts exist. Start once with JIXING_ADMIN_PASSWORD set (at least 12 characters) to open "
                    + "the province administrator account 'admin'.");
            return;
        }
        Region province = reference.regions()
            .stream()
            .filter(r -> r.level() == RegionCode.Level.PROVINCE)
            .findFirst()
            .orElseThrow();
        accounts.create(new NewAccount("admin", "省级管理员", password, Role.PROVINCE_ADMIN, ScopeKind.PROVINCE,
                province.code(), province.code()));
        log.info("Opened the province administrator account 'admin'.");
    }

}
