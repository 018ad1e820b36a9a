package org.jixing.shared.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a module's {@code Allowed} annotation: an annotation with a single
 * {@code value()} of that module's {@link Permission} enum. {@link PermissionInterceptor}
 * finds every such annotation on a handler method or its controller class.
 */
@Target(ElementType.ANNOTATION_TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PermissionAnnotation {

}
