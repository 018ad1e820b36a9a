package org.jixing.subsidy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jixing.reference.ReferenceCatalogue;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.subsidy.Simulator.Simulation;
import org.jixing.subsidy.internal.RuleStore;
import org.jixing.training.TrainingClass;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A simulation of what a trainee would be paid, told in the reader's language with the
 * names of the occupation, level, groups and fund source.
 */
@Component
public class SimulationWording {

    private final RuleStore rules;

    private final ReferenceCatalogue reference;

    private final MessageSource messages;

    SimulationWording(RuleStore rules, ReferenceCatalogue reference, MessageSource messages) {
        this.rules = rules;
        this.reference = reference;
        this.messages = messages;
    }

    /**
     * The simulation in words, one sentence a step, in the reader's language: the rules
     * applied, the occupation's tier, the standard, the group adjustment, each cap, and
     * what would be paid or why nothing would.
     */
    public List<String> explain(Simulation s, Locale locale) {
        List<String> out = new ArrayList<>();
        TrainingClass c = s.trainingClass();
        if (s.rules() == null) {
            out.add(say(locale, s.refusalKey(), s.refusalArgs().toArray()));
            return out;
        }
        RuleSet r = s.rules();
        if (s.underInForceVersion()) {
            out.add(say(locale, "subsidyRules.sim.say.rules", r.version(), r.effectiveFrom().toString(),
                    c.startDate().toString()));
        }
        else if (s.inForce() == null) {
            out.add(say(locale, "subsidyRules.sim.say.chosenNoneInForce", r.version(), r.effectiveFrom().toString(),
                    c.startDate().toString()));
        }
        else {
            out.add(say(locale, "subsidyRules.sim.say.chosen", r.version(), r.effectiveFrom().toString(),
                    c.startDate().toString(), s.inForce().version()));
        }
        String occupation = reference.occupation(c.occupationCode())
            .map(o -> o.name(locale))
            .orElse(c.occupationCode());
        String level = reference.skillLevels()
            .stream()
            .filter(l -> l.code().equals(c.levelCode()))
            .findFirst()
            .map(l -> l.name(locale))
            .orElse(c.levelCode());
        out.add(say(locale, s.tierListed() ? "subsidyRules.sim.say.tierListed" : "subsidyRules.sim.say.tierDefault",
                occupation, s.tier().name()));
        if (s.standard() == null) {
            out.add(say(locale, "subsidyRules.sim.say.noStandard", level, s.tier().name()));
        }
        else {
            out.add(say(locale, "subsidyRules.sim.say.standard", level, s.tier().name(),
                    s.standard().amount().toYuanString(),
                    say(locale, "subsidyRules.paysOn." + s.standard().paysOn().name())));
        }
        if (s.quoted()) {
            if (s.groupCode() != null && s.adjustPercent() != 0) {
                out.add(say(locale, "subsidyRules.sim.say.group", groupName(s.groupCode(), locale),
                        (s.adjustPercent() > 0 ? "+" : "") + s.adjustPercent(), s.adjusted().toYuanString()));
                if (s.groupEvidence() != null) {
                    out.add(say(locale, "subsidyRules.sim.say.groupBasis." + s.groupEvidence().basis().name(),
                            groupName(s.groupCode(), locale),
                            say(locale, "subsidy.groupChannel." + s.groupEvidence().channel().name()),
                            s.groupEvidence().recordedBy()));
                }
            }
            else {
                out.add(say(locale, "subsidyRules.sim.say.noGroup",
                        s.groupCodes().isEmpty() ? say(locale, "subsidyRules.sim.noGroups")
                                : s.groupCodes()
                                    .stream()
                                    .sorted()
                                    .map(g -> groupName(g, locale))
                                    .collect(Collectors.joining("、"))));
            }
            out.add(say(locale,
                    s.personCapCut().fen() > 0 ? "subsidyRules.sim.say.personCapCut" : "subsidyRules.sim.say.personCap",
                    r.personYearCap().toYuanString(), s.alreadyThisYear().toYuanString(),
                    s.personYearLeft().toYuanString(), s.personCapCut().toYuanString()));
            out.add(say(locale,
                    s.classCapCut().fen() > 0 ? "subsidyRules.sim.say.classCapCut" : "subsidyRules.sim.say.classCap",
                    r.classCap().toYuanString(), s.classTakenBefore().toYuanString(), s.classCapCut().toYuanString()));
        }
        if (s.payable()) {
            String fund = s.fundSourceCode() == null ? "—"
                    : rules.fundSources()
                        .stream()
                        .filter(f -> f.code().equals(s.fundSourceCode()))
                        .findFirst()
                        .map(f -> f.name(locale))
                        .orElse(s.fundSourceCode());
            out.add(say(locale, "subsidyRules.sim.say.pays", s.amount().toYuanString(), fund));
        }
        else {
            out.add(say(locale, "subsidyRules.sim.say.leftOut",
                    say(locale, s.refusalKey(), s.refusalArgs().toArray())));
        }
        for (Problem n : s.notes()) {
            out.add(say(locale, n.messageKey(), n.args()));
        }
        return out;
    }

    private String say(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private String groupName(String code, Locale locale) {
        return reference.traineeGroups()
            .stream()
            .filter(g -> g.code().equals(code))
            .findFirst()
            .map(g -> g.name(locale))
            .orElse(code);
    }

}
