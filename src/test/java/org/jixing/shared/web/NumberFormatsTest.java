package org.jixing.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

class NumberFormatsTest {

    final NumberFormats format = new NumberFormats();

    @AfterEach
    void forgetTheLanguage() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Nested
    class AChinesePage {

        @Test
        void writesCountsWithThousandsSeparatorsAndSharesAsPercentages() {
            LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
            assertThat(format.count(1_500_000L)).isEqualTo("1,500,000");
            assertThat(format.count(7)).isEqualTo("7");
            assertThat(format.percent(0.256, 1)).isEqualTo("25.6%");
            assertThat(format.percent(0.256, 0)).isEqualTo("26%");
        }

    }

    @Nested
    class AnEnglishPage {

        @Test
        void writesThemTheSameWay() {
            LocaleContextHolder.setLocale(Locale.ENGLISH);
            assertThat(format.count(20_000)).isEqualTo("20,000");
            assertThat(format.percent(1, 1)).isEqualTo("100.0%");
        }

    }

    @Test
    void nothingIsWrittenForNothing() {
        assertThat(format.count(null)).isNull();
        assertThat(format.percent(null, 0)).isNull();
    }

}
