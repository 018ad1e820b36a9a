package org.jixing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * A module's {@code internal} package is its own: no type of it appears in what the rest
 * of the module shows (public or protected members of classes outside {@code internal}),
 * and no page or API controller uses it. Spring Modulith already stops other modules from
 * reaching in; this stops the module from handing its internals out.
 */
class InternalsStayInternalTest {

    static final JavaClasses classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.jixing");

    @Test
    void noInternalTypeInAPublicSignatureOutsideInternal() {
        List<String> offences = new ArrayList<>();
        for (JavaClass type : classes) {
            if (isInternal(type) || !visibleOutsideItsPackage(type)) {
                continue;
            }
            for (JavaMember member : type.getMembers()) {
                if (!exposed(member)) {
                    continue;
                }
                Set<String> internals = new TreeSet<>();
                for (JavaClass involved : signatureTypes(member)) {
                    if (isInternal(involved)) {
                        internals.add(involved.getName());
                    }
                }
                if (!internals.isEmpty()) {
                    offences.add(member.getFullName() + " mentions " + internals);
                }
            }
        }
        assertThat(offences).as("public or protected members outside internal that mention an internal type").isEmpty();
    }

    @Test
    void pagesAndApisDoNotUseInternals() {
        List<String> offences = new ArrayList<>();
        for (JavaClass type : classes) {
            if (!type.getPackageName().matches(".*\\.(web|api)(\\..*)?")) {
                continue;
            }
            Set<String> internals = new TreeSet<>();
            type.getDirectDependenciesFromSelf()
                .stream()
                .filter(dependency -> isInternal(dependency.getTargetClass()))
                .forEach(dependency -> internals.add(dependency.getTargetClass().getName()));
            if (!internals.isEmpty()) {
                offences.add(type.getName() + " uses " + internals);
            }
        }
        assertThat(offences).as("page and API classes that use an internal type").isEmpty();
    }

    private static boolean exposed(JavaMember member) {
        if (member.getModifiers().contains(JavaModifier.SYNTHETIC)) {
            return false;
        }
        return member.getModifiers().contains(JavaModifier.PUBLIC)
                || member.getModifiers().contains(JavaModifier.PROTECTED);
    }

    private static boolean visibleOutsideItsPackage(JavaClass type) {
        for (JavaClass t = type; t != null; t = t.getEnclosingClass().orElse(null)) {
            if (!t.getModifiers().contains(JavaModifier.PUBLIC) && !t.getModifiers().contains(JavaModifier.PROTECTED)) {
                return false;
            }
        }
        return true;
    }

    private static Set<JavaClass> signatureTypes(JavaMember member) {
        Set<JavaClass> types = new HashSet<>();
        if (member instanceof JavaField field) {
            types.addAll(field.getType().getAllInvolvedRawTypes());
        }
        if (member instanceof JavaCodeUnit codeUnit) {
            types.addAll(codeUnit.getReturnType().getAllInvolvedRawTypes());
            codeUnit.getParameterTypes().forEach(parameter -> types.addAll(parameter.getAllInvolvedRawTypes()));
        }
        return types;
    }

    private static boolean isInternal(JavaClass type) {
        JavaClass base = type;
        while (base.isArray()) {
            base = base.getComponentType();
        }
        return base.getPackageName().startsWith("org.jixing.")
                && base.getPackageName().matches(".*\\.internal(\\..*)?");
    }

}
