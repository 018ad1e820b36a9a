package org.jixing.shared.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jixing.IntegrationTest;
import org.jixing.shared.scope.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every handler of the application declares who may call it, so that a new endpoint
 * cannot forget: the interceptor refuses an undeclared one for everybody, and this test
 * names it.
 */
class PermissionCoverageIT extends IntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void every_handler_declares_its_permission_or_that_it_is_public() {
        List<String> undeclared = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            HandlerMethod handler = e.getValue();
            if (!PermissionInterceptor.isOurs(handler)) {
                continue;
            }
            if (DeclaredPermission.of(handler).isEmpty()) {
                undeclared.add(describe(e.getKey(), handler));
            }
        }
        assertThat(undeclared).as("""
                These handlers declare no permission, so every request to them is refused (403).
                Annotate each handler method with its module's policy, e.g.
                    @TrainingPermission.Allowed(TrainingPermission.CLASS_READ)
                (add a constant with the roles that may act to the module's <Module>Permission enum
                in its root package if none fits), or with @org.jixing.shared.access.Public when
                anyone may call it (and permit the path in account/internal/SecurityConfig).
                See docs/access.md.""").isEmpty();
    }

    @Test
    void the_demo_roles_of_the_sweep_cover_every_role() {
        // Not a tautology: a role added to the enum without a demo account would escape
        // the scope sweep.
        assertThat(ScopeSweepIT.ACCOUNTS.keySet()).containsExactlyInAnyOrder(Role.values());
    }

    static String describe(RequestMappingInfo info, HandlerMethod handler) {
        return handler.getBeanType().getName() + "#" + handler.getMethod().getName() + " " + info.getMethodsCondition()
                + " " + info.getPatternValues();
    }

}
