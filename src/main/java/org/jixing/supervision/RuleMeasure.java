package org.jixing.supervision;

/**
 * How a rule has done: alerts raised (all statuses), live now, confirmed, dismissed as
 * false, cleared, cases opened from its alerts; {@code precision} is confirmed /
 * (confirmed + dismissed), null until one of its alerts is decided either way. Cases
 * opened and money recovered are added by the cases' measures.
 */
public record RuleMeasure(String ruleCode, long alerts, long live, long confirmed, long dismissed, long cleared,
        long casesOpened, long recoveredFen) {

    public Double precision() {
        long decided = confirmed + dismissed;
        return decided == 0 ? null : (double) confirmed / decided;
    }

    public RuleMeasure withRecovered(long fen) {
        return new RuleMeasure(ruleCode, alerts, live, confirmed, dismissed, cleared, casesOpened, fen);
    }

}
