package org.jixing.shared;

import java.time.LocalDate;

import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

class ResidentIdNumbersFuzzTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @FuzzTest
    void checkAndParseAgree(String raw) {
        var problem = ResidentIdNumbers.check(raw, TODAY);
        if (problem.isEmpty()) {
            var parsed = ResidentIdNumbers.parse(raw, TODAY);
            assertThat(parsed.value()).hasSize(18);
            assertThat(ResidentIdNumbers.checkCharacter(parsed.value().substring(0, 17)))
                .isEqualTo(parsed.value().charAt(17));
            assertThat(parsed.birthDate()).isBeforeOrEqualTo(TODAY);
        }
    }

}
