package org.jixing.supervision;

import java.util.List;

/**
 * One risk rule's behaviour: a bean per rule code. It reads what it needs through the
 * other modules' public APIs and returns its hits; the engine keeps versions, merges the
 * hits into alerts and measures the rule. A rule is a function of the records it reads
 * and its version's parameters, so the same records give the same hits.
 */
public interface RiskRule {

    RuleDefinition definition();

    /** The hits among the records the scan covers, with the version in force. */
    List<Hit> evaluate(ScanWindow window, RuleVersion version);

}
