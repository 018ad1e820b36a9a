package org.jixing.certification;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Each night, batches whose publicity period has ended (and whose challenges are all
 * decided) become final, through the service so that it runs in one transaction.
 */
@Component
class AssessmentSchedule {

    private final Assessments assessments;

    private final AssessmentFinalising finalising;

    AssessmentSchedule(Assessments assessments, AssessmentFinalising finalising) {
        this.assessments = assessments;
        this.finalising = finalising;
    }

    @Scheduled(cron = "${jixing.certification.finalise-cron:0 15 1 * * *}", zone = "Asia/Shanghai")
    void nightly() {
        finalising.finaliseDue(assessments.today());
    }

}
