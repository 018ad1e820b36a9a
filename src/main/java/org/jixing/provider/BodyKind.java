package org.jixing.provider;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What kind of organisation a filed body is, and in which registries that kind may file.
 */
public enum BodyKind {

    /** 技工院校. */
    TECHNICAL_COLLEGE(EnumSet.of(Registry.PROVIDER, Registry.EVALUATION_BODY)),
    /** 职业院校. */
    VOCATIONAL_COLLEGE(EnumSet.of(Registry.PROVIDER, Registry.EVALUATION_BODY)),
    /** 民办职业培训机构. */
    PRIVATE_INSTITUTION(EnumSet.of(Registry.PROVIDER)),
    /** 企业 (in-house training, or self-assessment as an evaluation body). */
    ENTERPRISE(EnumSet.of(Registry.PROVIDER, Registry.EVALUATION_BODY)),
    /** 公共实训基地. */
    PUBLIC_TRAINING_BASE(EnumSet.of(Registry.PROVIDER)),
    /** 社会培训评价组织. */
    SOCIAL_EVALUATION_ORGANISATION(EnumSet.of(Registry.EVALUATION_BODY));

    private final Set<Registry> registries;

    BodyKind(Set<Registry> registries) {
        this.registries = registries;
    }

    public boolean allowedIn(Registry registry) {
        return registries.contains(registry);
    }

    /** The kinds that may file in a registry, in declaration order. */
    public static List<BodyKind> kindsFor(Registry registry) {
        return Arrays.stream(values()).filter(k -> k.allowedIn(registry)).toList();
    }

}
