package org.jixing.shared.access;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jixing.shared.scope.Role;
import org.springframework.web.method.HandlerMethod;

/**
 * What a handler declares: {@link Public}, or exactly one permission of a module's policy
 * (on the handler method itself). Read by the interceptor and by the test that fails on
 * handlers that declare nothing.
 *
 * @param permission the permission, or null when the handler is public
 */
public record DeclaredPermission(Permission permission) {

    public boolean isPublic() {
        return permission == null;
    }

    /** True when a user of {@code role} may call the handler (always, when public). */
    public boolean allows(Role role) {
        return permission == null || permission.allows(role);
    }

    /**
     * The handler method's declaration, or empty when it declares none (which the
     * interceptor refuses and a test reports). Only the method counts: a permission on
     * the class would silently cover a write handler added to a reading controller later.
     * @throws IllegalStateException when a handler declares more than one
     */
    public static Optional<DeclaredPermission> of(HandlerMethod handler) {
        return on(handler.getMethod(), handler);
    }

    private static Optional<DeclaredPermission> on(AnnotatedElement element, HandlerMethod handler) {
        List<DeclaredPermission> found = new ArrayList<>();
        if (element.isAnnotationPresent(Public.class)) {
            found.add(new DeclaredPermission(null));
        }
        for (Annotation a : element.getAnnotations()) {
            if (a.annotationType().isAnnotationPresent(PermissionAnnotation.class)) {
                found.add(new DeclaredPermission(valueOf(a)));
            }
        }
        if (found.size() > 1) {
            throw new IllegalStateException(handler + " declares more than one permission: " + found);
        }
        return found.stream().findFirst();
    }

    private static Permission valueOf(Annotation a) {
        try {
            Object value = a.annotationType().getMethod("value").invoke(a);
            if (value instanceof Permission p) {
                return p;
            }
            throw new IllegalStateException(a.annotationType() + ".value() is not a Permission");
        }
        catch (ReflectiveOperationException ex) {
            throw new IllegalStateException(a.annotationType() + " needs a value() of a Permission enum", ex);
        }
    }

}
