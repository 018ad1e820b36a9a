package org.jixing.supervision.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jixing.person.SharedPhones;
import org.jixing.person.SharedPhones.PhoneHolder;
import org.jixing.supervision.Hit;
import org.jixing.supervision.RiskRule;
import org.jixing.supervision.RuleDefinition;
import org.jixing.supervision.RuleDefinition.Trigger;
import org.jixing.supervision.RuleParameter;
import org.jixing.supervision.RuleVersion;
import org.jixing.supervision.ScanWindow;
import org.jixing.supervision.Severity;
import org.jixing.supervision.SubjectKind;
import org.springframework.stereotype.Component;

/**
 * SHARED_PHONE: at least {@code minPeople} different trainees registered with one phone
 * number (compared by its blind index): trainees made up by one hand. The alert is about
 * the first of them and lists them all. Staff accounts carry no phone number, so the
 * "trainee and the provider's staff" half of the pattern cannot be read yet.
 */
@Component
public class SharedPhoneRule implements RiskRule {

    static final String CODE = "SHARED_PHONE";

    private final SharedPhones phones;

    SharedPhoneRule(SharedPhones phones) {
        this.phones = phones;
    }

    @Override
    public RuleDefinition definition() {
        return new RuleDefinition(CODE, List.of(Trigger.CLAIM),
                List.of(RuleParameter.of("minPeople", 3, 2, 100, "登记同一手机号的不同学员至少达到此人数",
                        "The fewest different trainees registered with one phone number")),
                Severity.MEDIUM, false, "同一手机号登记在多名不同学员名下",
                "The same phone number is registered for different trainees");
    }

    @Override
    public List<Hit> evaluate(ScanWindow window, RuleVersion version) {
        if (window.focused() && window.personIds().isEmpty()) {
            return List.of();
        }
        int min = (int) version.whole("minPeople");
        return hits(phones.shared(window.from(), window.to(), window.personIds(), min), min);
    }

    static List<Hit> hits(Map<String, List<PhoneHolder>> shared, int minPeople) {
        List<Hit> out = new ArrayList<>();
        for (List<PhoneHolder> people : shared.values()) {
            if (people.size() < minPeople) {
                continue;
            }
            PhoneHolder first = people.get(0);
            List<Map<String, Object>> listed = people.stream()
                .map(p -> Evidence.of("personId", p.personId(), "name", p.name(), "idNumber", p.idNumberMasked(),
                        "regionCode", p.regionCode()))
                .toList();
            List<Hit.Target> targets = people.stream()
                .map(p -> new Hit.Target(SubjectKind.PERSON, p.personId()))
                .toList();
            out.add(new Hit(SubjectKind.PERSON, first.personId(), first.idNumberMasked(), first.regionCode(), null,
                    null, null, Math.min(100, 40 + 10 * people.size()), Evidence.of("phone", first.phoneMasked(),
                            "people", Evidence.capped(listed), "peopleCount", people.size(), "minPeople", minPeople),
                    Evidence.capped(targets)));
        }
        return out;
    }

}
