package org.jixing.demo.internal;

import java.util.List;

import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeKind;

/** The demo accounts, one per role; their usernames are documented in the README. */
final class DemoAccounts {

    record DemoAccount(String username, String displayName, Role role, ScopeKind scopeKind, String scopeRef,
            String regionCode) {
    }

    /**
     * Provider, evaluation-body, enterprise and person scopes refer to the first demo
     * record of each kind, which the generator creates as those modules arrive.
     */
    static final List<DemoAccount> ALL = List.of(
            new DemoAccount("admin", "省人社厅管理员", Role.PROVINCE_ADMIN, ScopeKind.PROVINCE, "370000", "370000"),
            new DemoAccount("agri", "省农业农村厅", Role.LINE_DEPARTMENT, ScopeKind.DEPARTMENT, "AGRI", "370000"),
            new DemoAccount("jinan", "济南市人社局", Role.CITY_OFFICER, ScopeKind.REGION, "370100", "370100"),
            new DemoAccount("qingdao", "青岛市人社局", Role.CITY_OFFICER, ScopeKind.REGION, "370200", "370200"),
            new DemoAccount("provider", "济南示范培训学校", Role.PROVIDER_STAFF, ScopeKind.PROVIDER, "1", "370100"),
            new DemoAccount("evaluator", "济南示范评价中心", Role.EVALUATOR, ScopeKind.EVALUATION_BODY, "1", "370100"),
            new DemoAccount("enterprise", "济南示范制造有限公司", Role.ENTERPRISE, ScopeKind.ENTERPRISE, "1", "370100"),
            new DemoAccount("trainee", "示范学员", Role.TRAINEE, ScopeKind.PERSON, "1", "370100"),
            new DemoAccount("auditor", "省审计组", Role.AUDITOR, ScopeKind.PROVINCE, "370000", "370000"),
            new DemoAccount("inspector", "省就业培训监督处", Role.INSPECTOR, ScopeKind.PROVINCE, "370000", "370000"),
            new DemoAccount("inspector-jinan", "济南市培训监督员", Role.INSPECTOR, ScopeKind.REGION, "370100", "370100"),
            new DemoAccount("employment-officer", "省公共就业服务中心", Role.EMPLOYMENT_OFFICER, ScopeKind.PROVINCE, "370000",
                    "370000"),
            new DemoAccount("employment-jinan", "济南市公共就业服务中心", Role.EMPLOYMENT_OFFICER, ScopeKind.REGION, "370100",
                    "370100"));

    private DemoAccounts() {
    }

}
