package org.jixing.employment;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

import org.jixing.Fixture;
import org.jixing.RunningAs;
import org.jixing.shared.UnifiedSocialCreditCode;
import org.jixing.training.ImportMode;

/**
 * Contribution files imported the way the province imports them (through
 * {@link ContributionImports}, waiting for the import to end), for tests of other modules
 * that read employment (the employment claim, supervision's rule on classes for the
 * unemployed).
 */
public interface ContributionFixtures extends Fixture {

    String CONTRIBUTION_HEADER = "ID number,Employer credit code,Month,Contribution base\n";

    /** A well-formed credit code of a fresh 济南 employer. */
    default String employerCreditCode() {
        String first17 = "91370100MA" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    /**
     * A row of a contribution file: ID number, employer, month (yyyy-MM), base (yuan).
     */
    default String contributionRow(String idNumber, String employer, String month, String base) {
        return idNumber + "," + employer + "," + month + "," + base + "\n";
    }

    /**
     * Imports a file of these rows (the header added) as the province administrator,
     * importing the valid rows, and waits for it to end.
     */
    default ContributionImport importContributions(String... rows) {
        StringBuilder file = new StringBuilder(CONTRIBUTION_HEADER);
        for (String r : rows) {
            file.append(r);
        }
        ContributionImports imports = bean(ContributionImports.class);
        byte[] content = file.toString().getBytes(StandardCharsets.UTF_8);
        ContributionImport started = RunningAs
            .asAdmin(() -> imports.start("contributions-" + ThreadLocalRandom.current().nextInt(1_000_000) + ".csv",
                    new ByteArrayInputStream(content), ImportMode.VALID_ROWS));
        for (int i = 0; i < 600; i++) {
            ContributionImport now = RunningAs.asAdmin(() -> imports.get(started.id()));
            if (now.status().finished()) {
                return now;
            }
            try {
                Thread.sleep(100);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
        throw new IllegalStateException("import " + started.id() + " did not end");
    }

}
