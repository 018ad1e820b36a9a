package org.jixing.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jixing.shared.ResidentIdNumbers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticPeopleTest {

    @Test
    void everyNumberIsValidAndInTheUnallocatedRegion3799() {
        SyntheticPeople people = new SyntheticPeople(1, 5_000);
        while (people.hasNext()) {
            var p = people.next();
            assertThat(ResidentIdNumbers.check(p.idNumber(), LocalDate.of(2026, 1, 1))).isEmpty();
            assertThat(p.idNumber()).startsWith("3799");
            assertThat(p.phone()).hasSize(11).startsWith("199");
        }
    }

    @Test
    void theSameSeedGivesTheSamePeople() {
        List<String> first = new ArrayList<>();
        new SyntheticPeople(42, 100).forEachRemaining(p -> first.add(p.idNumber() + p.name()));
        List<String> second = new ArrayList<>();
        new SyntheticPeople(42, 100).forEachRemaining(p -> second.add(p.idNumber() + p.name()));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void theExportWritesAHeaderAndOneLinePerPerson(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("people.csv");
        assertThat(PeopleExportCommand.export(file, 7, 1_000)).isEqualTo(1_000);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(1_001);
        assertThat(lines.get(0)).isEqualTo("id_number,name,phone,birth_date");
    }

}
