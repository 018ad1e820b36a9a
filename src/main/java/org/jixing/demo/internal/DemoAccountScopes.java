package org.jixing.demo.internal;

import org.jixing.account.Accounts;
import org.jixing.enterprise.Enterprises;
import org.jixing.enterprise.NewEnterprise;
import org.jixing.shared.UnifiedSocialCreditCode;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.DataScope;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeKind;
import org.springframework.stereotype.Component;

/**
 * Who is who in the demo: the province administrator who records what the province does,
 * the demo's enterprise registry, and the accounts {@code provider}, {@code evaluator},
 * {@code enterprise} and {@code trainee} pointed at the first of their kind.
 */
@Component
class DemoAccountScopes {

    /**
     * The demo's enterprise registry: a few employers across cities; the first, in 济南, is
     * the one the {@code enterprise} account acts for.
     */
    static final String[][] ENTERPRISES = { { "91370100MA3C00007", "济南示范制造有限公司", "370100" },
            { "91370100MA3C00015", "济南齐鲁软件有限公司", "370100" }, { "91370200MA3C00023", "青岛海岸装备有限公司", "370200" },
            { "91370200MA3C00031", "青岛示范物流有限公司", "370200" }, { "91370300MA3C00040", "淄博示范化工有限公司", "370300" },
            { "91370600MA3C00058", "烟台示范食品有限公司", "370600" }, { "91370700MA3C00066", "潍坊示范农业装备有限公司", "370700" },
            { "91371300MA3C00074", "临沂示范商贸物流有限公司", "371300" } };

    private final Accounts accounts;

    private final Enterprises enterprises;

    DemoAccountScopes(Accounts accounts, Enterprises enterprises) {
        this.accounts = accounts;
        this.enterprises = enterprises;
    }

    /** The demo's province administrator, who records what the province does. */
    CurrentUser admin() {
        return DemoProvince.user(accounts.findByUsername("admin").orElseThrow().id(), "admin", Role.PROVINCE_ADMIN,
                DataScope.province("370000"));
    }

    /**
     * Registers the demo's enterprises and points the demo accounts at the first
     * provider, the evaluation body, the first enterprise and the first trainee (if any).
     */
    void pointAtTheirFirst(CurrentUser admin, long jinanProvider, long evaluationBodyId, Long firstPerson) {
        Long person = firstPerson;
        DemoProvince.as(admin, () -> {
            for (String[] e : ENTERPRISES) {
                enterprises
                    .register(new NewEnterprise(e[0] + UnifiedSocialCreditCode.checkCharacter(e[0]), e[1], e[2]));
            }
            point("provider", ScopeKind.PROVIDER, String.valueOf(jinanProvider));
            point("evaluator", ScopeKind.EVALUATION_BODY, String.valueOf(evaluationBodyId));
            point("enterprise", ScopeKind.ENTERPRISE,
                    ENTERPRISES[0][0] + UnifiedSocialCreditCode.checkCharacter(ENTERPRISES[0][0]));
            if (person != null) {
                point("trainee", ScopeKind.PERSON, String.valueOf(person));
            }
            return null;
        });
    }

    private void point(String username, ScopeKind kind, String ref) {
        accounts.findByUsername(username)
            .ifPresent(a -> accounts.update(a.id(), a.version(), a.displayName(), a.role(), kind, ref, a.regionCode()));
    }

}
