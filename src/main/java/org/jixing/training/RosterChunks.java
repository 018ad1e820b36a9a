package org.jixing.training;

import java.time.Clock;
import java.time.LocalDate;

import org.jixing.audit.AuditTrail;
import org.jixing.person.People;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.training.internal.EnrolmentStore;
import org.springframework.stereotype.Component;

/**
 * Makes the row parser and the chunk handlers of an import run, with what they read and
 * write through.
 */
@Component
class RosterChunks {

    private final People people;

    private final EligibilityChecks eligibility;

    private final EnrolmentStore enrolmentStore;

    private final AuditTrail audit;

    private final ImportTexts texts;

    private final Clock clock;

    private final ReferenceCatalogue reference;

    RosterChunks(People people, EligibilityChecks eligibility, EnrolmentStore enrolmentStore, AuditTrail audit,
            ImportTexts texts, Clock clock, ReferenceCatalogue reference) {
        this.reference = reference;
        this.people = people;
        this.eligibility = eligibility;
        this.enrolmentStore = enrolmentStore;
        this.audit = audit;
        this.texts = texts;
        this.clock = clock;
    }

    /** The rows of a roster import into its class. */
    RosterChunk forClass(RosterImport job, TrainingClass c, LocalDate today) {
        return new ClassRosterChunk(job, c, today, people, eligibility, enrolmentStore, audit, texts, clock);
    }

    /** The rows of a trainee list into the registry of its region. */
    RosterChunk forTrainees(RosterImport job, LocalDate today) {
        return new TraineeListChunk(job, today, people, texts);
    }

    /**
     * Reads the rows of a file with these columns, the groups as the catalogue names
     * them.
     */
    RosterRowParser parser(RosterColumns columns) {
        return new RosterRowParser(columns, reference.traineeGroups(), people::checkIdNumber);
    }

}
