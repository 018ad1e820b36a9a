package org.jixing.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jixing.reference.TraineeGroup;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.tabular.TableRow;
import org.jixing.training.RosterRowParser.Parsed;
import org.junit.jupiter.api.Test;

/**
 * How an import reads the rows of a roster, without Spring: columns ID number, name,
 * phone, groups; the registry's ID-number check stands in as "an 18-character number".
 */
class RosterRowParserTest {

    static final String ID = "370102199001011234";

    final RosterRowParser parser = new RosterRowParser(new RosterColumns(0, 1, 2, 3),
            List.of(new TraineeGroup("UNEMPLOYED", "失业人员", "Unemployed", 1),
                    new TraineeGroup("MIGRANT", "农民工", "Migrant worker", 2)),
            (field, number) -> number.length() == 18 ? Optional.empty()
                    : Optional.of(new Problem(field, "person.error.idNumber.length")));

    static TableRow row(int number, String... cells) {
        return new TableRow(number, List.of(cells), Set.of());
    }

    static List<String> keys(Parsed p) {
        return p.problems().stream().map(Problem::messageKey).toList();
    }

    @Test
    void aCompleteRowNamesThePersonAndTheirGroupsByCodeOrName() {
        Parsed p = parser.parse(row(2, ID, "张三", "13800000000", "失业人员、migrant"));
        assertThat(p.valid()).isTrue();
        assertThat(p.candidate().idNumber()).isEqualTo(ID);
        assertThat(p.candidate().groups()).containsExactly("UNEMPLOYED", "MIGRANT");
    }

    @Test
    void aMissingNameAndAnUnknownGroupAreBothNamed() {
        Parsed p = parser.parse(row(2, ID, "", "13800000000", "退休"));
        assertThat(keys(p)).containsExactly("training.import.error.required", "training.import.error.group");
    }

    @Test
    void anIdNumberExcelTurnedIntoANumberIsRecognised() {
        assertThat(keys(parser.parse(row(2, "3.70102E+17", "张三", "138", ""))))
            .containsExactly("training.import.error.idAsNumber");
    }

    @Test
    void aCellStartingAFormulaIsRefused() {
        Parsed p = parser.parse(row(2, ID, "=HYPERLINK(\"x\")", "138", ""));
        assertThat(keys(p)).containsExactly("training.import.error.formulaText");
        Parsed formula = parser.parse(new TableRow(3, List.of(ID, "张三", "138", ""), Set.of(1)));
        assertThat(keys(formula)).containsExactly("training.import.error.formula");
    }

    @Test
    void theSameIdNumberTwiceNamesTheFirstRow() {
        assertThat(parser.parse(row(2, ID, "张三", "138", "")).valid()).isTrue();
        Parsed again = parser.parse(row(7, ID, "张三", "138", ""));
        assertThat(keys(again)).containsExactly("training.import.error.duplicate");
        assertThat(again.problems().get(0).args()).containsExactly(2);
    }

    @Test
    void aResumedRunStillSeesTheRowsItSkipped() {
        parser.skip(row(2, ID, "张三", "138", ""));
        assertThat(keys(parser.parse(row(900, ID, "张三", "138", ""))))
            .containsExactly("training.import.error.duplicate");
    }

}
