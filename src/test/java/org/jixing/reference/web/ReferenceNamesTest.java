package org.jixing.reference.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jixing.reference.ActionLine;
import org.jixing.reference.Occupation;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.reference.Region;
import org.jixing.reference.SkillLevel;
import org.jixing.reference.TraineeGroup;
import org.jixing.shared.RegionCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

class ReferenceNamesTest {

    final ReferenceCatalogue reference = mock(ReferenceCatalogue.class);

    final ReferenceNames names = new ReferenceNames(reference);

    @BeforeEach
    void theReferenceData() {
        when(reference.region("370100"))
            .thenReturn(Optional.of(new Region("370100", "济南市", "Jinan", RegionCode.Level.CITY, "370000", 1)));
        when(reference.region("379999")).thenReturn(Optional.empty());
        when(reference.occupation("WELDER"))
            .thenReturn(Optional.of(new Occupation("WELDER", "6-18-02-04", "焊工", "Welder", "L07", true)));
        when(reference.skillLevels()).thenReturn(List.of(new SkillLevel("JUNIOR", 5, "初级工", "Junior", 5)));
        when(reference.traineeGroups()).thenReturn(List.of(new TraineeGroup("VETERAN", "退役军人", "Veterans", 1)));
        when(reference.actionLine("L07")).thenReturn(Optional
            .of(new ActionLine("L07", 7, "技能强企培训行动", "Enterprise-led training", "", "", List.of(), List.of())));
    }

    @AfterEach
    void forgetTheLanguage() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Nested
    class AChinesePage {

        @Test
        void showsTheChineseNames() {
            LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
            assertThat(names.region("370100")).isEqualTo("济南市");
            assertThat(names.occupation("WELDER")).isEqualTo("焊工");
            assertThat(names.level("JUNIOR")).isEqualTo("初级工");
            assertThat(names.group("VETERAN")).isEqualTo("退役军人");
            assertThat(names.line("L07")).isEqualTo("技能强企培训行动");
            assertThat(names.numberedLine("L07")).isEqualTo("7. 技能强企培训行动");
            assertThat(names.lineNumber("L07")).isEqualTo("7");
        }

    }

    @Nested
    class AnEnglishPage {

        @Test
        void showsTheEnglishNames() {
            LocaleContextHolder.setLocale(Locale.ENGLISH);
            assertThat(names.region("370100")).isEqualTo("Jinan");
            assertThat(names.level("JUNIOR")).isEqualTo("Junior");
            assertThat(names.numberedLine("L07")).isEqualTo("7. Enterprise-led training");
        }

    }

    @Test
    void anUnknownCodeIsShownAsItIsAndNoCodeAsNothing() {
        assertThat(names.region("379999")).isEqualTo("379999");
        assertThat(names.level("MASTER")).isEqualTo("MASTER");
        assertThat(names.region(null)).isNull();
        assertThat(names.numberedLine(null)).isNull();
    }

}
