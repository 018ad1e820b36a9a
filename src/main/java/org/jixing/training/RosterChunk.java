package org.jixing.training;

import java.util.List;
import java.util.Map;

import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.training.RosterRowParser.Candidate;
import org.jixing.training.internal.RosterImportStore.Counts;
import org.jixing.training.internal.RosterImportStore.RowOutcome;

/**
 * What an import does with a chunk of rows read without problems: a roster enrols them in
 * its class, a trainee list registers them in its region.
 */
interface RosterChunk {

    /**
     * Checks the candidates of a chunk of {@code read} rows and, when {@code write},
     * writes the valid ones.
     * @param problems the rows found invalid so far, by row number; the check adds to it
     */
    Taken take(int read, List<Candidate> candidates, Map<Integer, List<Problem>> problems, boolean write);

    /**
     * The outcomes of the rows that were not simply taken, and how far the counts move.
     */
    record Taken(List<RowOutcome> outcomes, Counts added) {
    }

}
