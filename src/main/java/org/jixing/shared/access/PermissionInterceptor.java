package org.jixing.shared.access;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jixing.shared.scope.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a request whose handler's permission the user's role lacks, before any argument
 * is bound or body parsed. A handler that declares no permission is refused for everybody
 * (fail closed) and logged; {@code PermissionCoverageIT} names it at build time.
 */
public class PermissionInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(PermissionInterceptor.class);

    private final Map<Method, Optional<DeclaredPermission>> declared = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !isOurs(method)) {
            // Static resources, the framework's error controller, the OpenAPI document:
            // the security filter chain decides about those.
            return true;
        }
        Optional<DeclaredPermission> declaration = declared.computeIfAbsent(method.getMethod(),
                m -> DeclaredPermission.of(method));
        if (declaration.isEmpty()) {
            log.error("{} declares no permission: refused for everybody", method);
            throw new PermissionRefusedException(Undeclared.UNDECLARED);
        }
        DeclaredPermission d = declaration.get();
        if (d.isPublic()) {
            return true;
        }
        d.permission().require();
        return true;
    }

    static boolean isOurs(HandlerMethod method) {
        return method.getBeanType().getName().startsWith("org.jixing.");
    }

    /** Stands for the permission a handler forgot to declare. */
    enum Undeclared implements Permission {

        UNDECLARED;

        @Override
        public Set<Role> roles() {
            return Set.of();
        }

    }

}
