package org.jixing.certification;

import static org.jixing.RunningAs.asEvaluator;

import java.util.List;

import org.jixing.subsidy.SubsidyFixtures;
import org.jixing.training.CompletedTraining;
import org.jixing.training.Enrolments;

/**
 * Fixtures for assessments: evaluation bodies with their permits and evaluator accounts
 * (from the certificate fixtures), completed past classes (from the subsidy fixtures),
 * batches scheduled by a body.
 */
public interface AssessmentFixtures extends SubsidyFixtures, CertificateFixtures {

    /** The completed enrolments of a class. */
    default List<CompletedTraining> completions(long classId) {
        return bean(Enrolments.class).completedTrainingsOfClass(classId);
    }

    /** A batch scheduled today by a body's evaluator, with two examiners. */
    default AssessmentBatch batch(long bodyId, AssessmentBatch.Kind kind, String occupation, String level) {
        return asEvaluator(bodyId, () -> bean(AssessmentBatches.class).schedule(
                new AssessmentBatches.NewBatch(kind, occupation, level, today(), "历下区考点 2 楼", List.of("王考评", "李考评"))));
    }

}
