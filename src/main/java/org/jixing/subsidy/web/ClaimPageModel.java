package org.jixing.subsidy.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jixing.reference.ReferenceCatalogue;
import org.jixing.reference.TraineeGroup;
import org.jixing.subsidy.ClaimLine;
import org.jixing.subsidy.SubsidyRules;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the claim pages show beside the claims: the names of the codes they hold, each
 * line's amount in words, and the province's today.
 */
@Component
class ClaimPageModel {

    private final ReferenceCatalogue reference;

    private final MessageSource messages;

    private final SubsidyRules rules;

    ClaimPageModel(ReferenceCatalogue reference, MessageSource messages, SubsidyRules rules) {
        this.reference = reference;
        this.messages = messages;
        this.rules = rules;
    }

    LocalDate today() {
        return rules.today();
    }

    /**
     * Each line's amount in words: the standard of the level in the tier, the group
     * adjustment, and the cap.
     */
    Map<Long, String> explain(List<ClaimLine> lines) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> groups = reference.traineeGroups()
            .stream()
            .collect(Collectors.toMap(TraineeGroup::code, g -> g.name(locale)));
        Map<Long, String> out = new HashMap<>();
        for (ClaimLine l : lines) {
            StringBuilder s = new StringBuilder(
                    say(locale, "subsidy.explain.standard", l.tier().name(), l.standard().toYuanString()));
            if (l.groupCode() != null && l.adjustPercent() != 0) {
                s.append(say(locale, "subsidy.explain.group", (l.adjustPercent() > 0 ? "+" : "") + l.adjustPercent(),
                        groups.getOrDefault(l.groupCode(), l.groupCode())));
            }
            if (l.capKind() != null && l.capCut().fen() > 0) {
                s.append(say(locale, "subsidy.explain.cap." + l.capKind().name(), l.capCut().toYuanString()));
            }
            out.put(l.enrolmentId(), s.toString());
        }
        return out;
    }

    private String say(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

}
